/**
 * Code actions on the engine's diagnostics: fixes and suggestions as quick fixes, fix-all as
 * `--fix` leaves the file, and inline disables in the syntax each place takes.
 */
import { describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction } from 'vscode-languageserver';
import { lintText } from '../../src/lint/lint.js';
import { fixFiles } from '../../src/fix/fix-files.js';
import { codeActions, FIX_ALL_KIND } from '../../src/lsp/actions.js';
import { bomShift, toLspDiagnostic } from '../../src/lsp/convert.js';

const PATH = '/nowhere/page.md';
const diagnosticsOf = (path: string, text: string) => lintText(text, path, { cwd: '/nowhere', config: false }).results.find((r) => r.file === path)?.diagnostics ?? [];

function actions(path: string, text: string, only?: string[]) {
  const doc = TextDocument.create(`file://${path}`, 'markdown', 1, text);
  const ds = diagnosticsOf(path, text);
  const range = { start: { line: 0, character: 0 }, end: { line: doc.lineCount, character: 0 } };
  return { doc, ds, list: codeActions(doc, path, ds, range, only, (t) => diagnosticsOf(path, t)) };
}

const apply = (doc: TextDocument, a: CodeAction) => TextDocument.applyEdits(doc, a.edit!.changes![doc.uri]!);

const PAGE = [
  '# Page', '', '<!--', 'Type: model-index', 'Models:', '- Name: a', '  Metadata:', "    FLOPs: '5472648192'", '    Parameters: 25.03M',
  "    File Size: '100435887'", '-->', '',
].join('\n');

describe('code actions', () => {
  it('offers each fix (preferred) and each suggestion as a quick fix, with its diagnostic', () => {
    const { doc, ds, list } = actions(PATH, PAGE);
    expect(ds.map((d) => `${d.start.line} ${d.ruleId}`)).toEqual(['8 metadata/number', '9 metadata/number', '10 metadata/number']);
    const quick = list.filter((a) => !a.title.startsWith('Disable') && !a.title.startsWith('Fix all'));
    expect(quick.map((a) => [a.title, a.isPreferred])).toEqual([
      [`Fix: ${ds[0]!.message}`, true],
      [ds[1]!.suggestions![0]!.desc, false],
      [`Fix: ${ds[2]!.message}`, true],
    ]);
    expect(quick[0]!.diagnostics).toEqual([toLspDiagnostic(ds[0]!, 0)]);
    expect(apply(doc, quick[1]!)).toContain('    Parameters: 25030000\n');
  });

  it('places edits after a BOM the editor keeps', () => {
    const yml = '/nowhere/model-index.yml';
    const text = "\uFEFFModels:\n- Name: a\n  Metadata:\n    FLOPs: '5472648192'\n";
    const { doc, ds, list } = actions(yml, text);
    expect(ds.map((d) => `${d.start.line}:${d.start.column} ${d.ruleId}`)).toEqual(['4:12 metadata/number']);
    expect(apply(doc, list[0]!)).toBe('\uFEFFModels:\n- Name: a\n  Metadata:\n    FLOPs: 5472648192\n');
    expect(apply(doc, list.find((a) => a.title.startsWith('Fix all'))!)).toBe(apply(doc, list[0]!));
    // On the first line, the BOM is a character of the editor's line.
    const first = actions(yml, '\uFEFFModelz: []\n');
    expect(toLspDiagnostic(first.ds[0]!, bomShift(first.doc)).range).toEqual({ start: { line: 0, character: 1 }, end: { line: 0, character: 7 } });
  });

  it('fixes the whole file as --fix does', () => {
    const { doc, list } = actions(PATH, PAGE);
    const all = list.find((a) => a.title === 'Fix all milint problems in this file')!;
    expect(all.kind).toBe('quickfix');
    const fixed = fixFiles({ stdin: { text: PAGE, filename: PATH }, cwd: '/nowhere', config: false }).fixed[0]!.after;
    expect(apply(doc, all)).toBe(fixed);
    expect(apply(doc, all)).toContain("    FLOPs: 5472648192\n    Parameters: 25.03M\n    File Size: 100435887\n");
    const { list: onlyAll } = actions(PATH, PAGE, [FIX_ALL_KIND]);
    expect(onlyAll.map((a) => [a.title, a.kind])).toEqual([['Fix all milint problems in this file', FIX_ALL_KIND]]);
  });

  it('disables a rule for a line: a YAML comment inside a block, an HTML comment elsewhere, none in JSON', () => {
    const { doc, list } = actions(PATH, PAGE);
    const disable = list.filter((a) => a.title === 'Disable metadata/number for this line');
    expect(disable).toHaveLength(3);
    const silenced = apply(doc, disable[0]!);
    expect(silenced.split('\n')[7]).toBe('    # milint-disable-next-line metadata/number');
    expect(diagnosticsOf(PATH, silenced).map((d) => d.start.line)).toEqual([10, 11]);

    // A block that starts on the comment's own line: the comment goes on a line of its own inside.
    const inline = "# Page\n\n<!-- Type: model-index\nModelz:\n- Name: a\n-->\n";
    const first = actions(PATH, inline);
    expect(first.ds.map((d) => `${d.start.line} ${d.ruleId}`)).toContain('4 schema/unknown-key');
    const top = first.list.find((a) => a.title === 'Disable schema/unknown-key for this line')!;
    const topText = apply(first.doc, top);
    expect(topText.split('\n')[3]).toBe('# milint-disable-next-line schema/unknown-key');
    expect(diagnosticsOf(PATH, topText).map((d) => d.ruleId)).not.toContain('schema/unknown-key');

    const unterminated = '# Page\n\n<!--\nType: model-index\nModels: []\n';
    const open = actions(PATH, unterminated);
    const a = open.list.find((x) => x.title === 'Disable file/unterminated-block for this line')!;
    const withDirective = apply(open.doc, a);
    expect(withDirective.split('\n')[2]).toBe('<!-- milint-disable-next-line file/unterminated-block -->');
    expect(diagnosticsOf(PATH, withDirective).map((d) => d.ruleId)).toEqual([]);

    const unused = actions(PATH, `<!-- milint-disable-next-line url/https -->\n${PAGE}`);
    expect(unused.ds.map((d) => d.ruleId)).toContain('file/unused-disable');
    expect(unused.list.map((x) => x.title)).not.toContain('Disable file/unused-disable for this line');

    const json = actions('/nowhere/model-index.json', '{"Models": [{"Name": "a", "Metadata": {"FLOPs": "5"}}]}');
    expect(json.ds.length).toBeGreaterThan(0);
    expect(json.list.filter((x) => x.title.startsWith('Disable'))).toEqual([]);
  });
});
