/**
 * `milint export` never drops data without a word: what it could not read (a broken block, an
 * unreadable or missing import) is listed on standard error and the exit code is 1, unless
 * --allow-partial accepts a partial export.
 */
import { describe, expect, it } from 'vitest';
import { milint } from '../helpers/exec.js';
import { tmpTree } from '../helpers/tmp.js';

const page = (name: string, indent = '  ') => `# ${name}\n\n<!--\nType: model-index\nModels:\n- Name: ${name}\n${indent}In Collection: Nets\n-->\n`;
const INDEX = 'Import:\n- docs/*.md\n- extra/metafile.yml\nCollections:\n- Name: Nets\n';
const names = (json: string) => (JSON.parse(json) as { models: { name: string }[] }).models.map((m) => m.name);

describe('milint export', () => {
  it('a complete index: exit 0, nothing on stderr', () => {
    const dir = tmpTree({ 'model-index.yml': 'Import:\n- docs/*.md\nCollections:\n- Name: Nets\n', 'docs/a.md': page('a'), 'docs/b.md': page('b') });
    const r = milint(['export'], dir);
    expect(names(r.stdout)).toEqual(['a', 'b']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  it('a broken block and a missing import: listed on stderr with positions, exit 1; --allow-partial: exit 0', () => {
    const dir = tmpTree({ 'model-index.yml': INDEX, 'docs/a.md': page('a'), 'docs/b.md': page('b', ' ') });
    const r = milint(['export'], dir);
    expect(names(r.stdout)).toEqual(['a']);
    expect(r.stderr).toBe([
      'milint export: the index is incomplete: 2 problems kept data out of it:',
      'docs/b.md:7:1: error YAML syntax error: this line is indented like a list item but does not start with `-`, or is not aligned with the keys above. [yaml/syntax]',
      'model-index.yml:3:3: error Import[1] names "extra/metafile.yml", which does not exist (paths are relative to the folder of this file). [import/not-found]',
      'Fix them (milint lints them with positions), or pass --allow-partial to accept a partial export.',
      '',
    ].join('\n'));
    expect(r.code).toBe(1);
    const partial = milint(['export', '--allow-partial', '-f', 'yaml'], dir);
    expect(partial.stdout).toContain('name: a');
    expect(partial.stderr).toContain('docs/b.md:7:1: error YAML syntax error');
    expect(partial.stderr).not.toContain('--allow-partial');
    expect(partial.code).toBe(0);
  });

  it('the rules that report lost data count even when the configuration turns them off', () => {
    const dir = tmpTree({ 'model-index.yml': INDEX.replace('- extra/metafile.yml\n', ''), 'docs/a.md': page('a', ' '), '.milintrc.yml': 'rules:\n  yaml/syntax: off\n' });
    const r = milint(['export'], dir);
    expect(r.stderr).toContain('docs/a.md:7:1: error YAML syntax error');
    expect(r.code).toBe(1);
  });

  it('a binary page is named', () => {
    const dir = tmpTree({ 'model-index.yml': INDEX.replace('- extra/metafile.yml\n', ''), 'docs/a.md': page('a'), 'docs/b.md': Buffer.from('# b\n\0\0\0') });
    const r = milint(['export'], dir);
    expect(names(r.stdout)).toEqual(['a']);
    expect(r.stderr).toMatch(/^docs\/b\.md:1:1: error .*\[file\/binary\]$/m);
    expect(r.code).toBe(1);
  });
});
