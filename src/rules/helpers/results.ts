import type { Entry, ModelIndex, Result } from '../../model/types.js';

/** Every result with the entry that holds it (models and collections, both dialects). */
export function* allResults(index: ModelIndex): Generator<{ entry: Entry; result: Result }> {
  for (const entry of [...index.models, ...index.collections]) {
    for (const result of entry.results) yield { entry, result };
  }
}

/** The dataset a result is on, as a comparable key: the name, or `{Name}` / HF `{name}`. */
export function datasetName(result: Result): string | undefined {
  const v = result.dataset?.value;
  if (typeof v === 'string') return v.trim();
  if (v && typeof v === 'object' && !Array.isArray(v)) {
    const n = (v as Record<string, unknown>).Name ?? (v as Record<string, unknown>).name ?? (v as Record<string, unknown>).type;
    if (typeof n === 'string') return n.trim();
  }
  return undefined;
}
