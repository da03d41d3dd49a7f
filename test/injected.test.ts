/**
 * A generated zoo (scripts/generate-corpus.js) with one injected mistake of each kind: milint
 * with the timm preset reports every one of them at its line, and nothing else.
 */
import { describe, expect, it } from 'vitest';
import { generateCorpus } from '../scripts/generate-corpus.js';
import { lintFiles } from '../src/lint/lint.js';
import { tmpTree } from './helpers/tmp.js';

describe('injected-error corpus', () => {
  const corpus = generateCorpus({ pages: 40, seed: 7, inject: true });
  const dir = tmpTree(corpus.files);
  const run = lintFiles({ patterns: ['.'], cwd: dir, preset: 'timm', config: false });

  it('resolves every generated model through the root index', () => {
    expect(run.index.models).toHaveLength(160);
  });

  it('recalls every injected mistake at its line, and reports nothing else', () => {
    const found = run.results.flatMap((r) => r.diagnostics.map((d) => ({ file: r.file.slice(dir.length + 1), line: d.start.line, ruleId: d.ruleId })))
      .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || (a.ruleId < b.ruleId ? -1 : 1)));
    expect(found).toEqual(corpus.expected);
    expect(new Set(corpus.expected.map((e) => e.ruleId)).size).toBeGreaterThanOrEqual(22);
  });

  it('is deterministic', () => {
    expect(generateCorpus({ pages: 40, seed: 7, inject: true })).toEqual(corpus);
  });
});

describe('injected-error corpus with a broken block and a missing import', () => {
  // 200 pages, 100 of them with a mistake (every kind in turn), one page that is not valid YAML and
  // an Import of a file that does not exist: neither may hide a mistake elsewhere.
  const corpus = generateCorpus({ pages: 200, seed: 3, inject: true, injected: 100, broken: true });
  const dir = tmpTree(corpus.files);

  it('recalls every injected mistake at its line, and reports nothing else', () => {
    const run = lintFiles({ patterns: ['.'], cwd: dir, preset: 'timm', config: false });
    const found = run.results.flatMap((r) => r.diagnostics.map((d) => ({ file: r.file.slice(dir.length + 1), line: d.start.line, ruleId: d.ruleId })))
      .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || (a.ruleId < b.ruleId ? -1 : 1)));
    expect(found).toEqual(corpus.expected);
    expect(corpus.expected.filter((e) => e.ruleId === 'collection/exists')).toHaveLength(5);
    expect(corpus.expected.filter((e) => e.ruleId === 'yaml/syntax')).toHaveLength(1);
  });
});
