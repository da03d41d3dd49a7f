/**
 * The fast path: most blocks are clean, and a clean block needs its data but not its node
 * positions. js-yaml loads a block about eight times faster than a full `yaml` Document; the
 * Document is then built only when something asks for a position (`ParsedBlock.doc` is lazy).
 * Whatever js-yaml and `yaml` might read differently goes to the full parse from the start:
 * anchors and aliases, tags, `0b`/signed hex/octal numbers, `__proto__`, and any block js-yaml
 * rejects (syntax errors, duplicate keys, several documents).
 */
import jsYaml from 'js-yaml';
import type { Document } from 'yaml';
import type { Block, BlockHints, ParsedBlock, Path } from '../types.js';
import type { Data } from '../source/to-data.js';
import { canonicalKey, displayKey } from '../source/keys.js';
import { parseBlock, yamlText } from './parse-block.js';
import { GAVE_UP, loadPlainYaml, type PlainInspector } from './plain-yaml.js';
import { isEmptyString, isListKey, isPadded, isVariantSpelling } from './hints.js';
import { hasYaml11Number, isYaml11String } from './yaml11.js';

// YAML 1.2 core schema plus `<<` merge keys, as the full parse reads them. js-yaml exports its
// built-in types as `types`, which its type definitions leave out.
const MERGE = (jsYaml as unknown as { types: { merge: jsYaml.Type } }).types.merge;
export const SCHEMA = jsYaml.CORE_SCHEMA.extend([MERGE]);

