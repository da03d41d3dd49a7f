/**
 * Turns zod issues into reports that point at the offending YAML node:
 * a missing key at the nearest existing node, an unknown key at that key (one report per key),
 * a wrong value at the value. Messages describe the received value from the data, since zod
 * does not keep the input.
 * @see https://zod.dev/api#error-customization (each schema's `error` is our "expected" phrase)
 */
import type { z } from 'zod';
import type { Origin, ParsedBlock, Path } from '../types.js';
import type { Data } from '../source/to-data.js';
import { reportAt, type Report } from '../core/report.js';
import { fixer } from '../core/fixer.js';
import { closest } from '../core/suggest.js';
import { EXTENSION_KEYS, KNOWN_KEYS, canonicalKey } from '../source/keys.js';
import { isMapping } from './roles.js';

type Issue = z.core.$ZodIssue;

/** Reports for the issues of one validation of `data` (found at `base` inside the block). */
export function issuesToReports(issues: readonly Issue[], block: ParsedBlock, base: Path, data: Data | undefined, hf: boolean): Report[] {
  const out: Report[] = [];
  for (const issue of issues) flatten(issue, [], out, block, base, data, hf);
  // A typo'd key (`tasks`) is one finding: the keys its mapping then lacks are its consequences.
  const typos = new Set(out.filter((r) => r.ruleId === 'schema/unknown-key' && r.messageId === 'suggest').map((r) => JSON.stringify(r.path.slice(0, -1))));
  return typos.size === 0 ? out : out.filter((r) => r.ruleId !== 'schema/missing-key' || !typos.has(JSON.stringify(r.path.slice(0, -1))));
}

function flatten(issue: Issue, prefix: Path, out: Report[], block: ParsedBlock, base: Path, data: Data | undefined, hf: boolean): void {
  const path: Path = [...prefix, ...issue.path.filter((s): s is string | number => typeof s !== 'symbol')];
  const at: Origin = { block, path: [...base, ...path] };
  const label = (p: Path) => pathLabel([...block.dataPath, ...base, ...p]);
  if (issue.code === 'invalid_union') {
    // Follow the one branch that got past the type check of the value itself, if any: its
    // issues are about the inside of the value and say more than "none of the forms matched".
    const deeper = issue.errors.filter((branch) => !branch.every((i) => i.path.length === 0 && i.code === 'invalid_type'));
    if (deeper.length === 1) {
      for (const i of deeper[0]!) flatten(i, path, out, block, base, data, hf);
      return;
    }
  }
  if (issue.code === 'unrecognized_keys') {
    const parentData = valueAt(data, path);
    const known = isMapping(parentData) ? knownKeysFor(hf) : [];
    for (const key of issue.keys) {
      // Never "did you mean" the key itself: a known key in the wrong place is no typo.
      // and a key OpenMMLab writes on purpose (`Training Log`) is no typo of a defined one.
      const suggestion = EXTENSION.has(canonicalKey(key)) ? undefined : closest(key, known.filter((k) => canonicalKey(k) !== canonicalKey(key)));
      const keyAt: Origin = { block, path: [...base, ...path, key] };
      const edit = suggestion ? fixer.replaceString(keyAt, suggestion, 'key') : undefined;
      out.push(suggestion
        ? reportAt('schema/unknown-key', 'suggest', { key, parent: parentLabel(label(path)), suggestion }, keyAt, 'key', undefined,
          edit ? [{ desc: `Rename to "${suggestion}"`, fix: edit }] : [])
        : reportAt('schema/unknown-key', 'unknown', { key, parent: parentLabel(label(path)) }, keyAt, 'key'));
    }
    return;
  }
  const value = valueAt(data, path);
  const expected = phrase(issue);
  if (value === undefined && path.length > 0) {
    const key = String(path[path.length - 1]);
    out.push(reportAt('schema/missing-key', 'missing', { key, parent: parentLabel(label(path.slice(0, -1))) }, at));
    return;
  }
  if (value === undefined || (value === null && path.length === 0 && base.length === 0)) {
    // `model-index:` written with no value: the key has none; the file is not empty.
    const key = block.dataPath[block.dataPath.length - 1];
    out.push(key !== undefined && value === null
      ? reportAt('schema/invalid-type', 'emptyKey', { key: String(key), expected }, at)
      : reportAt('schema/invalid-type', 'empty', { expected }, at));
    return;
  }
  const received = describe(value);
  const typeMismatch = issue.code === 'invalid_type' || issue.code === 'invalid_union' || value === null;
  out.push(reportAt(typeMismatch ? 'schema/invalid-type' : 'schema/invalid-value', typeMismatch ? 'type' : 'value',
    { field: label(path) || 'The block', expected, received }, at));
}

/** Our phrase when a schema set one, else a phrase built from zod's issue. */
function phrase(issue: Issue): string {
  if (issue.message && !/^Invalid|^Too |^Expected|^Unrecognized/.test(issue.message)) return issue.message;
  if (issue.code === 'invalid_type') return `a ${issue.expected === 'object' ? 'mapping' : issue.expected === 'array' ? 'list' : issue.expected}`;
  return 'a valid value';
}

/** The known keys that may stand in a mapping, for did-you-mean suggestions. */
function knownKeysFor(hf: boolean): string[] {
  if (hf) return ['name', 'results', 'task', 'dataset', 'metrics', 'type', 'value', 'config', 'split', 'revision', 'args', 'verified', 'source'];
  return [...KNOWN_KEYS, ...EXTENSION_KEYS];
}

const EXTENSION = new Set(EXTENSION_KEYS.map((k) => canonicalKey(k)));

/** The data at a path, or undefined when a segment is missing. */
export function valueAt(data: Data | undefined, path: Path): Data | undefined {
  let cur: Data | undefined = data;
  for (const seg of path) {
    if (Array.isArray(cur) && typeof seg === 'number') cur = cur[seg];
    else if (isMapping(cur) && Object.prototype.hasOwnProperty.call(cur, seg)) cur = cur[String(seg)];
    else return undefined;
  }
  return cur;
}

/** `Models[0].Metadata.FLOPs`: a path as users read it; `Item [2]` for a top-level list item. */
export function pathLabel(path: Path): string {
  let s = '';
  for (const seg of path) s += typeof seg === 'number' ? `[${seg}]` : s === '' ? seg : `.${seg}`;
  return s.startsWith('[') ? `Item ${s}` : s;
}

function parentLabel(label: string): string {
  return label === '' ? 'The block' : label;
}

/** A short description of a received value: `string "4.1G"`, `number -3`, `an empty value`. */
export function describe(value: Data): string {
  if (value === null) return 'an empty value';
  if (Array.isArray(value)) return value.length === 0 ? 'an empty list' : 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') {
    const s = value.length > 40 ? `${value.slice(0, 37)}...` : value;
    return value.trim() === '' ? 'an empty string' : `string ${JSON.stringify(s)}`;
  }
  return `${typeof value} ${String(value)}`;
}
