/**
 * The exported JSON Schema accepts every real block (all 65 timm pages and the root index) and
 * rejects a broken block at the same field paths milint reports.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { extractMarkdown } from '../../src/extract/markdown.js';
import { sourceFromText } from '../../src/source/source-file.js';
import { lintText } from '../../src/lint/lint.js';
import { ROOT } from '../helpers/exec.js';

const SCHEMAS = join(ROOT, 'schemas');
const load = (name: string) => JSON.parse(readFileSync(join(SCHEMAS, name), 'utf8')) as object;
const TIMM = join(ROOT, 'fixtures', 'corpus', 'timm');
const blocks = readdirSync(join(TIMM, 'docs', 'models')).filter((f) => f.endsWith('.md')).map((f) => {
  const file = sourceFromText(f, readFileSync(join(TIMM, 'docs', 'models', f), 'utf8'));
  return { file: f, data: parse(extractMarkdown(file).blocks[0]!.text) as unknown };
});

describe('JSON Schema for editors', () => {
  const ajv = new Ajv({ allErrors: true, strict: false });

  it.each(['model-index.schema.json', 'model-index.timm.schema.json'])('%s accepts all 65 timm blocks and the root index', (name) => {
    const validate = ajv.compile(load(name));
    expect(blocks).toHaveLength(65);
    for (const b of blocks) {
      validate(b.data);
      expect(validate.errors ?? [], b.file).toEqual([]);
    }
    expect(validate(parse(readFileSync(join(TIMM, 'model-index.yml'), 'utf8')))).toBe(true);
  });

  it('has hover help (title and description) on the known fields', () => {
    const text = JSON.stringify(load('model-index.schema.json'));
    for (const field of ['FLOPs', 'Crop Pct', 'In Collection', 'Weights', 'Metrics', 'Training Data']) {
      expect(text).toContain(`"title":"${field}"`);
    }
    expect(load('model-index.schema.json')).toMatchObject({ $schema: 'http://json-schema.org/draft-07/schema#' });
  });

  it('rejects a broken block at the same field paths milint reports', () => {
    const yaml = 'Models:\n- Name: m\n  Weights: 5\n  Results:\n  - Task: Image Classification\n    Metrics: {Top 1 Accuracy: 1%}\n  Wieghts: x\n';
    const validate = new Ajv({ allErrors: true, strict: false }).compile(load('model-index.schema.json'));
    expect(validate(parse(yaml))).toBe(false);
    const ajvPaths = (validate.errors ?? []).map((e) => {
      const base = e.instancePath.split('/').slice(1).map((s) => (/^\d+$/.test(s) ? Number(s) : s));
      const extra = e.keyword === 'required' ? [(e.params as { missingProperty: string }).missingProperty]
        : e.keyword === 'additionalProperties' ? [(e.params as { additionalProperty: string }).additionalProperty] : [];
      return JSON.stringify([...base, ...extra]);
    });
    const milintPaths = lintText(yaml, 'model-index.yml', { config: false }).results[0]!.diagnostics
      .filter((d) => d.ruleId.startsWith('schema/')).map((d) => JSON.stringify(d.path));
    expect(milintPaths.sort()).toEqual(['["Models",0,"Results",0,"Dataset"]', '["Models",0,"Weights"]', '["Models",0,"Wieghts"]']);
    for (const p of milintPaths) expect(ajvPaths).toContain(p);
  });

  it('milint schema prints the same schemas as schemas/', async () => {
    const { milint } = await import('../helpers/exec.js');
    expect(JSON.parse(milint(['schema'], ROOT).stdout)).toEqual(load('model-index.schema.json'));
    expect(JSON.parse(milint(['schema', '--preset', 'timm'], ROOT).stdout)).toEqual(load('model-index.timm.schema.json'));
    expect(JSON.parse(milint(['schema', '--dialect', 'huggingface'], ROOT).stdout)).toEqual(load('huggingface-model-index.schema.json'));
  });
});
