/**
 * One index per root: a page or card that no index imports is an index of its own, so cross-file
 * rules compare entries within one index; `--stdin` (lintText) gives what linting in place gives;
 * the per-file engine agrees with the full graph.
 */
import { cpSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintFiles, lintText, type LintRun } from '../../src/lint/lint.js';
import { lintFilesAsync } from '../../src/engine/lint-async.js';
import { corpusDir } from '../../scripts/findings-check.js';
import { tmpTree } from '../helpers/tmp.js';
import { milint } from '../helpers/exec.js';

const page = (name: string, weights = `https://example.com/${name}.pth`) =>
  `# ${name}\n\n<!--\nType: model-index\nModels:\n- Name: ${name}\n  Weights: ${weights}\n-->\n`;
const card = (name: string) => `---\nmodel-index:\n- name: ${name}\n  results:\n  - task: {type: text-classification}\n    dataset: {type: imdb, name: IMDB}\n    metrics:\n    - {type: accuracy, value: 0.9}\n---\n# ${name}\n`;
const found = (run: LintRun, dir: string) =>
  run.results.flatMap((r) => r.diagnostics.map((d) => `${r.file.slice(dir.length + 1)}:${d.start.line} ${d.ruleId}`));

describe('one index per root', () => {
  it('pages that no index imports do not compare with each other', () => {
    const dir = tmpTree({ 'a.md': page('resnet50'), 'b.md': page('resnet50') });
    expect(found(lintFiles({ patterns: ['.'], cwd: dir }), dir)).toEqual([]);
  });

  it('pages one index imports do', () => {
    const dir = tmpTree({ 'a.md': page('resnet50'), 'b.md': page('resnet50'), 'model-index.yml': 'Import:\n- a.md\n- b.md\n' });
    expect(found(lintFiles({ patterns: ['.'], cwd: dir }), dir)).toEqual(['b.md:6 model/duplicate-name']);
  });

  it('a folder of Hugging Face cards is many repositories', () => {
    const dir = tmpTree({ 'a/README.md': card('bert-imdb'), 'b/README.md': card('bert-imdb') });
    expect(found(lintFiles({ patterns: ['.'], cwd: dir, preset: 'huggingface' }), dir)).toEqual([]);
  });

  it('the per-file engine gives the same results', async () => {
    const dir = tmpTree({ 'a.md': page('mx'), 'b.md': page('mx'), 'z/model-index.yml': 'Import:\n- c.md\n- d.md\n', 'z/c.md': page('my'), 'z/d.md': page('my') });
    const full = found(lintFiles({ patterns: ['.'], cwd: dir }), dir);
    expect(full).toEqual(['z/d.md:6 model/duplicate-name']);
    expect(found(await lintFilesAsync({ patterns: ['.'], cwd: dir, concurrency: 'off' }), dir)).toEqual(full);
  });

  it('--index auto on a page the index does not import lints it as its own index', () => {
    const dir = tmpTree({ 'model-index.yml': 'Import:\n- docs/a.md\n', 'docs/a.md': page('resnet50'), 'docs/.templates/a.md': page('resnet50') });
    expect(found(lintFiles({ patterns: ['docs/.templates/a.md'], cwd: dir, index: 'auto' }), dir)).toEqual([]);
  });

  it('--stdin gives what linting the file in place gives, with and without --index', () => {
    const files = { 'model-index.yml': 'Import:\n- docs/*.md\n', 'docs/a.md': page('m1', 'https://example.com/same.pth'), 'docs/b.md': page('m2', 'https://example.com/same.pth') };
    const dir = tmpTree(files);
    for (const index of [undefined, 'auto']) {
      const opts = { cwd: dir, ...(index ? { index } : {}) };
      const inPlace = found(lintFiles({ ...opts, patterns: ['docs/b.md'] }), dir);
      expect(found(lintText(files['docs/b.md'], 'docs/b.md', opts), dir)).toEqual(inPlace);
      expect(inPlace).toEqual(index ? ['docs/b.md:7 weights/shared'] : []);
    }
  });
});

const timm = corpusDir() && join(corpusDir()!, 'timm');
describe.skipIf(!timm || !existsSync(join(timm, 'docs/models/.templates')))('timm\'s templates (skipped: no ../shared/corpus/timm)', () => {
  it('--index auto on a template and `milint .` on a copy of timm report no duplicate name', () => {
    const dir = tmpTree({});
    cpSync(timm!, dir, { recursive: true });
    const named = milint(['--index', 'auto', '-f', 'compact', 'docs/models/.templates/models/resnet.md'], dir);
    expect(named.stdout).not.toContain('duplicate-name');
    expect(named.code).toBe(0);
    const all = milint(['-f', 'compact', '.', 'docs/models/.templates'], dir);
    expect(all.stdout).not.toContain('duplicate-name');
    expect(all.stdout).toContain('[url/https]');
    expect(readFileSync(join(dir, 'model-index.yml'), 'utf8')).toContain('Import');
  });
});
