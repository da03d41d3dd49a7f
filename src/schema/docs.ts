/**
 * Hover help for every known field: the titles and descriptions that the generated JSON Schema
 * carries to editors (yaml-language-server shows them on hover and in completion).
 */
import type { z } from 'zod';

export const FIELD_DOCS: Record<string, string> = {
  Type: 'Marks a Markdown comment as a model-index block: `model-index`.',
  Import: 'Other model-index files to include: paths or globs, relative to this file.',
  Collections: 'Collections (model families): a list, or a path to a file that holds them.',
  Models: 'Models: a list (items may be file paths or globs), or a path to a file that holds them.',
  Library: 'The library these models belong to (name, links, README), or a path to a file.',
  Name: 'The unique name of the model or collection.',
  'In Collection': 'The Name of the collection this model belongs to; its fields are inherited.',
  Metadata: 'Training and architecture metadata: a mapping, a list of mappings, or a file path. Custom keys are allowed.',
  Results: 'Evaluation results: a list of results (items may be file paths), one result, or a file path.',
  Paper: 'The paper: a URL, an arXiv id, or a mapping with Title and URL.',
  Code: 'The implementation: a URL (pinned to a commit), or a mapping with URL and Version.',
  Weights: 'The URL of the pretrained checkpoint (https).',
  Config: 'The training config: a path relative to this file or the project root, or a URL.',
  README: 'The documentation page: a path to a .md file, or the README text itself.',
  Image: 'An image: a path relative to this file, or a URL.',
  'Converted From': 'Where converted weights come from: Weights and Code URLs.',
  Downstream: 'Evaluations of this pre-trained model on downstream tasks (OpenMMLab): a list of {Type, Metadata, Results, Config, Weights}.',
  Task: 'The task, e.g. Image Classification (a name, or a mapping with Name).',
  Dataset: 'The dataset, e.g. ImageNet (a name, or a mapping with Name).',
  Metrics: 'Metric names to values: numbers or percent strings (79.04%).',
  Title: 'The title of the paper.',
  URL: 'An absolute http(s) URL.',
  Version: 'The release the URL belongs to, e.g. v1.0.0.',
  FLOPs: 'Floating-point operations for one forward pass: a non-negative integer.',
  Parameters: 'Number of parameters: a non-negative integer.',
  'File Size': 'Size of the weights file in bytes: a non-negative integer.',
  Epochs: 'Training epochs: a non-negative integer.',
  'Batch Size': 'Training batch size: a non-negative integer.',
  'Crop Pct': 'Centre-crop fraction used at evaluation: a number in (0, 1] (timm writes it quoted, e.g. \'0.875\').',
  'Image Size': 'Evaluation image size in pixels: a positive integer (timm writes it quoted, e.g. \'224\').',
  Interpolation: 'Resampling filter: nearest, bilinear, bicubic, lanczos, box, hamming, area, random...',
  'Training Data': 'Datasets used for training: a name or a list of names.',
  'Training Techniques': 'Training techniques: a name or a list of names.',
  'Training Resources': 'Hardware used for training, e.g. 8x V100 GPUs.',
  Architecture: 'Architecture components: a name or a list of names.',
  ID: 'The model id (timm: the name passed to timm.create_model).',
  Headline: 'A one-line description of the library.',
  Website: 'The library website.',
  Repository: 'The library source repository.',
  Docs: 'The library documentation.',
};

/** Attaches the hover help of a known field to its schema. */
export function doc<T extends z.ZodType>(key: string, schema: T): T {
  const description = FIELD_DOCS[key];
  return (description ? schema.meta({ title: key, description }) : schema) as T;
}
