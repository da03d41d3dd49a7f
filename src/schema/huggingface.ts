/**
 * Zod schemas of the Hugging Face model-card dialect: the `model-index` key of a card's front
 * matter, as the Hub's model-card spec defines it. Keys are exact (lower case).
 * @see https://github.com/huggingface/hub-docs/blob/main/modelcard.md
 */
import * as z from 'zod';
import { nonEmpty, present, str } from './fields.js';

const metric = z.strictObject({
  type: nonEmpty('a metric type id (e.g. accuracy, wer)'),
  value: present('a metric value'),
  name: str().optional(),
  verified: z.boolean({ error: 'true or false' }).optional(),
  config: str().optional(),
  args: present('a value').optional(),
  verifyToken: str().optional(),
}, { error: 'a metric mapping (type, value, name)' });

const result = z.strictObject({
  task: z.strictObject({ type: nonEmpty('a task type id'), name: str().optional() },
    { error: 'a task mapping (type, name)' }),
  dataset: z.strictObject({
    type: nonEmpty('a dataset id'),
    name: nonEmpty('a dataset name'),
    config: str().optional(),
    split: str().optional(),
    revision: str().optional(),
    args: present('a value').optional(),
  }, { error: 'a dataset mapping (type, name)' }),
  metrics: z.array(metric, { error: 'a list of metrics' }),
  source: z.looseObject({ name: str().optional(), url: str().optional() }, { error: 'a mapping (name, url)' }).optional(),
}, { error: 'a result mapping (task, dataset, metrics)' });

const model = z.strictObject({
  name: nonEmpty('a non-empty model name'),
  results: z.array(result, { error: 'a list of results' }),
}, { error: 'a model mapping (name, results)' });

/** The value of `model-index:` in front matter. */
export const hfModelIndex = z.array(model, { error: 'a list of models (name, results)' });
