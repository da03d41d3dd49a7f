import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Chalk } from 'chalk';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { milint, ROOT } from '../helpers/exec.js';
import type { ExportedIndex } from '../../src/index.js';

const TEST_MI = join(ROOT, 'fixtures', 'corpus', 'pwc-model-index-tests', 'test-mi');
const INCEPTION = ['Inception v3 - 90 epochs', 'Inception v3 - 120 epochs'];
const exported = (args: string[], cwd = ROOT): ExportedIndex => JSON.parse(milint(['export', ...args], cwd).stdout) as ExportedIndex;

describe('milint export', () => {
  it('the timm docs: 272 models, 65 collections, the library; full models with their source line', () => {
    const e = exported(['fixtures/corpus/timm']);
    expect(e.models).toHaveLength(272);
    expect(e.collections).toHaveLength(65);
    expect(e.library?.name).toBe('PyTorch Image Models');
    const resnet50 = e.models.find((m) => m.name === 'resnet50')!;
    expect(resnet50.source).toMatch(/^fixtures\/corpus\/timm\/docs\/models\/resnet\.md:\d+$/);
    expect(resnet50.Paper).toEqual({ Title: 'Deep Residual Learning for Image Recognition', URL: 'https://paperswithcode.com/paper/deep-residual-learning-for-image-recognition' });
    expect(resnet50.Metadata).toMatchObject({ 'Crop Pct': 0.875, 'Image Size': 224, Interpolation: 'bicubic' });
    expect((resnet50.Results as { metrics: unknown[] }[])[0]!.metrics).toEqual([
      { name: 'Top 1 Accuracy', value: '79.04%', number: 79.04 }, { name: 'Top 5 Accuracy', value: '94.39%', number: 94.39 },
    ]);
  });

  it.each<[string, string[], string[]]>([
    ['01_base', ['Inception v3'], []],
    ['03_col', INCEPTION, ['Inception v3']],
    ['04_imports', INCEPTION, ['Inception v3']],
    ['05_field_imports', INCEPTION, ['Inception v3']],
    ['06_import_meta', INCEPTION, ['Inception v3']],
    ['07_import_models', INCEPTION, ['Inception v3']],
    ['08_import_models_json', INCEPTION, ['Inception v3']],
    ['10_import_meta_check', INCEPTION, ['Inception v3']],
    ['11_markdown', ['RexNet', 'RexNet1', 'RexNet2', 'RexNet3', ...INCEPTION], ['Inception v3']],
    ['12_wildcard_imports', INCEPTION, ['Inception v3']],
    ['13_wildcard_model_imports', INCEPTION, ['Inception v3']],
    ['14_common', INCEPTION, ['Inception v3']],
    ['15_readme_contents', INCEPTION, ['Inception v3']],
    ['16_images', INCEPTION, ['Inception v3']],
    ['17_collections_merge', INCEPTION, ['Inception v3']],
    ['18_library', INCEPTION, ['Inception v3']],
  ])('reference fixture %s', (dir, models, collections) => {
    const e = exported([dir], TEST_MI);
    expect(e.models.map((m) => m.name)).toEqual(models);
    expect(e.collections.map((c) => c.name)).toEqual(collections);
  });

  it('merges collection fields into models as the reference does (17_collections_merge)', () => {
    const [m0, m1] = exported(['17_collections_merge'], TEST_MI).models;
    expect(m0!.Metadata).toMatchObject({ 'Training Data': 'ImageNet' });
    expect((m0!.Metadata as Record<string, unknown[]>)['Training Techniques']).toHaveLength(4);
    expect(m1!.Metadata).toMatchObject({ 'Training Data': 'Reddit' });
    expect((m1!.Metadata as Record<string, unknown[]>)['Training Techniques']).toHaveLength(5);
    expect(m1!.README).toBe('docs/inception-v3-readme-120.md');
    const mi2 = exported(['17_collections_merge/mi2.yml'], TEST_MI).models;
    expect(mi2.map((m) => (m.Results as { metrics: { value: unknown }[] }[]).map((r) => r.metrics[0]!.value))).toEqual([['11%', '74.67%'], ['11%', '75.1%']]);
  });

  it('-f yaml prints the same document as YAML', () => {
    expect(parse(milint(['export', '-f', 'yaml', '14_common'], TEST_MI).stdout)).toEqual(exported(['14_common'], TEST_MI));
  });
});

describe('programmatic API', () => {
  it.each([['src', '../../src/index.js'], ['the built package', '../../dist/index.js']])('lint, loadIndex and formatters from %s', async (_name, path) => {
    if (path.includes('dist')) expect(existsSync(join(ROOT, 'dist', 'index.js'))).toBe(true);
    const api = (await import(path)) as typeof import('../../src/index.js');
    const { results, index } = await api.lint({ patterns: ['fixtures/demo'], cwd: ROOT, config: false });
    expect(results.flatMap((r) => r.diagnostics).map((d) => d.ruleId)).toContain('metadata/number');
    expect(index.models.length).toBe(4);
    const text = await api.lint({ text: 'Models:\n- Name: m\n  Metadata: {Epochs: -1}\n', filename: 'model-index.yml', cwd: ROOT, config: false });
    expect(text.results[0]!.diagnostics.map((d) => `${d.start.line}:${d.start.column} ${d.ruleId}`)).toEqual(['3:22 metadata/number']);
    const loaded = await api.loadIndex({ patterns: ['fixtures/corpus/timm'], cwd: ROOT });
    expect(loaded.models).toHaveLength(272);
    expect(api.formatters.compact(results, { cwd: ROOT, chalk: new Chalk({ level: 0 }) })).toContain('[metadata/number]');
    await expect(api.lint({ patterns: ['no/such/path'], cwd: ROOT })).rejects.toBeInstanceOf(api.InputError);
  });
});
