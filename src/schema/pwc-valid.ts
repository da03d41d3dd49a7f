/**
 * A quick look that proves data valid for the Papers-with-Code schemas of `pwc.ts`, so that the
 * clean blocks, nearly all of them, skip zod (which makes a diagnostic's every detail, and costs
 * as much as reading the block). Each check here says `true` only where the zod schema beside it
 * surely accepts the data; anything it is unsure of says `false`, and zod decides. Held to zod on
 * every corpus and on generated data by `test/pwc-valid.test.ts`.
 */
import type { z } from 'zod';
import type { Data } from '../source/to-data.js';
import * as pwc from './pwc.js';
import { ARXIV_ID, isHttpUrl } from './fields.js';

type Mapping = Record<string, Data>;

function isMapping(d: Data | undefined): d is Mapping {
  return typeof d === 'object' && d !== null && !Array.isArray(d);
}

const isString = (d: Data | undefined): d is string => typeof d === 'string';
const nonEmpty = (d: Data | undefined): boolean => typeof d === 'string' && d.trim() !== '';
const finite = (d: Data | undefined): boolean => typeof d === 'number' && Number.isFinite(d);
const numberOrString = (d: Data | undefined): boolean => isString(d) || finite(d);
const httpUrl = (d: Data | undefined): boolean => isString(d) && isHttpUrl(d);
const strOrList = (d: Data | undefined): boolean => isString(d) || (Array.isArray(d) && d.every(isString));

/** Every own key of `m` is one of `keys` (a strict object). */
function onlyKeys(m: Mapping, keys: ReadonlySet<string>): boolean {
  for (const k in m) if (!keys.has(k)) return false;
  return true;
}

/** `m[k]` is absent, or passes `check` (an optional field: null is not absent). */
function optional(m: Mapping, k: string, check: (d: Data) => boolean): boolean {
  return !Object.prototype.hasOwnProperty.call(m, k) || check(m[k]!);
}

const METADATA_VALUES: readonly [string, (d: Data) => boolean][] = [
  ['FLOPs', numberOrString], ['Parameters', numberOrString], ['File Size', numberOrString], ['Epochs', numberOrString],
  ['Batch Size', numberOrString], ['Crop Pct', numberOrString], ['Image Size', numberOrString], ['Interpolation', isString],
  ['Training Data', strOrList], ['Training Techniques', strOrList], ['Training Resources', strOrList], ['Architecture', strOrList],
  ['ID', numberOrString],
];

function metadataMap(d: Data): boolean {
  if (!isMapping(d)) return false;
  for (const [k, check] of METADATA_VALUES) if (!optional(d, k, check)) return false;
  return true;
}

const metadata = (d: Data): boolean => metadataMap(d) || isString(d) || (Array.isArray(d) && d.every(metadataMap));

const nameOrMapping = (d: Data): boolean => nonEmpty(d) || (isMapping(d) && nonEmpty(d.Name));

const present = (d: Data | undefined): boolean => d !== null && d !== undefined;

function metrics(d: Data): boolean {
  if (Array.isArray(d)) return d.every(present);
  if (!isMapping(d)) return false;
  for (const k in d) if (!present(d[k])) return false;
  return true;
}

const RESULT_KEYS = new Set(['Task', 'Dataset', 'Metrics']);
function result(d: Data): boolean {
  return isMapping(d) && onlyKeys(d, RESULT_KEYS)
    && nameOrMapping(d.Task ?? null) && nameOrMapping(d.Dataset ?? null) && present(d.Metrics) && metrics(d.Metrics!);
}

const results = (d: Data): boolean => isString(d) || result(d) || (Array.isArray(d) && d.every((r) => isString(r) || result(r)));

const PAPER_KEYS = new Set(['Title', 'URL']);
function paper(d: Data): boolean {
  if (isString(d)) return isHttpUrl(d) || ARXIV_ID.test(d.trim());
  return isMapping(d) && onlyKeys(d, PAPER_KEYS) && optional(d, 'Title', isString) && optional(d, 'URL', httpUrl)
    && (d.Title !== undefined || d.URL !== undefined);
}

const CODE_KEYS = new Set(['URL', 'Version']);
const code = (d: Data): boolean => httpUrl(d)
  || (isMapping(d) && onlyKeys(d, CODE_KEYS) && httpUrl(d.URL) && optional(d, 'Version', numberOrString));

const convertedFrom = (d: Data): boolean => isMapping(d) && optional(d, 'Weights', httpUrl) && optional(d, 'Code', httpUrl);

const COMMON: readonly [string, (d: Data) => boolean][] = [
  ['Metadata', metadata], ['Results', results], ['Paper', paper], ['Code', code], ['Weights', httpUrl],
  ['Config', isString], ['README', isString], ['Image', isString], ['Converted From', convertedFrom],
];
const COMMON_KEYS = COMMON.map(([k]) => k);
const MODEL_KEYS = new Set(['Name', 'In Collection', ...COMMON_KEYS]);
const COLLECTION_KEYS = new Set(['Name', ...COMMON_KEYS]);

function common(d: Mapping): boolean {
  for (const [k, check] of COMMON) if (!optional(d, k, check)) return false;
  return true;
}

const model = (d: Data): boolean => isMapping(d) && onlyKeys(d, MODEL_KEYS) && nonEmpty(d.Name)
  && optional(d, 'In Collection', nonEmpty) && common(d);
const collection = (d: Data): boolean => isMapping(d) && onlyKeys(d, COLLECTION_KEYS) && nonEmpty(d.Name) && common(d);

const LIBRARY_URLS = ['Website', 'Repository', 'Docs'];
const library = (d: Data): boolean => isMapping(d) && optional(d, 'Name', nonEmpty)
  && optional(d, 'Headline', isString) && optional(d, 'README', isString) && optional(d, 'Image', isString)
  && LIBRARY_URLS.every((k) => optional(d, k, httpUrl));

const modelList = (d: Data): boolean => Array.isArray(d) && d.every((m) => isString(m) || model(m));
const collectionList = (d: Data): boolean => Array.isArray(d) && d.every((c) => isString(c) || collection(c));

const INDEX_KEYS = new Set(['Type', 'Import', 'Models', 'Collections', 'Library']);
const modelIndex = (d: Data): boolean => isMapping(d) && onlyKeys(d, INDEX_KEYS)
  && optional(d, 'Type', isString)
  && optional(d, 'Import', (i) => isString(i) || (Array.isArray(i) && i.every(isString)))
  && optional(d, 'Models', (m) => isString(m) || modelList(m))
  && optional(d, 'Collections', (c) => isString(c) || collectionList(c))
  && optional(d, 'Library', (l) => isString(l) || library(l));

/** The quick checks, by the zod schema each one stands in for. */
const CHECKS = new Map<z.ZodType, (d: Data) => boolean>([
  [pwc.modelIndex, modelIndex], [pwc.modelList, modelList], [pwc.collectionList, collectionList],
  [pwc.model, model], [pwc.collection, collection], [pwc.metadata, metadata], [pwc.results, results],
  [pwc.result, result], [pwc.library, library],
]);

/** Whether `data` surely passes `schema` (false: not known here, ask zod). */
export function surelyValid(schema: z.ZodType, data: Data | undefined): boolean {
  const check = CHECKS.get(schema);
  return check !== undefined && data !== undefined && check(data);
}
