/**
 * A broken block silences only what it could affect: collection/exists stays quiet about a name
 * that occurs in a broken block's text (it may be defined there), and reports every other name. A
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
});