/** Text that js-yaml and `yaml` may read differently, or that needs node positions anyway. */
const NEEDS_FULL_PARSE = /(^|[\s[{,:])([&*!][^\s]|[-+]?0b[01]|[-+]0[xXoO])|__proto__|\t/;

// The hints (BlockHints) are worked out on the way, with the predicates of hints.ts and yaml11.ts:
// strings that YAML 1.1 reads as something else are found in the data (`yes`, `1:30`, `1_000`,
// keys included); numbers that it reads differently (`0755`, `1e6`) by the plain loader as it types
// scalars, or in the text after js-yaml.

/** What `fastBlock` needs to know of a key; worked out once per spelling (keys repeat a lot). */
interface KeyFacts {
  readonly canonical: string;
  /** Its display spelling differs (the data is rebuilt with display keys). */
  readonly renamed: boolean;
  /** Renamed, and a key the format defines (a variant spelling the rules report). */
  readonly variant: boolean;
  readonly yaml11: boolean;
  /** A key whose value is a list in the format. */
  readonly list: boolean;
}
const KEY_FACTS = new Map<string, KeyFacts>();

function keyFacts(k: string): KeyFacts {
  let f = KEY_FACTS.get(k);
  if (f === undefined) {
    const canonical = canonicalKey(k);
    const renamed = displayKey(k) !== k;
    f = { canonical, renamed, variant: isVariantSpelling(k), yaml11: isYaml11String(k), list: isListKey(k) };
    if (KEY_FACTS.size < 100_000) KEY_FACTS.set(k, f);
  }
  return f;
}

export interface FastBlock {
  readonly parsed: ParsedBlock;
  readonly data: Data;
}

/** A parsed block whose `yaml` Document is built on first use. */
export function lazyParsedBlock(block: Block, dataPath: Path, hints?: BlockHints): ParsedBlock {
  return new LazyParsedBlock(block, dataPath, hints);
}

class LazyParsedBlock implements ParsedBlock {
  private parsedDoc: Document.Parsed | undefined;
  constructor(readonly block: Block, readonly dataPath: Path, readonly hints?: BlockHints) {}
  get doc(): Document.Parsed { return (this.parsedDoc ??= parseBlock(this.block).parsed.doc); }
}

/**
 * A cheap first look: a superset of what NEEDS_FULL_PARSE finds, in plain substring searches. Most
 * blocks hold none of these characters, so the regex rarely runs; several `includes` cost far less
 * than one regex scan for a class of characters.
 */
function maybeFull(t: string): boolean {
  return t.includes('&') || t.includes('*') || t.includes('!') || t.includes('\t') || t.includes('0b') || t.includes('__proto__')
    || ((t.includes('0x') || t.includes('0X') || t.includes('0o') || t.includes('0O')) && /[-+]0[xXoO]/.test(t));
}

/** Loads a block on the fast path, or returns undefined when it needs the full parse. */
export function fastBlock(block: Block): FastBlock | undefined {
  if (maybeFull(block.text) && NEEDS_FULL_PARSE.test(block.text)) return undefined;
  let raw: unknown;
  // The plain loader notes YAML 1.1 numbers as it types scalars, and shows each key and string to
  // an inspector that works out the hints as it goes: then the data needs no second walk below.
  // (Front matter: the hints are about the model-index part only, which the walk picks out.)
  const seen = { variantKeys: false, emptyValues: false, padded: false, yaml11: false, rename: false, sameKeys: false };
  const inspect: PlainInspector | undefined = block.kind === 'front-matter' ? undefined : {
    key(k) {
      const f = keyFacts(k);
      if (f.yaml11) seen.yaml11 = true;
      if (f.renamed) seen.rename = true;
      return f.canonical;
    },
    sameKeys() { seen.sameKeys = true; },
    string(v) { stringHints(v, seen); },
  };
  const notes = { yaml11: false, inspect };
  let plain = true;
  try {
    const text = yamlText(block.text);
    raw = loadPlainYaml(text, SCHEMA, notes);
    if (raw === GAVE_UP) {
      plain = false;
      raw = jsYaml.load(text, { schema: SCHEMA, json: false });
    }
  } catch {
    return undefined;
  }
  let root = raw;
  let dataPath: Path = [];
  if (block.kind === 'front-matter') {
    if (!isObject(raw)) return undefined;
    const key = Object.keys(raw).findLast((k) => canonicalKey(k) === 'model index');
    if (key === undefined) return undefined;
    root = raw[key];
    dataPath = [key];
  }
  if (plain && inspect && !seen.rename) {
    // Read by the plain loader with every key in its display spelling: the data is as it is.
    if (seen.sameKeys) return undefined; // two spellings of one key: the full parse reports them
    const hints = { variantKeys: false, emptyValues: seen.emptyValues, padded: seen.padded, yaml11: notes.yaml11 || seen.yaml11 };
    return { parsed: lazyParsedBlock(block, dataPath, hints), data: raw as Data };
  }
  const canonical = block.kind !== 'front-matter';
  const hints = {
    variantKeys: false, emptyValues: false, padded: false,
    yaml11: plain ? notes.yaml11 : hasYaml11Number(block.text),
  };
  let ok = true;
  const convert = (v: unknown, key?: KeyFacts): Data => {
    if (v === null || v === undefined) return null;
    if (typeof v === 'string') {
      stringHints(v, hints);
      return v;
    }
    if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return v;
    if (Array.isArray(v)) {
      if (v.length === 0 && key?.list) hints.emptyValues = true;
      for (let i = 0; i < v.length; i++) v[i] = convert(v[i]);
      return v as Data[];
    }
    if (isObject(v)) {
      const keys = Object.keys(v);
      if (keys.length === 0 && key?.list) hints.emptyValues = true;
      // js-yaml's own object is kept when every key is already in its display spelling (the usual
      // case); a new null-prototype object is built only when keys must be renamed.
      let rename = false;
      // Canonical keys seen so far: a short list for the usual small mapping, a set for a big one.
      const seen: string[] | Set<string> = keys.length > 16 ? new Set<string>() : [];
      for (const k of keys) {
        const f = keyFacts(k);
        const c = f.canonical;
        if (f.yaml11) hints.yaml11 = true;
        // Two keys that differ only in spelling: the full parse reports them with positions.
        if (Array.isArray(seen)) {
          if (canonical && seen.includes(c)) ok = false;
          seen.push(c);
        } else {
          if (canonical && seen.has(c)) ok = false;
          seen.add(c);
        }
        if (canonical && f.renamed) {
          rename = true;
          if (f.variant) hints.variantKeys = true;
        }
        v[k] = convert(v[k], f);
      }
      if (!rename) return v as Record<string, Data>;
      const out = Object.create(null) as Record<string, Data>;
      for (const k of keys) {
        Object.defineProperty(out, displayKey(k), { value: v[k], enumerable: true, writable: true, configurable: true });
      }
      return out;
    }
    ok = false; // a value js-yaml made that `yaml` would not (a Date, a Buffer...)
    return null;
  };
  const data = convert(root);
  if (!ok) return undefined;
  return { parsed: lazyParsedBlock(block, dataPath, hints), data };
}

/** What a string value tells the rules' cheap looks: empty, padded, or read otherwise by YAML 1.1. */
function stringHints(v: string, h: { emptyValues: boolean; padded: boolean; yaml11: boolean }): void {
  if (isEmptyString(v)) h.emptyValues = true;
  else if (isPadded(v)) h.padded = true;
  if (isYaml11String(v)) h.yaml11 = true;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
