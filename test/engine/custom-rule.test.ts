/**
 * A project rule that reads what no milint rule reads (a field, a Metadata key and a fact), kept in
 * a file outside milint: its results through worker threads and the cache are those of the full
 * graph, because summaries keep what rules declare in `meta.reads`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lintFiles, type LintOptions, type LintRun } from '../../src/lint/lint.js';
import { lintFilesAsync } from '../../src/engine/lint-async.js';
import { loadRuleModules } from '../../src/rules/modules.js';
import { keptKeys } from '../../src/engine/summary.js';
import { resolveConfig } from '../../src/config/resolve-config.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
const HERE = join(ROOT, 'fixtures', 'engine', 'custom-rule');
const RULE = pathToFileURL(join(HERE, 'training-data.js')).href;

/** Every diagnostic as `file:line:column rule message`, in order. */
const lines = (run: LintRun): string[] => run.results.flatMap((r) => r.diagnostics.map((d) => `${relative(ROOT, r.file)}:${d.start.line}:${d.start.column} ${d.ruleId} ${d.message}`));

let cacheDir: string;
beforeAll(async () => {
  await loadRuleModules([RULE]);
  cacheDir = mkdtempSync(join(tmpdir(), 'milint-custom-'));
});
afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));

/** The full graph, then workers with a cold cache, then the warm cache: all three lines. */
async function threeWays(options: LintOptions, cacheName: string): Promise<{ full: string[]; cold: LintRun; warm: LintRun }> {
  const full = lintFiles(options);
  const cached = { ...options, concurrency: 2, cache: true, cacheLocation: join(cacheDir, cacheName) } as const;
  const cold = await lintFilesAsync(cached);
  const warm = await lintFilesAsync(cached);
  return { full: lines(full), cold, warm };
}

