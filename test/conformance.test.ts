/**
 * Conformance with the reference library (`model-index` 0.1.11): for every fixture folder of its
 * tests, milint resolves the models and collections that EXPECTED.md lists, and reports each check
 * error the reference reports there, at its line. See fixtures/corpus/pwc-model-index-tests.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintFiles, type LintRun } from '../src/lint/lint.js';
import type { Entry } from '../src/model/types.js';

const BASE = join(import.meta.dirname, '..', 'fixtures', 'corpus', 'pwc-model-index-tests');
const TEST_MI = join(BASE, 'test-mi');

/**
 * The reference loads `<dir>/model-index.yml` (or `.yaml`) for a folder; `milint <dir>` lints every
 * model-index file under it, so a folder entry is run here through its root file, as the reference does.
 */
const run = (entry: string, base = TEST_MI): LintRun => {
  const root = ['model-index.yml', 'model-index.yaml'].map((f) => join(base, entry, f)).find((p) => existsSync(p));
  return lintFiles({ patterns: [root ?? entry], cwd: base });
};
const names = (entries: readonly Entry[]) => entries.map((e) => e.name?.value);
/** `file:line rule-id` for every error (the reference reports errors only), paths relative to the fixture root. */
const checks = (r: LintRun, base = TEST_MI) =>
  r.results.flatMap((f) => f.diagnostics.filter((d) => d.severity === 'error').map((d) => `${relative(base, f.file)}:${d.start.line} ${d.ruleId}`));
/** `file:line rule-id` for every warning. */
const warnings = (r: LintRun, base = TEST_MI) =>
  r.results.flatMap((f) => f.diagnostics.filter((d) => d.severity !== 'error').map((d) => `${relative(base, f.file)}:${d.start.line} ${d.ruleId}`));
const metadata = (e: Entry) => Object.fromEntries([...e.metadata].map(([k, v]) => [k, v.value]));
const metrics = (e: Entry, i = 0) => Object.fromEntries(e.results[i]!.metrics.map((m) => [m.name, m.value.value]));

const INCEPTION = ['Inception v3 - 90 epochs', 'Inception v3 - 120 epochs'];
const README_ERR = (file: string, line = 16) => `${file}:${line} file/not-found`;

