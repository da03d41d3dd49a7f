/**
 * Zod schemas of the Papers-with-Code model-index format, as the reference loader reads it.
 * Keys arrive in their display spelling (see `keys.ts`), so the shapes use display names.
 * Entries of the shape `<path>` (a string where data may stand) are file references: they are
 * checked by the import resolver, and here only have to be strings.
 */
import * as z from 'zod';
import { ARXIV_ID, httpUrl, isHttpUrl, nonEmpty, present, str, strOrList } from './fields.js';
import { doc } from './docs.js';

const path = (phrase: string) => z.string({ error: phrase });
const count = z.union([z.number(), z.string()], { error: 'a non-negative integer' });

/** Known Metadata fields; any other key is a custom field and is allowed. */
export const metadataMap = z.looseObject({
  // Counts, Crop Pct and Image Size: their values are checked by the metadata/* rules, which
  // know the preset (unit strings, quoted numbers); here they only must be numbers or strings.
  FLOPs: doc('FLOPs', count).optional(),
  Parameters: doc('Parameters', count).optional(),
  'File Size': doc('File Size', count).optional(),
  Epochs: doc('Epochs', count).optional(),
  'Batch Size': doc('Batch Size', count).optional(),
  'Crop Pct': doc('Crop Pct', z.union([z.number(), z.string()], { error: 'a number in (0, 1]' })).optional(),
  'Image Size': doc('Image Size', z.union([z.number(), z.string()], { error: 'a positive integer' })).optional(),
  Interpolation: doc('Interpolation', str()).optional(),
  'Training Data': doc('Training Data', strOrList()).optional(),
  'Training Techniques': doc('Training Techniques', strOrList()).optional(),
  'Training Resources': doc('Training Resources', strOrList()).optional(),
  Architecture: doc('Architecture', strOrList()).optional(),
  ID: doc('ID', z.union([z.string(), z.number()], { error: 'a string' })).optional(),
}, { error: 'a mapping of metadata fields' });

/** Metadata: a mapping, a list of mappings (merged), or a file path. */
export const metadata = z.union([
  metadataMap, z.array(metadataMap), path('a mapping, a list of mappings or a file path'),
], { error: 'a mapping, a list of mappings or a file path' });

const nameOrMapping = (what: string) => z.union([
  nonEmpty(`a ${what} name`),
  z.looseObject({ Name: nonEmpty() }, { error: `a ${what} name` }),
], { error: `a ${what} name, or a mapping with Name` });

// An empty metric value is results/metric-value's finding (one message, not two).
const metrics = z.union([
  z.record(z.string(), z.unknown()),
  z.array(present('a metric')),
], { error: 'a mapping of metric names to values, or a list of metrics' });

export const result = z.strictObject({
  Task: doc('Task', nameOrMapping('task')),
  Dataset: doc('Dataset', nameOrMapping('dataset')),
  Metrics: doc('Metrics', metrics),
}, { error: 'a result mapping (Task, Dataset, Metrics)' });

/** Results: a list of results or result file paths, one result mapping, or a file path (glob). */
export const results = z.union([
  z.array(z.union([result, path('a result mapping or a file path')], { error: 'a result mapping or a file path' })),
  result,
  path('a list of results, a result mapping or a file path'),
], { error: 'a list of results, a result mapping or a file path' });

const paperPhrase = 'a paper URL, an arXiv id, or a mapping with Title and URL';
const onePaper = z.union([
  z.string().refine((s) => isHttpUrl(s) || ARXIV_ID.test(s.trim()), { error: paperPhrase }),
  z.strictObject({ Title: doc('Title', str()).optional(), URL: doc('URL', httpUrl()).optional() }, { error: paperPhrase })
    .refine((p) => p.Title !== undefined || p.URL !== undefined, { error: 'a mapping with Title or URL' }),
], { error: paperPhrase });
/** One paper, or a list of them (OpenMMLab's mmgeneration lists the papers a method builds on). */
export const paper = z.union([onePaper, z.array(onePaper, { error: paperPhrase })], { error: paperPhrase });

