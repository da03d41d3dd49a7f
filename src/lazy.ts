import { createRequire } from 'node:module';

const load = createRequire(import.meta.url);

/**
 * A dependency loaded on first use, so that a run that does not need it (one named file needs no
 * glob or .gitignore library) does not pay for loading it at start-up.
 */
export function lazy<T>(name: string): () => T {
  let mod: T | undefined;
  return () => (mod ??= load(name) as T);
}
