import type { Located } from '../../types.js';
import type { Data } from '../../source/to-data.js';
import type { Entry, ModelIndex } from '../../model/types.js';

/** Models and collections of the PwC dialect (their Metadata is what metadata rules check). */
export function pwcEntries(index: ModelIndex): Entry[] {
  return [...index.models, ...index.collections].filter((e) => e.dialect === 'pwc');
}

/** A field by dotted path: `Weights`, `Metadata.Crop Pct`. */
export function fieldAt(entry: Entry, path: string): Located<Data> | undefined {
  if (path.startsWith('Metadata.')) return entry.metadata.get(path.slice('Metadata.'.length));
  return entry.fields.get(path);
}

/** A display name for an entry in messages. */
export function nameOf(entry: Entry): string {
  return typeof entry.name?.value === 'string' ? entry.name.value : '(unnamed)';
}
