/**
 * Bad input, one case each, with its exact diagnostic. Every case shares the run with a good
 * file that has one known problem (`good.md`), to show that the run goes on.
 */
import { describe, expect, it } from 'vitest';
import { lintTree } from './helpers/tmp.js';

const OTHER = { 'other.md': '# Other\n\n<!--\nType: model-index\nModels:\n- Name: other\n  Metadata: {Epochs: -1}\n-->\n' };
const OTHER_ROW = 'other.md:7:22 metadata/number';

type Row = string;
const check = (files: Record<string, string | Uint8Array>): { rows: Row[]; messages: string[] } => {
  const run = lintTree({ ...files, ...OTHER });
  const rows: Row[] = [];
  const messages: string[] = [];
  for (const r of run.results) {
    for (const d of r.diagnostics) {
      rows.push(`${r.file.slice(run.dir.length + 1)}:${d.start.line}:${d.start.column} ${d.ruleId}`);
      messages.push(d.message);
    }
  }
  return { rows, messages };
};

describe('bad input', () => {
  it('invalid YAML is a yaml/syntax diagnostic at its position', () => {
    const r = check({ 'model-index.yml': 'Models:\n- Name: a\n  Results: [1, 2\n' });
    // At the `[` never closed, in plain words (the parser's code is in the data, not the sentence).
    expect(r.rows).toEqual(['model-index.yml:3:12 yaml/syntax', OTHER_ROW]);
    expect(r.messages[0]).toBe('YAML syntax error: this `{...}` or `[...]` is never closed, or its next line is not indented enough.');
  });

  it('a tab in indentation', () => {
    const r = check({ 'model-index.yml': 'Models:\n- Name: a\n\tWeights: x\n' });
    expect(r.rows[0]).toBe('model-index.yml:3:1 yaml/syntax');
    expect(r.messages[0]).toBe('YAML syntax error: this line is indented with a tab; YAML indents with spaces only.');
    expect(r.rows.at(-1)).toBe(OTHER_ROW);
  });

  it('a YAML error inside a Markdown comment is placed in the page', () => {
    const r = check({ 'page.md': '# Page\n\ntext\n\n<!--\nType: model-index\nModels:\n- Name: [unclosed\n-->\n' });
    expect(r.rows).toEqual([OTHER_ROW, 'page.md:8:9 yaml/syntax']);
  });

  it('an unterminated comment', () => {
    const r = check({ 'page.md': '# Page\n\n<!--\nType: model-index\nModels: []\n' });
    expect(r.rows).toEqual([OTHER_ROW, 'page.md:3:1 file/unterminated-block']);
    expect(r.messages).toContain('This model-index comment is never closed: add `-->` after its last line (the rest of the page is hidden in the comment).');
  });

  it('unterminated front matter', () => {
    const r = check({ 'card.md': '---\nmodel-index:\n- name: m\n  results: []\n# Card\n' });
    expect(r.rows).toEqual(['card.md:1:1 file/unterminated-block', OTHER_ROW]);
  });

  it('a missing import', () => {
    const r = check({ 'model-index.yml': 'Import:\n- ok.yml\n- gone.yml\n', 'ok.yml': 'Models:\n- Name: ok\n' });
    expect(r.rows).toEqual(['model-index.yml:3:3 import/not-found', OTHER_ROW]);
    expect(r.messages[0]).toBe('Import[1] names "gone.yml", which does not exist (paths are relative to the folder of this file).');
  });

  it('an import cycle, and a self-import', () => {
    const r = check({
      'model-index.yml': 'Import: [a.yml]\n',
      'a.yml': 'Import: [b.yml]\n',
      'b.yml': 'Import:\n- a.yml\n- b.yml\n',
    });
    expect(r.rows).toEqual(['b.yml:2:3 import/cycle', 'b.yml:3:3 import/cycle', OTHER_ROW]);
    expect(r.messages[0]).toBe('Import[0] names "a.yml", which is already being imported: a.yml -> b.yml -> a.yml. The import was not followed.');
  });

  it('an empty file', () => {
    const r = check({ 'model-index.yml': '' });
    expect(r.rows).toEqual(['model-index.yml:1:1 schema/invalid-type', OTHER_ROW]);
    expect(r.messages[0]).toBe('The file is empty; expected a model-index mapping (Models, Collections, Import) or a list.');
  });

  it('an empty Markdown file is simply not a model-index file', () => {
    expect(check({ 'empty.md': '' }).rows).toEqual([OTHER_ROW]);
  });

  it('a binary file is reported and skipped, named or found by walking a folder', () => {
    const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2]);
    const named = lintTree({ 'model-index.yml': bytes }, ['model-index.yml']);
    expect(named.results[0]!.diagnostics.map((d) => `${d.start.line}:${d.start.column} ${d.ruleId} ${d.messageId}`))
      .toEqual(['1:1 file/binary binary']);
    expect(check({ 'logo.md': bytes }).rows).toEqual(['logo.md:1:1 file/binary', OTHER_ROW]);
  });

  it('a non-UTF-8 file: the bad byte is reported, the rest is still checked', () => {
    const text = Buffer.concat([
      Buffer.from('Models:\n- Name: caf'), Buffer.from([0xe9]), Buffer.from('\n  Metadata: {FLOPs: -1}\n'),
    ]);
    const r = check({ 'model-index.yml': text });
    expect(r.rows).toEqual(['model-index.yml:2:12 file/encoding', 'model-index.yml:3:21 metadata/number', OTHER_ROW]);
    expect(r.messages[0]).toBe('The file is not valid UTF-8: invalid byte sequence at byte 19; the rest of the file was checked with replacement characters.');
  });

  it('a file with a BOM and CRLF is read like any other', () => {
    const r = check({ 'model-index.yml': '\uFEFFModels:\r\n- Name: a\r\n  Metadata: {FLOPs: -1}\r\n' });
    expect(r.rows).toEqual(['model-index.yml:3:21 metadata/number', OTHER_ROW]);
  });

  it('keys such as __proto__ are plain unknown keys (no typo of a known key: not reported by default)', () => {
    const r = check({ 'model-index.yml': 'Models:\n- Name: a\n  __proto__: {polluted: true}\n' });
    expect(r.rows).toEqual([OTHER_ROW]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('an alias bomb ends in a diagnostic, not a hang', () => {
    const lines = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 9; i++) lines.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10).fill(`*${String.fromCharCode(96 + i)}`).join(', ')}]`);
    const r = check({ 'model-index.yml': `${lines.join('\n')}\n` });
    expect(r.rows.some((row) => row.endsWith('yaml/resource-limit'))).toBe(true);
    expect(r.rows.at(-1)).toBe(OTHER_ROW);
  });
});