describe('a project rule of its own (ruleModules)', () => {
  it('is kept in summaries by what it declares: Paper, Training Data and its fact', () => {
    const kept = keptKeys(resolveConfig({}));
    expect(kept.fields.get('Paper')).toBe('value');
    expect(kept.metadata.get('Training Data')).toBe('value');
    expect(kept.facts.map((f) => f.id)).toContain('custom/paper-url');
  });

  it('gives the same results through workers and the cache as the full graph, at the places it reports', async () => {
    const zoo = join(HERE, 'zoo');
    const { full, cold, warm } = await threeWays({ cwd: zoo, config: false, ruleModules: [RULE] }, 'zoo.tsv');
    expect(cold.stats).toMatchObject({ threads: 2, linted: 3, cached: 0, workersLost: 0 });
    expect(warm.stats).toMatchObject({ linted: 0, cached: 3 });
    expect(lines(cold)).toEqual(full);
    expect(lines(warm)).toEqual(full);
    const paper = 'collection Alpha (https://arxiv.org/abs/2001.00001) is trained on ImageNet, JFT-300M.';
    expect(full.filter((l) => l.includes('custom/'))).toEqual([
      `fixtures/engine/custom-rule/zoo/docs/alpha.md:16:5 custom/training-data Training Data is ImageNet, but docs/alpha-large.md:6 of ${paper}`,
      `fixtures/engine/custom-rule/zoo/metafile.yml:5:22 custom/training-data Training Data is ImageNet-21k, but docs/alpha-large.md:6 of ${paper}`,
      `fixtures/engine/custom-rule/zoo/metafile.yml:9:22 custom/training-data Training Data is ImageNet, but docs/alpha-large.md:6 of ${paper}`,
    ]);
  });

  it('agrees on timm\'s docs under the timm preset too', async () => {
    const timm = join(ROOT, 'fixtures', 'corpus', 'timm');
    const { full, cold, warm } = await threeWays({ cwd: timm, config: false, preset: 'timm', ruleModules: [RULE] }, 'timm.tsv');
    expect(cold.stats!.threads).toBe(2);
    expect(cold.stats!.linted).toBeGreaterThan(60);
    expect(warm.stats!.cached).toBe(cold.stats!.linted);
    expect(lines(cold)).toEqual(full);
    expect(lines(warm)).toEqual(full);
    expect(full.filter((l) => l.includes('custom/')).map((l) => l.split(' ')[0])).toEqual(['fixtures/corpus/timm/docs/models/tf-efficientnet.md:638:5']);
  });

  it('a rule that reads what it did not declare is told so the same way by both engines, never given nothing', async () => {
    const undeclared = pathToFileURL(join(HERE, 'undeclared.js')).href;
    const options = { cwd: join(HERE, 'zoo'), config: false, ruleModules: [RULE, undeclared], concurrency: 'off' } as const;
    const failed = (run: LintRun) => lines(run).filter((l) => l.includes('file/internal-error'));
    const message = 'Rule custom/undeclared-code (a project\'s own rule) failed: Field "Code" is not in the meta.reads of rule custom/undeclared-code: name it there. The other rules ran.';
    expect(failed(await lintFilesAsync(options))).toEqual([`fixtures/engine/custom-rule/zoo/model-index.yml:1:1 file/internal-error ${message}`]);
    expect(failed(lintFiles(options))).toEqual([`fixtures/engine/custom-rule/zoo/model-index.yml:1:1 file/internal-error ${message}`]);
  });

  it('imports the package in a worker as in the main thread, and lists what it reads alike in both engines', async () => {
    const packaged = pathToFileURL(join(HERE, 'packaged.js')).href;
    await loadRuleModules([packaged]);
    const { full, cold, warm } = await threeWays({ cwd: join(HERE, 'zoo'), config: false, ruleModules: [RULE, packaged] }, 'packaged.tsv');
    expect(cold.stats).toMatchObject({ threads: 2, linted: 3, workersLost: 0 });
    expect(lines(cold)).toEqual(full);
    expect(lines(warm)).toEqual(full);
    expect(full.filter((l) => l.includes('custom/listed'))).toEqual([
      'fixtures/engine/custom-rule/zoo/docs/alpha-large.md:6:3 custom/listed fields Name|In Collection (2); metadata Training Data=["ImageNet","JFT-300M"]; first datum ImageNet',
      'fixtures/engine/custom-rule/zoo/docs/alpha.md:12:3 custom/listed fields Name|In Collection (2); metadata Training Data=["ImageNet"]; first datum ImageNet',
      'fixtures/engine/custom-rule/zoo/metafile.yml:2:5 custom/listed fields Name|In Collection (2); metadata Training Data="ImageNet-21k"; first datum ImageNet-21k',
      'fixtures/engine/custom-rule/zoo/metafile.yml:6:5 custom/listed fields Name|In Collection (2); metadata Training Data=["ImageNet"]; first datum ImageNet',
    ]);
  });

  it('a project rule that reads ctx.blocks is told so by both engines (a summarised file keeps no blocks)', async () => {
    const reader = pathToFileURL(join(HERE, 'blocks-reader.js')).href;
    const options = { cwd: join(HERE, 'zoo'), config: false, ruleModules: [reader], concurrency: 'off' } as const;
    const failed = (run: LintRun) => lines(run).filter((l) => l.includes('custom/blocks-reader'));
    const expected = ['fixtures/engine/custom-rule/zoo/model-index.yml:1:1 file/internal-error Rule custom/blocks-reader (a project\'s own rule) failed: rule custom/blocks-reader reads ctx.blocks, which only per-file rules see: a project rule reads ctx.index (its meta.reads). The other rules ran.'];
    expect(failed(await lintFilesAsync(options))).toEqual(expected);
    expect(failed(lintFiles(options))).toEqual(expected);
  });

  it('a rule that mutates a path it was handed corrupts no other entry\'s position', async () => {
    const mutating = pathToFileURL(join(HERE, 'mutating.js')).href;
    await loadRuleModules([mutating]);
    const { full, cold, warm } = await threeWays({ cwd: join(HERE, 'zoo'), config: false, ruleModules: [mutating] }, 'mutating.tsv');
    const here = (l: string[]) => l.filter((x) => x.includes('custom/mutating')).map((x) => x.split(' ')[0]);
    // Each model's own In Collection line, in every mode.
    expect(here(full)).toEqual([
      'fixtures/engine/custom-rule/zoo/docs/alpha-large.md:7:18', 'fixtures/engine/custom-rule/zoo/docs/alpha.md:13:18',
      'fixtures/engine/custom-rule/zoo/metafile.yml:3:20', 'fixtures/engine/custom-rule/zoo/metafile.yml:7:20',
    ]);
    expect(here(lines(cold))).toEqual(here(full));
    expect(here(lines(warm))).toEqual(here(full));
  });

  it('a report of a message the rule does not define is that rule\'s failure, not the run\'s', async () => {
    const broken = pathToFileURL(join(HERE, 'broken-report.js')).href;
    const run = await lintFilesAsync({ cwd: join(HERE, 'zoo'), config: false, ruleModules: [broken], concurrency: 'off' });
    expect(lines(run).filter((l) => l.includes('custom/broken-report'))).toEqual([
      'fixtures/engine/custom-rule/zoo/docs/alpha-large.md:1:1 file/internal-error Rule custom/broken-report (a project\'s own rule) failed: it reported message "made-up", which its messages do not define. The other rules ran.',
      'fixtures/engine/custom-rule/zoo/docs/alpha.md:1:1 file/internal-error Rule custom/broken-report (a project\'s own rule) failed: it reported message "made-up", which its messages do not define. The other rules ran.',
      'fixtures/engine/custom-rule/zoo/metafile.yml:1:1 file/internal-error Rule custom/broken-report (a project\'s own rule) failed: it reported message "made-up", which its messages do not define. The other rules ran.',
      'fixtures/engine/custom-rule/zoo/model-index.yml:1:1 file/internal-error Rule custom/broken-report (a project\'s own rule) failed: it reported message "made-up", which its messages do not define. The other rules ran.',
    ]);
  });

  it('refuses a module that cannot be loaded or whose rules are not as milint reads them, with the module named', async () => {
    const url = (name: string) => pathToFileURL(join(HERE, name)).href;
    await expect(loadRuleModules([url('zoo/model-index.yml')])).rejects.toThrow(/Cannot load the rule module .*model-index\.yml/);
    await expect(lintFilesAsync({ cwd: HERE, config: false, ruleModules: ['no-such-rule.js'] })).rejects.toThrow(/Cannot load the rule module .*no-such-rule\.js/);
    await expect(loadRuleModules([url('no-default.js')])).rejects.toThrow(/no-default\.js has no default export\.$/);
    await expect(loadRuleModules([url('no-reads.js')])).rejects.toThrow(/no-reads\.js does not export rules as milint reads them: rule custom\/no-reads is a project rule without meta\.reads/);
    expect(() => lintFiles({ cwd: HERE, config: false, ruleModules: ['later.js'] })).toThrow(/is not loaded/);
  });

  // Last: the rule stays in this thread's registry, and its fact makes every file fall back to the full graph.
  it('a fact that gives something other than JSON data fails the same way in both engines, on the same file', async () => {
    const bad = pathToFileURL(join(HERE, 'bad-fact.js')).href;
    const options = { cwd: join(HERE, 'zoo'), config: false, ruleModules: [bad] } as const;
    const failed = (run: LintRun) => lines(run).filter((l) => l.includes('custom/bad-fact'));
    const expected = ['fixtures/engine/custom-rule/zoo/model-index.yml:1:1 file/internal-error Rule custom/bad-fact (a project\'s own rule) failed: fact "custom/aliases" gave a Map, which is not JSON data (use null for none). The other rules ran.'];
    expect(failed(await lintFilesAsync({ ...options, concurrency: 2 }))).toEqual(expected);
    expect(failed(lintFiles(options))).toEqual(expected);
  });
});
