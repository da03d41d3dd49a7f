import type { Entry, ModelIndex } from '../../model/types.js';

/** Models and collections of the PwC dialect (their Metadata is what metadata rules check). */
export function pwcEntries(index: ModelIndex): Entry[] {
  return [...index.models, ...index.collections].filter((e) => e.dialect === 'pwc');
}

/** A display name for an entry in messages. */
export function nameOf(entry: Entry): string {
  return typeof entry.name?.value === 'string' ? entry.name.value : '(unnamed)';
}
