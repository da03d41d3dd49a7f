import { sha1 } from '../../io/digest.js';
import type { Entry, ModelIndex } from '../../model/types.js';
import { perIndex } from './per-index.js';
import { defineFact } from '../../model/facts.js';

/**
 * Models, their Downstream entries and collections of the PwC dialect (their Metadata is what
 * metadata rules check); computed once per index.
 */
export const pwcEntries: (index: ModelIndex) => readonly Entry[] = perIndex(
  (index) => withDownstream([...index.models, ...index.collections]).filter((e) => e.dialect === 'pwc'));

/** Entries followed by their Downstream entries (OpenMMLab), which are checked like models. */
export function withDownstream(entries: readonly Entry[]): readonly Entry[] {
  // Nearly no entry has any (only OpenMMLab's self-supervised zoos write them): the list as it is.
  if (!entries.some((e) => e.downstream)) return entries;
  const out: Entry[] = [];
  for (const e of entries) {
    out.push(e);
    if (e.downstream) for (const d of e.downstream) out.push(d);
  }
  return out;
}

/** A display name for an entry in messages. */
export function nameOf(entry: Entry): string {
  const name = entry.name?.value;
  return typeof name === 'string' ? name : '(unnamed)';
}

/**
 * An entry's content as one comparable string, field by field: each top-level field's digest, then
 * the Metadata's and the number of results (`key\u0001digest` parts joined by `\u0000`), so that
 * `differingFields` can name what differs.
 */
export const CONTENT = defineFact('collection/content', (e: Entry): string => {
  // Keys and values only: `peek`, not `get`, so that no located value is made for each field.
  const parts = [...e.fields.keys()].sort().map((k) => `${k}\u0001${digest(JSON.stringify(e.fields.peek(k) ?? null))}`);
  const meta = [...e.metadata.keys()].sort().map((k): [string, unknown] => [k, e.metadata.peek(k)]);
  parts.push(`${METADATA}\u0001${digest(JSON.stringify(meta))}`, `${RESULTS}\u0001${e.results.length}`);
  return parts.join('\u0000');
}, ['collection']);

/** A short stand-in for a value's JSON: itself when short (most are), else a prefix of its sha1. */
function digest(json: string): string {
  return json.length <= 24 ? `=${json}` : `#${sha1(json).slice(0, 16)}`;
}

const METADATA = '#Metadata';
const RESULTS = '#Results';

/**
 * The fields whose content differs between two content keys, by name (`Metadata` and `Results` for
 * those parts), in the order of the first key then the second.
 */
export function differingFields(a: string, b: string): string[] {
  const parse = (k: string) => new Map(k.split('\u0000').map((p) => p.split('\u0001') as [string, string]));
  const ma = parse(a);
  const mb = parse(b);
  const out: string[] = [];
  for (const key of new Set([...ma.keys(), ...mb.keys()])) {
    if (ma.get(key) !== mb.get(key)) out.push(key.startsWith('#') ? key.slice(1) : key);
  }
  return out;
}
