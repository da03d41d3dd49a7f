import type { Data } from '../source/to-data.js';
import type { Entry, Fact } from './types.js';

/** A fact of an entry (see `Fact`); a rule reads it with `entry.fact(it)` and names it in `meta.reads.facts`. */
export function defineFact<T extends Data>(id: string, derive: (entry: Entry) => T, kinds?: readonly Entry['kind'][]): Fact<T> {
  if (typeof id !== 'string' || typeof derive !== 'function') throw new TypeError('defineFact takes an id, a function of an entry, and optionally the kinds of entry it is for');
  return kinds ? { id, derive, kinds } : { id, derive };
}
