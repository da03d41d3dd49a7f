/**
 * Linting each self-contained file on its own (per-file rules where the file is, project rules
 * over the files' summaries), on this thread or in workers, must give exactly what one graph with
 * every entry's data gives: same diagnostics, messages, positions, fixes and suggestions.
 */
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintFiles, type LintOptions, type LintRun } from '../src/lint/lint.js';
import { lintFilesAsync } from '../src/engine/lint-async.js';
import { generateCorpus } from '../scripts/generate-corpus.js';
import { ROOT } from './helpers/exec.js';
import { tmpTree } from './helpers/tmp.js';
import { filesBelow } from './helpers/files.js';
import { rulesTable } from '../src/cli/rules-table.js';

const view = (run: LintRun) => run.results.map((r) => ({ file: relative(ROOT, r.file), diagnostics: r.diagnostics }));

async function same(opts: LintOptions, threads: 'off' | number = 'off'): Promise<LintRun> {
  const whole = lintFiles(opts);
  const split = await lintFilesAsync({ ...opts, concurrency: threads });
  expect(view(split), JSON.stringify(opts.patterns)).toEqual(view(whole));
  return split;
}


describe('files linted on their own = one graph with every entry', () => {
  it.each([
    ['timm docs, recommended', { patterns: ['fixtures/corpus/timm'] }],
    ['timm docs and templates, timm preset', { patterns: ['fixtures/corpus/timm', 'fixtures/corpus/timm/docs/models/.templates/models/*.md'], preset: 'timm' }],
    ['timm docs, openmmlab preset (required fields through collections)', { patterns: ['fixtures/corpus/timm'], preset: 'openmmlab' }],
    ['timm docs, strict preset', { patterns: ['fixtures/corpus/timm'], preset: 'strict' }],
    ['the demo zoo', { patterns: ['fixtures/demo'] }],
    ['the reference fixtures as one tree', { patterns: ['fixtures/corpus/pwc-model-index-tests'] }],
  ])('%s', async (_name, opts) => {
    const run = await same({ cwd: ROOT, config: false, ...opts });
    // The split really happened: most files were linted on their own.
    expect(run.stats!.linted).toBeGreaterThan(run.stats!.full);
    expect(run.results.flatMap((r) => r.diagnostics).length).toBeGreaterThan(0);
  });

  it('every entry of the reference fixtures', async () => {
    const base = join(ROOT, 'fixtures', 'corpus', 'pwc-model-index-tests');
    for (const f of filesBelow(base).filter((p) => /\.(ya?ml|json|md)$/.test(p))) await same({ cwd: base, config: false, patterns: [f] });
  });

  it('every rule fixture, file and folder cases (the bad-input cases)', async () => {
    const base = join(ROOT, 'fixtures', 'rules');
    const all = filesBelow(base);
    for (const f of all.filter((p) => /\.(ya?ml|json|md)$/.test(p) && !p.includes('.case/'))) {
      await same({ cwd: join(f, '..'), patterns: [f] });
    }
    const cases = [...new Set(all.filter((p) => p.includes('.case/')).map((p) => p.slice(0, p.indexOf('.case/') + 5)))];
    expect(cases.length).toBeGreaterThan(1);
    for (const c of cases) await same({ cwd: c, patterns: ['.'] });
  });

  it('an injected-error corpus, on this thread and in two workers', async () => {
    const dir = tmpTree(generateCorpus({ pages: 60, seed: 11, inject: true }).files);
    for (const preset of ['timm', 'recommended']) {
      const run = await same({ cwd: dir, config: false, patterns: ['.'], preset }, 'off');
      expect(run.results.flatMap((r) => r.diagnostics).length).toBeGreaterThan(20);
      const workers = await same({ cwd: dir, config: false, patterns: ['.'], preset }, 2);
      expect(workers.stats!.threads).toBe(2);
    }
  });

  it('project rules see across files: duplicates, collections, weights, outliers, inherited fields', async () => {
    const page = (name: string, models: string) => `# ${name}\n\n<!--\nType: model-index\n${models}-->\n`;
    const model = (name: string, extra = '', top1 = '80.1%') =>
      `- Name: ${name}\n  In Collection: Fam\n  Weights: https://example.com/w/${name}-0123abcd.pth\n${extra}  Results:\n  - Task: Image Classification\n    Dataset: ImageNet\n    Metrics:\n      Top 1 Accuracy: ${top1}\n`;
    const tree: Record<string, string> = {
      'model-index.yml': 'Import:\n- docs/*.md\n',
      'docs/a.md': page('a', 'Collections:\n- Name: Fam\n  Metadata:\n    Training Data: [ImageNet]\nModels:\n' + model('resnet50') + model('resnet101')),
      'docs/b.md': page('b', 'Models:\n' + model('resnet50', '', '79.9%') + model('vit_base', '  Weights: https://example.com/w/resnet101-0123abcd.pth\n'.replace('Weights', 'Code'))),
      'docs/c.md': page('c', 'Models:\n' + model('effnet', '', '8.03%') + model('mobilenet') + model('deit', '', '80.3%') + model('regnet', '', '80.0%') + model('convnext', '', '80.2%') + model('cait', '', '79.8%')),
      'docs/d.md': page('d', 'Models:\n- Name: lonely\n  In Collection: fam\n  Weights: https://example.com/w/resnet101-0123abcd.pth\n'),
    };
    const dir = tmpTree(tree);
    const run = await same({ cwd: dir, config: false, patterns: ['.'], ruleFlags: ['model/required-fields: ["error", {"fields": ["Metadata.Training Data"]}]'] });
    const got: string[] = run.results.flatMap((r) => r.diagnostics.map((d) => `${relative(dir, r.file)}:${d.start.line} ${d.ruleId}`)).sort();
    // Every one of these needs another file to see: none could come from a file linted alone.
    expect(got).toEqual([
      'docs/b.md:6 model/duplicate-name',
      'docs/c.md:13 results/outlier',
      'docs/d.md:6 model/required-fields',
      'docs/d.md:7 collection/exists',
      'docs/d.md:8 weights/name-mismatch',
    ]);
  });

  it('--index: the pages the root index imports are linted on their own too, and only the named file is reported', async () => {
    const dir = tmpTree(generateCorpus({ pages: 40, seed: 4, inject: true }).files);
    const page = 'docs/models/family00003.md';
    const run = await same({ cwd: dir, config: false, preset: 'timm', patterns: [page], index: 'auto' }, 2);
    expect(run.results.map((r) => relative(dir, r.file))).toEqual([page]);
    // The named page, then the 39 others the index reaches (found by walking the graph).
    expect(run.stats!.linted).toBe(40);
  });

  it('a metafile named by Metadata: is read in full (its summary does not cover that role)', async () => {
    const dir = tmpTree({
      'model-index.yml': 'Import:\n- metafile.yml\n',
      'metafile.yml': 'Models:\n- Name: a\n  Metadata: meta.yml\n  Results:\n  - Task: T\n    Dataset: D\n    Metrics:\n      Top 1 Accuracy: 170\n',
      'meta.yml': 'FLOPs: 12G\nParameters: 10\n',
    });
    const run = await same({ cwd: dir, config: false, patterns: ['.'] });
    const meta = run.results.find((r) => r.file.endsWith('meta.yml'))!;
    expect(meta.diagnostics.map((d) => `${d.ruleId} ${d.start.line}:${d.start.column}`)).toEqual(['metadata/number 1:8']);
  });
});

