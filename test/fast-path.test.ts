/**
 * The fast path (js-yaml data, positions on demand) and the full-position path (a yaml Document
 * for every block) must give identical diagnostics — messages, positions, fixes and suggestions —
 * on every corpus we have.
 */
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintFiles, type LintOptions } from '../src/lint/lint.js';
import { generateCorpus } from '../scripts/generate-corpus.js';
import { ROOT } from './helpers/exec.js';
import { tmpTree } from './helpers/tmp.js';
import { filesBelow } from './helpers/files.js';

const both = (opts: LintOptions) => {
  const view = (mode: 'fast' | 'full') => lintFiles({ ...opts, parseMode: mode }).results
    .map((r) => ({ file: relative(ROOT, r.file), diagnostics: r.diagnostics.map(({ file: _f, ...d }) => d) }));
  return { fast: view('fast'), full: view('full') };
};

/** Lints a folder on both paths, expects the same diagnostics, and gives `file:line` of each of one rule's. */
function sameOnBothPaths(dir: string, ruleId: string): string[] {
  const { fast, full } = both({ cwd: dir, config: false, patterns: ['.'] });
  expect(fast).toEqual(full);
  return fast.flatMap((r) => r.diagnostics.filter((d) => d.ruleId === ruleId).map((d) => `${r.file.split('/').pop()}:${d.start.line}`));
}

describe('fast path = full-position path', () => {
  it.each([
    ['timm docs, recommended', { patterns: ['fixtures/corpus/timm'] }],
    ['timm docs and templates, timm preset', { patterns: ['fixtures/corpus/timm', 'fixtures/corpus/timm/docs/models/.templates/models/*.md'], preset: 'timm' }],
    ['the demo zoo', { patterns: ['fixtures/demo'] }],
  ])('%s', (_name, opts) => {
    const { fast, full } = both({ cwd: ROOT, config: false, ...opts });
    expect(fast).toEqual(full);
    expect(fast.flatMap((r) => r.diagnostics).length).toBeGreaterThan(0);
  });

  it('every entry of the reference fixtures', () => {
    const base = join(ROOT, 'fixtures', 'corpus', 'pwc-model-index-tests');
    for (const f of filesBelow(base).filter((p) => /\.(ya?ml|json|md)$/.test(p))) {
      const { fast, full } = both({ cwd: base, config: false, patterns: [f] });
      expect(fast, f).toEqual(full);
    }
  });

  it('every rule fixture, valid and invalid (the bad-input cases)', () => {
    const base = join(ROOT, 'fixtures', 'rules');
    for (const f of filesBelow(base).filter((p) => /\.(ya?ml|json|md)$/.test(p) && !p.includes('.case/'))) {
      const { fast, full } = both({ cwd: join(f, '..'), patterns: [f] });
      expect(fast, f).toEqual(full);
    }
  });

  it('YAML 1.1 numbers alone in a block (octal, 1e6) are still found', () => {
    const dir = tmpTree({
      'model-index.yml': 'Models:\n- Name: m\n  Metadata:\n    Mode: 0755\n    Steps:\n    - 1e3\n    - 2E+3\n    Plain: 0.5\n',
      'page.md': '# p\n\n<!--\nType: model-index\nModels:\n- Name: p\n  Metadata:\n    Warmup: -017  # old style\n-->\n',
    });
    expect(sameOnBothPaths(dir, 'yaml/portability')).toEqual(['model-index.yml:4', 'model-index.yml:6', 'model-index.yml:7', 'page.md:8']);
  });

  it('two custom keys of one mapping that differ only in spelling, both written as their own display form, are reported', () => {
    const dir = tmpTree({
      'page.md': '# p\n\n<!--\nType: model-index\nModels:\n- Name: p\n  Metadata:\n    Foo bar: 1\n    Foo_bar: 2\n    Train-Set: x\n    train set: y\n-->\n',
      'model-index.yml': 'Models:\n- Name: m\n  Metadata:\n    Warm up: 1\n    Warm-up: 2\n',
    });
    expect(sameOnBothPaths(dir, 'yaml/duplicate-key')).toEqual(['model-index.yml:5', 'page.md:9', 'page.md:11']);
  });

  it('an injected-error corpus', () => {
    const dir = tmpTree(generateCorpus({ pages: 60, seed: 11, inject: true }).files);
    const { fast, full } = both({ cwd: dir, config: false, patterns: ['.'], preset: 'timm' });
    expect(fast).toEqual(full);
    expect(fast.flatMap((r) => r.diagnostics).length).toBeGreaterThan(20);
  });
});

describe('worker threads (--concurrency)', () => {
  it('auto: none below 5,000 files or on a single core, else one per core (at most 8); a number is taken as it is', async () => {
    const { threadsFor, AUTO_MIN_FILES } = await import('../src/engine/workers/lint-pool.js');
    expect(AUTO_MIN_FILES).toBe(5000);
    expect(threadsFor('auto', 4999, 4)).toBe(0);
    expect(threadsFor('auto', 5000, 1)).toBe(0);
    expect(threadsFor('auto', 5000, 2)).toBe(2);
    expect(threadsFor('auto', 10000, 4)).toBe(4);
    expect(threadsFor('auto', 10000, 64)).toBe(8);
    expect(threadsFor('off', 10000, 4)).toBe(0);
    expect(threadsFor(3, 10000, 1)).toBe(3);
    expect(threadsFor(3, 2, 4)).toBe(2);
    expect(threadsFor(2.7, 100, 4)).toBe(2);
  });

  it('give the same results as the main thread alone, on real and injected corpora', async () => {
    const { lintFilesAsync } = await import('../src/engine/lint-async.js');
    const dir = tmpTree(generateCorpus({ pages: 30, seed: 5, inject: true }).files);
    for (const opts of [{ cwd: ROOT, patterns: ['fixtures/corpus/timm'], preset: 'timm' }, { cwd: dir, patterns: ['.'], preset: 'timm' }]) {
      const view = (r: Awaited<ReturnType<typeof lintFilesAsync>>) => r.results.map((f) => [f.file, f.diagnostics.map(({ file: _f, ...d }) => d)]);
      const one = lintFiles({ ...opts, config: false });
      const two = await lintFilesAsync({ ...opts, config: false, concurrency: 2 });
      expect(view(two)).toEqual(view(one));
      expect(two.index.models.length).toBe(one.index.models.length);
      expect(two.results.flatMap((r) => r.diagnostics).length).toBeGreaterThan(0);
    }
  });
});
