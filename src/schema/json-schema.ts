/**
 * JSON Schema for editors (draft-07, what yaml-language-server reads), generated from the zod
 * schemas so that the two never drift, with hover help on every known field. One schema per preset
 * that changes the shape (timm and openmmlab require fields) and one for the Hugging Face dialect.
 * Checks zod cannot express in JSON Schema (refinements such as "an absolute URL") are left out:
 * editors get the shape and the help, milint checks the rest.
 */
import * as z from 'zod';
import * as pwc from './pwc.js';
import { hfModelIndex } from './huggingface.js';
import { doc } from './docs.js';

export type SchemaPreset = 'recommended' | 'timm' | 'openmmlab';

/** The model-index schema with a preset's required fields. */
function presetIndex(preset: SchemaPreset): z.ZodType {
  if (preset === 'recommended') return pwc.modelIndex;
  const path = z.string();
  const model = preset === 'timm'
    ? pwc.model.extend({
      Metadata: doc('Metadata', pwc.metadataMap.extend({
        ID: doc('ID', z.string()),
        'Crop Pct': doc('Crop Pct', z.string().regex(/^\s*(0?\.\d+|1(\.0*)?)\s*$/)),
        'Image Size': doc('Image Size', z.string().regex(/^\s*\d+\s*$/)),
        Interpolation: doc('Interpolation', z.string()),
        'File Size': doc('File Size', z.number().int().nonnegative()),
      })),
      Weights: doc('Weights', z.string()),
      Code: doc('Code', z.string()),
    })
    : pwc.model.extend({
      Config: doc('Config', z.string()),
      Code: doc('Code', z.strictObject({ URL: doc('URL', z.string()), Version: doc('Version', z.string()) })).optional(),
    });
  return pwc.modelIndex.extend({
    Models: doc('Models', z.union([z.array(z.union([model, path])), path])).optional(),
  });
}

function generate(schema: z.ZodType, title: string, id: string): Record<string, unknown> {
  return { ...z.toJSONSchema(schema, { target: 'draft-7', unrepresentable: 'any' }), $id: id, title };
}

/** The JSON Schema of a preset (strict and huggingface read like recommended) or dialect. */
export function jsonSchemaFor(options: { preset?: string; dialect?: 'pwc' | 'huggingface' } = {}): Record<string, unknown> {
  if (options.dialect === 'huggingface' || options.preset === 'huggingface') {
    return generate(hfModelIndex, 'Hugging Face model card: the model-index front matter key', 'huggingface-model-index.schema.json');
  }
  const preset: SchemaPreset = options.preset === 'timm' || options.preset === 'openmmlab' ? options.preset : 'recommended';
  const name = preset === 'recommended' ? 'model-index.schema.json' : `model-index.${preset}.schema.json`;
  const title = `Papers-with-Code model index (model-index.yml, metafile.yml)${preset === 'recommended' ? '' : `, ${preset} preset`}`;
  return generate(presetIndex(preset), title, name);
}

/** Every generated schema by its file name in `schemas/`. */
export function jsonSchemas(): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const options of [{}, { preset: 'timm' }, { preset: 'openmmlab' }, { dialect: 'huggingface' as const }]) {
    const schema = jsonSchemaFor(options);
    out[String(schema.$id)] = schema;
  }
  return out;
}
