/**
 * Zod schemas of the Hugging Face model-card dialect: the `model-index` key of a card's front
 * matter, as the Hub's model-card spec defines it. Keys are exact (lower case).
 * @see https://github.com/huggingface/hub-docs/blob/main/modelcard.md
 */
import * as z from 'zod';
import { nonEmpty, str } from './fields.js';

// Optional keys may be left empty (null): the Hub reads them as absent. An empty or missing metric
// value is results/metric-value's finding, reported once there.
const metric = z.strictObject({
  type: nonEmpty('a metric type id (e.g. accuracy, wer)'),
  value: z.unknown().optional(),
  name: str().nullish(),
  verified: z.boolean({ error: 'true or false' }).nullish(),
  config: str().nullish(),
  args: z.unknown().optional(),
  verifyToken: str().nullish(),
}, { error: 'a metric mapping (type, value, name)' });

const result = z.strictObject({
  // `args`: OPUS-MT's generator writes the language pair there, and the Hub shows it.
  task: z.strictObject({ type: nonEmpty('a task type id'), name: str().nullish(), args: z.unknown().optional() },
    { error: 'a task mapping (type, name)' }),
  dataset: z.strictObject({
    type: nonEmpty('a dataset id'),
    name: nonEmpty('a dataset name'),
    config: str().nullish(),
    split: str().nullish(),
    revision: str().nullish(),
    args: z.unknown().optional(),
  }, { error: 'a dataset mapping (type, name)' }),
  metrics: z.array(metric, { error: 'a list of metrics' }),
  source: z.looseObject({ name: str().nullish(), url: str().nullish() }, { error: 'a mapping (name, url)' }).nullish(),
}, { error: 'a result mapping (task, dataset, metrics)' });

const model = z.strictObject({
  name: nonEmpty('a non-empty model name'),
  results: z.array(result, { error: 'a list of results' }),
}, { error: 'a model mapping (name, results)' });

/** The value of `model-index:` in front matter. */
export const hfModelIndex = z.array(model, { error: 'a list of models (name, results)' });
