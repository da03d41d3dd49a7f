/**
 * JSON Schema for editors (yaml-language-server reads draft-07), generated from the zod schemas so
 * that the two never drift. Checks zod cannot express in JSON Schema (refinements such as "an
 * absolute URL") are left out: editors get the shape, milint checks the rest.
 */
import { z } from 'zod';
import { modelIndex } from './pwc.js';
import { hfModelIndex } from './huggingface.js';

/** Every generated schema by its file name in `schemas/`. */
export function jsonSchemas(): Record<string, unknown> {
  const gen = (schema: z.ZodType, title: string, id: string) => ({
    ...z.toJSONSchema(schema, { target: 'draft-7', unrepresentable: 'any' }),
    $id: id,
    title,
  });
  return {
    'model-index.schema.json': gen(modelIndex, 'Papers-with-Code model index (model-index.yml, metafile.yml)', 'model-index.schema.json'),
    'huggingface-model-index.schema.json': gen(hfModelIndex, 'Hugging Face model card: the model-index front matter key', 'huggingface-model-index.schema.json'),
  };
}