describe('reference fixtures: what is loaded and what is reported', () => {
  it.each<[string, (string | null)[], string[], string[]]>([
    ['01_base', ['Inception v3'], [], [README_ERR('01_base/model-index.yml', 27)]],
    ['02_markdown/example.md', ['ResNet'], [], ['02_markdown/example.md:5 import/not-found', '02_markdown/example.md:6 import/not-found']],
    ['03_col', INCEPTION, ['Inception v3'], [README_ERR('03_col/model-index.yml')]],
    ['04_imports', INCEPTION, ['Inception v3'], [README_ERR('04_imports/model-index.yml')]],
    ['05_field_imports', INCEPTION, ['Inception v3'], [README_ERR('05_field_imports/model-index.yml')]],
    ['06_import_meta', INCEPTION, ['Inception v3'], [README_ERR('06_import_meta/model-index.yml')]],
    ['07_import_models', INCEPTION, ['Inception v3'], ['07_import_models/col2.yaml:15 file/not-found']],
    ['08_import_models_json', INCEPTION, ['Inception v3'], ['08_import_models_json/col2.json:1 file/not-found']],
    ['10_import_meta_check', INCEPTION, ['Inception v3'], [
      '10_import_meta_check/meta/m2.yml:4 import/not-found',
      README_ERR('10_import_meta_check/model-index.yml'),
      '10_import_meta_check/model-index.yml:21 import/not-found',
    ]],
    ['11_markdown', ['RexNet', 'RexNet1', 'RexNet2', 'RexNet3', ...INCEPTION], ['Inception v3'], [README_ERR('11_markdown/secondary.yaml')]],
    ['12_wildcard_imports', INCEPTION, ['Inception v3'], [README_ERR('12_wildcard_imports/model-index.yml')]],
    ['13_wildcard_model_imports', INCEPTION, ['Inception v3'], [README_ERR('13_wildcard_model_imports/model-index.yml')]],
    ['17_collections_merge', INCEPTION, ['Inception v3'], [README_ERR('17_collections_merge/model-index.yml'), '17_collections_merge/model-index.yml:45 file/not-found']],
    ['13_wildcard_model_imports/mi2.yml', INCEPTION, [], [
      '13_wildcard_model_imports/models/m1.yml:3 collection/exists', '13_wildcard_model_imports/models/m2.yml:3 collection/exists',
    ]],
    ...['mi3', 'mi4', 'mi6', 'mi7', 'mi8', 'mi9'].map((m): [string, string[], string[], string[]] =>
      [`13_wildcard_model_imports/${m}.yml`, INCEPTION, ['Inception v3'], [README_ERR(`13_wildcard_model_imports/${m}.yml`)]]),
    ['14_common', INCEPTION, ['Inception v3'], [README_ERR('14_common/model-index.yml')]],
    ['15_readme_contents', INCEPTION, ['Inception v3'], [README_ERR('15_readme_contents/model-index.yml')]],
    ['15_readme_contents/mi2.yml', INCEPTION, ['Inception v3'], [README_ERR('15_readme_contents/mi2.yml')]],
    ['15_readme_contents/mi3.yml', INCEPTION, ['Inception v3'], [README_ERR('15_readme_contents/mi3.yml')]],
    ['16_images', INCEPTION, ['Inception v3'], [README_ERR('16_images/model-index.yml'), '16_images/models/m2.yml:14 file/not-found']],
    ['16_images/mi2.yml', INCEPTION, ['Inception v3'], [README_ERR('16_images/mi2.yml')]],
    ['17_collections_merge/mi3.yml', INCEPTION, ['Inception v3'], [
      README_ERR('17_collections_merge/mi3.yml'), '17_collections_merge/mi3.yml:27 collection/exists',
    ]],
    ['19_yml_head/readme.md', ['my model name'], [], []],
    ['19_yml_head/readme-noname.md', [null], [], ['19_yml_head/readme-noname.md:6 schema/missing-key']],
  ])('%s', (entry, models, collections, expected) => {
    const r = run(entry);
    expect(names(r.index.models).map((n) => n ?? null)).toEqual(models);
    expect(names(r.index.collections)).toEqual(collections);
    expect(checks(r)).toEqual(expected);
  });

  it('warnings: only the plain-http image link of 16, on every entry of the reference fixtures', () => {
    const entries = readdirSync(TEST_MI).flatMap((d) => {
      const dir = join(TEST_MI, d);
      return [d, ...readdirSync(dir).filter((f) => /^mi\d+\.yml$|\.md$/.test(f) && d !== '09_check').map((f) => `${d}/${f}`)];
    });
    const found = new Set(entries.flatMap((e) => warnings(run(e))));
    expect([...found].sort()).toEqual(['16_images/models_md/m2.md:14 url/https']);
    expect(warnings(run('option1-markdown', join(BASE, 'examples')))).toEqual([]);
    expect(warnings(run('option2-yaml', join(BASE, 'examples')))).toEqual([]);
  });

  it('13: the Models glob variants all load two models', () => {
    for (const m of ['mi3', 'mi4', 'mi6', 'mi7', 'mi8', 'mi9']) {
      expect(run(`13_wildcard_model_imports/${m}.yml`).index.models, m).toHaveLength(2);
    }
    const mi5 = run('13_wildcard_model_imports/mi5.yml').index;
    expect(mi5.models).toHaveLength(0);
    expect(names(mi5.collections)).toEqual(['Inception v3 - 90 epochs', 'Inception v3 - 120 epochs']);
    expect(run('13_wildcard_model_imports/mi7.yml').index.models[0]!.results.map((r) => r.metrics[0]!.value.value)).toEqual(['11%', '21%']);
  });

  it('05: results from a referenced single result and a referenced result list', () => {
    const [m0, m1] = run('05_field_imports').index.models;
    expect(m0!.results[0]!.task?.value).toBe('Image Classification');
    expect(m0!.results[0]!.dataset?.value).toBe('ImageNet');
    expect(metrics(m0!)).toEqual({ 'Top 1 Accuracy': '74.67%', 'Top 5 Accuracy': '92.1%' });
    expect(metrics(m1!)).toEqual({ 'Top 1 Accuracy': '75.1%', 'Top 5 Accuracy': '93.1%' });
    expect(relative(TEST_MI, m0!.results[0]!.origin.block.block.file.path)).toBe('05_field_imports/r1.yaml');
  });

  it('06-08: metadata from referenced files, YAML and JSON', () => {
    expect(run('06_import_meta').index.models.map(metadata)).toEqual([{ Epochs: 90 }, { Epochs: 120, 'my custom parameter': 'abc' }]);
    expect(run('07_import_models').index.models.map(metadata)).toEqual([{ Epochs: 90 }, { Epochs: 120 }]);
    expect(run('08_import_models_json').index.models.map(metadata)).toEqual([{ Epochs: 90 }, { Epochs: 111 }]);
  });

  it('09: the check fixtures', () => {
    const c = (f: string) => checks(run(`09_check/${f}`));
    expect(c('mi1.yml')).toEqual(['09_check/mi1.yml:19 schema/missing-key']);
    expect(c('mi2.yml')).toEqual([]);
    expect(c('mi3.yml')).toEqual(['09_check/mi3.yml:19 schema/missing-key', '09_check/mi3.yml:20 schema/invalid-type']);
    expect(c('mi4.yml')).toEqual(['09_check/mi4.yml:19 schema/missing-key', '09_check/mi4.yml:21 schema/invalid-type']);
    expect(c('mi5.yml')).toEqual(['09_check/mi5.yml:3 import/not-found', '09_check/mi5.yml:5 schema/missing-key', '09_check/mi5.yml:7 schema/invalid-type']);
    expect(c('mi6.yml')).toEqual(['09_check/mi6.yml:3 import/not-found', '09_check/mi6.yml:5 import/not-found', '09_check/mi6.yml:9 file/not-found']);
    expect(c('mi7.yml')).toEqual(['09_check/mi7.yml:2 import/not-found']);
    expect(run('09_check/mi7.yml').index.models).toHaveLength(0);
    expect(c('mi8.yml')).toEqual(['09_check/mi8.yml:3 import/not-found', '09_check/mi8.yml:5 import/not-found']);
    expect(c('results_list.yaml')).toEqual(['09_check/results_list.yaml:11 schema/missing-key']);
    expect(c('invalid_file.yml')).toEqual(['09_check/invalid_file.yml:1 schema/invalid-type']);
    const messages = run('09_check/mi5.yml').results[0]!.diagnostics.map((d) => d.message);
    expect(messages[0]).toContain('"what?", which does not exist');
    expect(messages[1]).toContain('"Dataset"');
    expect(messages[2]).toContain('Metrics');
  });

  it('11: two comments in one page, results next to a page in a subfolder', () => {
    const models = run('11_markdown').index.models;
    expect(models.slice(0, 3).map(metadata)).toEqual([{ 'some field': 10 }, { 'some field': 11 }, { 'some field': 22 }]);
    expect(metrics(models[3]!)).toEqual({ mAP: '19%' });
    expect(names(run('11_markdown/subdir/rexnet3.md').index.models)[0]).toBe('RexNet3');
    expect(checks(run('11_markdown/rexnet.md'))).toEqual([]);
  });

  it('14: a single-mapping Results and list-shaped Metadata (last wins)', () => {
    const [m0, m1] = run('14_common').index.models;
    expect(metrics(m0!)['Top 1 Accuracy']).toBe('11.67%');
    expect(metadata(m1!).Epochs).toBe(130);
  });

  it('18: the four ways to give a Library', () => {
    for (const f of ['model-index.yml', 'mi2.yml', 'mi3.yml', 'mi4.yml']) {
      const lib = run(`18_library/${f}`).index.libraries[0]!;
      const field = (k: string) => lib.fields.get(k)?.value;
      expect(field('Name'), f).toBe('AllenNLP');
      expect(field('Repository')).toBe('https://github.com/allenai/allennlp-models');
      expect(field('Website')).toBe('https://allennlp.org/');
      expect(field('Docs')).toBe('https://docs.allennlp.org/');
      expect(field('Image')).toBe('images/allennlp.png');
    }
    expect(checks(run('18_library/mi4.yml'))).toContain('18_library/lib.yaml:8 file/not-found');
  });

  it('19: front matter gives a model list with metrics by name', () => {
    const m = run('19_yml_head/readme.md').index.models[0]!;
    expect(m.dialect).toBe('huggingface');
    expect(metrics(m)).toEqual({ 'Test WER': 10 });
  });

  it('examples: Markdown pages and Metadata-wrapped files', () => {
    const ex = join(BASE, 'examples');
    const md = run('option1-markdown', ex);
    expect(names(md.index.collections)).toEqual(['AlexNet', 'ResNet']);
    expect(names(md.index.models)).toEqual(['AlexNet', 'ResNet-101', 'ResNet-152']);
    expect(md.index.models.map((m) => m.fields.get('Code')?.value)).toEqual([
      'https://github.com/pytorch/vision/blob/5a315453da5089d66de94604ea49334a66552524/torchvision/models/alexnet.py#L53',
      'https://github.com/pytorch/vision/blob/5a315453da5089d66de94604ea49334a66552524/torchvision/models/resnet.py#L304',
      'https://github.com/pytorch/vision/blob/5a315453da5089d66de94604ea49334a66552524/torchvision/models/resnet.py#L316',
    ]);
    expect(checks(md, ex)).toEqual([]);
    const yml = run('option2-yaml', ex);
    expect(names(yml.index.collections)).toEqual(['AlexNet', 'ResNet']);
    expect(yml.index.models.map((m) => m.metadata.get('FLOPs')?.value)).toEqual([1429383808, 15667943424, 23117674496]);
    expect(checks(yml, ex)).toEqual([]);
  });
});
