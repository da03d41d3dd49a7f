import { sha1 } from '../../io/digest.js';
import type { Entry, LocatedMap, ModelIndex } from '../../model/types.js';
import { perIndex } from './per-index.js';

/** Models and collections of the PwC dialect (their Metadata is what metadata rules check); computed once per index. */
export const pwcEntries: (index: ModelIndex) => readonly Entry[] = perIndex(
  (index) => [...index.models, ...index.collections].filter((e) => e.dialect === 'pwc'));

/** A display name for an entry in messages. */
export function nameOf(entry: Entry): string {
  const name = entry.name?.value;
  return typeof name === 'string' ? name : '(unnamed)';
}

/** An entry's content (fields, metadata and how many results) as one comparable string; summaries carry it precomputed. */
export function contentKey(e: Entry): string {
  if (e.contentKey !== undefined) return e.contentKey;
  // Keys and values only: `peek`, not `get`, so that no located value is made for each field.
  const obj = (m: LocatedMap) => [...m.keys()].sort().map((k): [string, unknown] => [k, m.peek(k)]);
  return sha1(JSON.stringify([obj(e.fields), obj(e.metadata), e.results.length]));
}