describe('worker threads', () => {
  it('a worker that dies (out of memory on a big file) leaves its batches to the main thread; results are the same', async () => {
    const { workerLimits } = await import('../src/engine/workers/lint-pool.js');
    const lines = ['<!--', 'Type: model-index', 'Models:'];
    for (let i = 0; i < 20000; i++) lines.push(`- Name: m${i}`, '  Metadata:', `    FLOPs: ${i}`, '    Tags: [a, b]');
    const files: Record<string, string> = { 'big.md': `${lines.join('\n')}\n-->\n` };
    for (let k = 0; k < 150; k++) files[`p${k}.md`] = `<!--\nType: model-index\nModels:\n- Name: x${k}\n  Weights: http://example.com/x${k}.pth\n-->\n`;
    const dir = tmpTree(files);
    const saved = workerLimits.oldMb;
    workerLimits.oldMb = 12;
    try {
      const run = await same({ cwd: dir, config: false, patterns: ['.'] }, 2);
      expect(run.stats!.threads).toBe(2);
      expect(run.stats!.workersLost).toBeGreaterThanOrEqual(1);
      expect(run.results.flatMap((r) => r.diagnostics).length).toBe(150);
      // Every batch the dead worker held (it holds two) was linted here, none left to the main graph.
      expect(run.stats).toMatchObject({ linted: 151, full: 0 });
    } finally {
      workerLimits.oldMb = saved;
    }
  });
});

describe('rule scope', () => {
  it('`milint rules --json` names the nine project rules (the README lists them)', () => {
    const rows = JSON.parse(rulesTable(undefined, true)) as { id: string; scope: string }[];
    expect(rows.filter((r) => r.scope === 'project').map((r) => r.id)).toEqual([
      'collection/duplicate', 'collection/exists', 'file/not-found', 'import/orphan', 'model/duplicate-name',
      'model/required-fields', 'results/outlier', 'weights/name-mismatch', 'weights/shared',
    ]);
    expect(rows.filter((r) => r.scope === 'file').length).toBe(rows.length - 9);
  });
});
