import type { Entry, ModelIndex, Result } from '../../model/types.js';
import type { Data } from '../../source/to-data.js';
import { perIndex } from './per-index.js';
import { withDownstream } from './entries.js';

/**
 * Every result with the entry that holds it (models with their Downstream entries, collections,
 * both dialects); computed once per index.
 */
export const allResults: (index: ModelIndex) => readonly { entry: Entry; result: Result }[] = perIndex((index) => {
  const out: { entry: Entry; result: Result }[] = [];
  for (const entries of [withDownstream(index.models), index.collections]) {
    for (const entry of entries) for (const result of entry.results) out.push({ entry, result });
  }
  return out;
});

/** The dataset a result is on, as a comparable key: the name, or `{Name}` / HF `{name}`. */
export function datasetName(result: Result): string | undefined {
  return datasetNameOf(result.dataset?.value);
}

/** `datasetName` of a dataset value. */
export function datasetNameOf(v: Data | undefined): string | undefined {
  if (typeof v === 'string') return v.trim();
  if (v && typeof v === 'object' && !Array.isArray(v)) {
    const n = (v as Record<string, unknown>).Name ?? (v as Record<string, unknown>).name ?? (v as Record<string, unknown>).type;
    if (typeof n === 'string') return n.trim();
  }
  return undefined;
}
