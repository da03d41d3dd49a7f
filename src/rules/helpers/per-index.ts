import type { ModelIndex } from '../../model/types.js';

/** How to forget each list kept by `perIndex`. */
const forgetters: (() => void)[] = [];

/**
 * `compute`, worked out once per index: the rules of one file (or of the project) ask for the
 * same list in turn, so the last index's answer is kept, and only that one, until the rules are
 * done (`forgetIndexLists`).
 *
 * Not a WeakMap keyed by the index: V8's young-generation collector keeps a WeakMap's values
 * alive, which moved every file's entries to the old generation (figures in docs/performance.md).
 */
export function perIndex<T>(compute: (index: ModelIndex) => T): (index: ModelIndex) => T {
  let last: ModelIndex | undefined;
  let value: T | undefined;
  forgetters.push(() => { last = undefined; value = undefined; });
  return (index) => {
    if (index !== last) {
      value = compute(index);
      last = index;
    }
    return value!;
  };
}

/** Lets go of every list `perIndex` keeps (so that no index outlives the run that linted it). */
export function forgetIndexLists(): void {
  for (const forget of forgetters) forget();
}