export const code = z.union([
  httpUrl(),
  z.strictObject({ URL: doc('URL', httpUrl()), Version: doc('Version', z.union([z.string(), z.number()], { error: 'a string' })).optional() },
    { error: 'a URL, or a mapping with URL and Version' }),
], { error: 'a URL, or a mapping with URL and Version' });

/** Fields that models and collections share. */
const common = {
  Metadata: doc('Metadata', metadata).optional(),
  // Empty for a model trained only to be fine-tuned (its results are under Downstream).
  Results: doc('Results', results).nullable().optional(),
  Paper: doc('Paper', paper).optional(),
  Code: doc('Code', code).optional(),
  Weights: doc('Weights', httpUrl()).optional(),
  Config: doc('Config', str('a file path or URL')).optional(),
  README: doc('README', str('a file path or README text')).optional(),
  Image: doc('Image', str('a file path or URL')).optional(),
  // Code as OpenMMLab writes it elsewhere (`{URL, Version}`), or a list of sources (mmrazor).
  'Converted From': doc('Converted From', z.looseObject({
    Weights: z.union([httpUrl(), z.array(httpUrl())], { error: 'an absolute http(s) URL' }).optional(),
    Code: z.union([code, z.array(code)], { error: 'a URL, or a mapping with URL and Version' }).optional(),
  }, { error: 'a mapping with Weights and Code' })).optional(),
};

/**
 * OpenMMLab's self-supervised zoos (mmselfsup, mmpretrain) list the evaluations of a pre-trained
 * model under `Downstream`: entries shaped like a model (some named), checked alike.
 */
const downstream = z.array(z.strictObject({
  Name: doc('Name', nonEmpty('a non-empty model name')).optional(),
  Type: doc('Type', str()).optional(),
  ...common,
}, { error: 'a mapping (Type, Metadata, Results, Config, Weights)' }), { error: 'a list of downstream models' });

export const model = z.strictObject({
  Name: doc('Name', nonEmpty('a non-empty model name')),
  'In Collection': doc('In Collection', nonEmpty('a collection name')).optional(),
  Downstream: doc('Downstream', downstream).optional(),
  ...common,
}, { error: 'a model mapping' });

export const collection = z.strictObject({
  Name: doc('Name', nonEmpty('a non-empty collection name')),
  ...common,
}, { error: 'a collection mapping' });

export const library = z.looseObject({
  Name: doc('Name', nonEmpty()).optional(),
  Headline: doc('Headline', str()).optional(),
  Website: doc('Website', httpUrl()).optional(),
  Repository: doc('Repository', httpUrl()).optional(),
  Docs: doc('Docs', httpUrl()).optional(),
  README: doc('README', str()).optional(),
  Image: doc('Image', str()).optional(),
}, { error: 'a library mapping or a file path' });

const modelList = z.array(z.union([model, path('a model mapping or a file path')], { error: 'a model mapping or a file path' }),
  { error: 'a list of models or a file path' });
const collectionList = z.array(z.union([collection, path('a collection mapping or a file path')], { error: 'a collection mapping or a file path' }),
  { error: 'a list of collections or a file path' });

export const modelIndex = z.strictObject({
  Type: doc('Type', str()).optional(),
  Import: doc('Import', z.union([path('a list of file paths or globs'), z.array(path('a file path or glob'))],
    { error: 'a list of file paths or globs' })).optional(),
  Models: doc('Models', z.union([modelList, path('a list of models or a file path')], { error: 'a list of models or a file path' })).optional(),
  Collections: doc('Collections', z.union([collectionList, path('a list of collections or a file path')], { error: 'a list of collections or a file path' })).optional(),
  Library: doc('Library', z.union([library, path('a library mapping or a file path')], { error: 'a library mapping or a file path' })).optional(),
}, { error: 'a model-index mapping (Models, Collections, Import, Library)' });

export { modelList, collectionList };
