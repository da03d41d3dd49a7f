import { isAlias, isMap, isPair, isScalar, isSeq, type Document, type Node as YamlNode, type Pair } from 'yaml';
import type { Span } from '../types.js';
import { canonicalKey, displayKey } from './keys.js';

/** Plain data built from a YAML node. Mappings are null-prototype objects (see `toData`). */
export type Data = null | boolean | number | string | bigint | Data[] | { [key: string]: Data };

/** A problem met while building data; spans are offsets in the block text. */
export interface DataProblem {
  readonly kind: 'case-duplicate-key' | 'alias-budget';
  readonly span: Span;
  readonly data: Record<string, string>;
}

export interface ToDataOptions {
  /** Show known keys by their display name and match keys case-insensitively (PwC dialect). */
  readonly canonical: boolean;
  /** Most nodes one conversion may produce, aliases expanded (guards against "billion laughs"). */
  readonly budget?: number;
}

/** Whether a pair is a YAML 1.1 merge key (`<<: *anchor`); yaml marks its key with a symbol. */
export function isMergePair(pair: Pair): boolean {
  return isScalar(pair.key) && (typeof pair.key.value === 'symbol' || pair.key.source === '<<');
}

/** The string form of a mapping key. */
export function keyText(key: unknown): string {
  if (isScalar(key)) return typeof key.value === 'symbol' ? '<<' : String(key.value ?? '');
  if (key === null || key === undefined) return '';
  return String(key);
}

/**
 * Converts a YAML node to plain data. Aliases are followed and merge keys applied. Keys such as
 * `__proto__` are ordinary data: objects have no prototype and keys are defined, not assigned.
 * With `canonical`, known keys take their display spelling and two keys that differ only in
 * case or separators are reported (the later one wins, as with exact duplicates).
 */
export function toData(doc: Document, node: unknown, options: ToDataOptions): { data: Data; problems: DataProblem[] } {
  const problems: DataProblem[] = [];
  let budget = options.budget ?? 200_000;
  let exhausted = false;
  const visit = (n: unknown, depth: number): Data => {
    if (--budget < 0 || depth > 1000) {
      if (!exhausted && isNode(n)) {
        exhausted = true;
        const r = n.range ?? [0, 0];
        problems.push({ kind: 'alias-budget', span: { start: r[0], end: r[1] }, data: {} });
      }
      exhausted = true;
      return null;
    }
    if (isAlias(n)) return visit(n.resolve(doc), depth + 1);
    if (isScalar(n)) return scalarValue(n.value);
    if (isSeq(n)) return n.items.map((item) => visit(item, depth + 1));
    if (isMap(n)) {
      const out = Object.create(null) as Record<string, Data>;
      const seen = new Map<string, string>();
      const merged: Data[] = [];
      for (const pair of n.items) {
        if (!isPair(pair)) continue;
        if (isMergePair(pair)) { merged.push(visit(pair.value, depth + 1)); continue; }
        const raw = keyText(pair.key);
        const key = options.canonical ? displayKey(raw) : raw;
        const canon = options.canonical ? canonicalKey(raw) : raw;
        const first = seen.get(canon);
        if (first !== undefined && first !== raw && isNode(pair.key)) {
          const r = pair.key.range ?? [0, 0];
          problems.push({ kind: 'case-duplicate-key', span: { start: r[0], end: r[1] }, data: { key: raw, first } });
        }
        if (first !== undefined) delete out[first === raw ? key : displayOf(first, options)];
        seen.set(canon, raw);
        define(out, key, visit(pair.value, depth + 1));
      }
      // Explicit keys win over merged ones; earlier merge sources win over later ones.
      for (const source of merged) {
        for (const src of Array.isArray(source) ? source : [source]) {
          if (!src || typeof src !== 'object' || Array.isArray(src)) continue;
          for (const k of Object.keys(src)) if (!(k in out)) define(out, k, (src as Record<string, Data>)[k]!);
        }
      }
      return out;
    }
    return null;
  };
  const data = visit(node, 0);
  return { data, problems };
}

function displayOf(raw: string, options: ToDataOptions): string {
  return options.canonical ? displayKey(raw) : raw;
}

function define(obj: Record<string, Data>, key: string, value: Data): void {
  Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
}

function scalarValue(v: unknown): Data {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return v;
  if (v instanceof Date) return v.toISOString();
  if (v instanceof Uint8Array) return `<binary ${v.length} bytes>`;
  return String(v);
}

function isNode(n: unknown): n is YamlNode {
  return isScalar(n) || isMap(n) || isSeq(n) || isAlias(n);
}
