/**
 * What a block is read as. A root file is a model index; a file named by `Models: file.yml`
 * is a list of models; one named by `Models: [file.yml]` is a single model; and so on, following
 * the reference loader. Each role also accepts its wrapped form (`{Models: [...]}` for a list of
 * models, `{Metadata: {...}}` for metadata), which `unwrap` peels off.
 */
import type { z } from 'zod';
import type { Path } from '../types.js';
import type { Data } from '../source/to-data.js';
import * as pwc from './pwc.js';
import { hfModelIndex } from './huggingface.js';

export type Role =
  | 'index' | 'models' | 'model' | 'collections' | 'collection'
  | 'metadata' | 'results' | 'result' | 'library' | 'hf' | 'guess';

/** Where a role's data really starts, what it is, and the schema it must satisfy. */
export interface Shape {
  readonly role: Exclude<Role, 'guess'> | 'result-list' | 'model-list' | 'collection-list' | 'invalid';
  readonly path: Path;
  readonly data: Data | undefined;
  readonly schema: z.ZodType | undefined;
  /** For `invalid`: the phrase completing "… must be". */
  readonly expected?: string;
}

export function isMapping(d: unknown): d is Record<string, Data> {
  return typeof d === 'object' && d !== null && !Array.isArray(d);
}

/** Own keys of a mapping (keys arrive in display spelling). */
const has = (d: Record<string, Data>, k: string): boolean => Object.prototype.hasOwnProperty.call(d, k);
const only = (d: Record<string, Data>, k: string): boolean => has(d, k) && Object.keys(d).length === 1;

/** Decides the shape of `data` read in `role`. */
export function unwrap(role: Role, data: Data): Shape {
  switch (role) {
    case 'hf':
      return { role: 'hf', path: [], data, schema: hfModelIndex };
    case 'index':
      return { role: 'index', path: [], data, schema: pwc.modelIndex };
    case 'guess':
      return guess(data);
    case 'models':
      if (Array.isArray(data)) return { role: 'model-list', path: [], data, schema: pwc.modelList };
      if (isMapping(data) && has(data, 'Models')) return { role: 'index', path: [], data, schema: pwc.modelIndex };
      return invalid(data, 'a list of models, or a mapping with Models');
    case 'model':
      if (isMapping(data) && only(data, 'Model')) return { role: 'model', path: ['Model'], data: data.Model, schema: pwc.model };
      if (isMapping(data) && has(data, 'Models')) return { role: 'index', path: [], data, schema: pwc.modelIndex };
      return { role: 'model', path: [], data, schema: pwc.model };
    case 'collections':
      if (Array.isArray(data)) return { role: 'collection-list', path: [], data, schema: pwc.collectionList };
      if (isMapping(data) && has(data, 'Collections')) return { role: 'index', path: [], data, schema: pwc.modelIndex };
      return invalid(data, 'a list of collections, or a mapping with Collections');
    case 'collection':
      if (isMapping(data) && only(data, 'Collection')) return { role: 'collection', path: ['Collection'], data: data.Collection, schema: pwc.collection };
      if (isMapping(data) && has(data, 'Collections')) return { role: 'index', path: [], data, schema: pwc.modelIndex };
      return { role: 'collection', path: [], data, schema: pwc.collection };
    case 'metadata':
      if (isMapping(data) && only(data, 'Metadata')) return { role: 'metadata', path: ['Metadata'], data: data.Metadata, schema: pwc.metadata };
      return { role: 'metadata', path: [], data, schema: pwc.metadata };
    case 'results':
      if (Array.isArray(data)) return { role: 'result-list', path: [], data, schema: pwc.results };
      if (isMapping(data) && only(data, 'Results')) return { role: 'result-list', path: ['Results'], data: data.Results, schema: pwc.results };
      return invalid(data, 'a list of results, or a mapping with Results');
    case 'result':
      if (isMapping(data) && only(data, 'Result')) return { role: 'result', path: ['Result'], data: data.Result, schema: pwc.result };
      if (isMapping(data) && only(data, 'Results')) return { role: 'result-list', path: ['Results'], data: data.Results, schema: pwc.results };
      return { role: 'result', path: [], data, schema: pwc.result };
    case 'library':
      if (isMapping(data) && only(data, 'Library')) return { role: 'library', path: ['Library'], data: data.Library, schema: pwc.library };
      return { role: 'library', path: [], data, schema: pwc.library };
  }
}

function invalid(data: Data, expected: string): Shape {
  return { role: 'invalid', path: [], data, schema: undefined, expected };
}

const MODEL_KEYS = ['Paper', 'Code', 'Weights', 'Config', 'README', 'Metadata', 'Results', 'In Collection'];

/**
 * Guesses what a file holds from its top-level keys, as the reference loader does: an index
 * (Models, Collections, Import, Library), a result (Task, Dataset, Metrics), a model (Name plus a
 * model field, or Results), else metadata. A list is guessed from its first item.
 */
function guess(data: Data): Shape {
  if (Array.isArray(data)) {
    const first = data[0];
    if (isMapping(first) && (has(first, 'Task') || has(first, 'Dataset') || has(first, 'Metrics'))) {
      return { role: 'result-list', path: [], data, schema: pwc.results };
    }
    return { role: 'model-list', path: [], data, schema: pwc.modelList };
  }
  if (!isMapping(data)) return invalid(data, 'a model-index mapping (Models, Collections, Import) or a list');
  if (['Models', 'Collections', 'Import', 'Library', 'Type'].some((k) => has(data, k))) return unwrap('index', data);
  if (has(data, 'Task') && has(data, 'Dataset') && has(data, 'Metrics')) return unwrap('result', data);
  if (has(data, 'Name') && MODEL_KEYS.some((k) => has(data, k))) return unwrap('model', data);
  if (has(data, 'Results')) return unwrap('model', data);
  if (only(data, 'Model')) return unwrap('model', data);
  if (only(data, 'Metadata')) return unwrap('metadata', data);
  return unwrap('index', data);
}
