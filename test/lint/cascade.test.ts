/**
 * A broken block silences only what it could affect: collection/exists stays quiet about a name
 * written as a `Name:` value in a broken block's text (it may be defined there), and reports every other name. A
 * missing import defines nothing: a collection it might have held is undefined in the index.
 */
import { describe, expect, it } from 'vitest';
import { lintFiles, type LintRun } from '../../src/lint/lint.js';
import { lintFilesAsync } from '../../src/engine/lint-async.js';
import { tmpTree } from '../helpers/tmp.js';

const page = (collection: string) => `# p\n\n<!--\nType: model-index\nModels:\n- Name: m_${collection}\n  In Collection: ${collection}\n-->\n`;
const rows = (run: LintRun, dir: string) => run.results.flatMap((r) => r.diagnostics.map((d) => `${r.file.slice(dir.length + 1)}:${d.start.line} ${d.ruleId}`)).sort();

describe('collection/exists beside a broken block', () => {
  const dir = tmpTree({
    'model-index.yml': 'Import:\n- docs/*.md\n- gone.yml\n',
    'docs/a.md': page('Undefined'),
    'docs/b.md': page('Maybe'),
    // Broken by a tab: it names "Maybe" as a collection, and uses "Undefined" only as In Collection.
    'docs/broken.md': '# x\n\n<!--\nType: model-index\nCollections:\n- Name: Maybe\nModels:\n- Name: z\n\tIn Collection: Undefined\n-->\n',
  });

  it('reports the names no broken block holds, also with a missing import', async () => {
    const full = rows(lintFiles({ patterns: ['.'], cwd: dir }), dir);
    expect(full.filter((r) => !r.includes('yaml/'))).toEqual(['docs/a.md:7 collection/exists', 'model-index.yml:3 import/not-found']);
    expect(rows(await lintFilesAsync({ patterns: ['.'], cwd: dir, concurrency: 'off' }), dir)).toEqual(full);
    // The message names the missing import that might have held the collection.
    const message = lintFiles({ patterns: ['.'], cwd: dir }).results.flatMap((r) => r.diagnostics).find((d) => d.ruleId === 'collection/exists')!.message;
    expect(message).toBe('In Collection names "Undefined", but no collection of that name is defined (the index imports "gone.yml", which does not exist).');
  });

  it('silences only a name the broken text could define: a whole Name value, in its case', () => {
    const tree = tmpTree({
      'model-index.yml': 'Import:\n- docs/*.md\n',
      'docs/a.md': page('Paper'),
      'docs/b.md': page('DP'),
      'docs/c.md': page('maybe'),
      'docs/d.md': page('Maybe'),
      'docs/e.md': page('Quoted'),
      // Broken by a tab; "Paper" is a key, "DP" part of a URL, "Maybe" and "Quoted" are Name values.
      'docs/broken.md': '# x\n\n<!--\nType: model-index\nCollections:\n- Name: Maybe\n  Paper: https://arxiv.org/abs/1\n- {Name: "Quoted", README: x.md}\nModels:\n- Name: z\n  Weights: https://x.org/DPN.pth\n\tIn Collection: Undefined\n-->\n',
    });
    const found = lintFiles({ patterns: ['.'], cwd: tree }).results.flatMap((r) => r.diagnostics
      .filter((d) => d.ruleId === 'collection/exists').map((d) => `${r.file.slice(tree.length + 1)}:${d.start.line}:${d.start.column} ${d.message}`));
    expect(found).toEqual([
      'docs/a.md:7:18 In Collection names "Paper", but no collection of that name is defined.',
      'docs/b.md:7:18 In Collection names "DP", but no collection of that name is defined.',
      'docs/c.md:7:18 In Collection names "maybe", but no collection of that name is defined; did you mean "Maybe"?',
    ]);
  });

  it('suggests a near miss of a name a broken block defines, rather than blaming a missing import', () => {
    const tree = tmpTree({
      'model-index.yml': 'Import:\n- docs/*.md\n- gone.yml\n',
      'docs/a.md': page('PWCNet'),
      'docs/broken.md': '# x\n\n<!--\nType: model-index\nCollections:\n- Name: PWC-Net\nModels:\n- Name: z\n\tIn Collection: PWC-Net\n-->\n',
    });
    const found = lintFiles({ patterns: ['.'], cwd: tree }).results.flatMap((r) => r.diagnostics
      .filter((d) => d.ruleId === 'collection/exists').map((d) => `${r.file.slice(tree.length + 1)}:${d.start.line}:${d.start.column} ${d.message}`));
    expect(found).toEqual(['docs/a.md:7:18 In Collection names "PWCNet", but no collection of that name is defined; did you mean "PWC-Net"?']);
  });
});
