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

  it('a rule that reads what it did not declare is told so, in a file linted on its own, never silently given nothing', async () => {
    const undeclared = pathToFileURL(join(HERE, 'undeclared.js')).href;
    const options = { cwd: join(HERE, 'zoo'), config: false, ruleModules: [RULE, undeclared], concurrency: 'off' } as const;
    const run = await lintFilesAsync(options);
    const failed = lines(run).filter((l) => l.includes('file/internal-error'));
    expect(failed).toHaveLength(1);
    expect(failed[0]).toContain('Rule custom/undeclared-code (a project\'s own rule) failed: "Code" is not kept in file summaries: name it in the project rule\'s meta.reads.');
    // The full graph has every field: there the rule runs.
    expect(lines(lintFiles(options)).filter((l) => l.includes('custom/undeclared-code'))).toHaveLength(1);
  });

  it('refuses a module whose rules are not custom/<name> or that cannot be loaded, with the module named', async () => {
    await expect(loadRuleModules([pathToFileURL(join(HERE, 'zoo', 'model-index.yml')).href])).rejects.toThrow(/Cannot load the rule module .*model-index\.yml/);
    await expect(lintFilesAsync({ cwd: HERE, config: false, ruleModules: ['no-such-rule.js'] })).rejects.toThrow(/Cannot load the rule module .*no-such-rule\.js/);
    expect(() => lintFiles({ cwd: HERE, config: false, ruleModules: ['later.js'] })).toThrow(/is not loaded/);
  });
});
