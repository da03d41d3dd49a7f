/**
 * The language server across files and under stress: an edit in one page re-publishes another
 * page it affects, YAML files the index reaches are linted and others are not, a request
 * cancelled before it was answered is answered as cancelled, and a malformed document does not
 * stop the server.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CancellationTokenSource, CompletionRequest, HoverRequest, type CompletionItem, type Hover, type TextEdit } from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { tmpTree } from '../helpers/tmp.js';
import { milint } from '../helpers/exec.js';
import { startClient, uriOf, type Client } from '../helpers/lsp-client.js';

const page = (collection: string, model: string, inCollection: string) => [
  '# A page', '', 'Some prose.', '', '<!--', 'Type: model-index', 'Collections:', `- Name: ${collection}`, 'Models:',
  `- Name: ${model}`, `  In Collection: ${inCollection}`, '-->', '',
].join('\n');

const TREE = {
  'model-index.yml': 'Import:\n- ./docs/*.md\n- ./extra.yml\n- ./extra.json\n',
  'docs/a.md': page('Foo', 'foo-1', 'Foo'),
  'docs/b.md': page('Bar', 'bar-1', 'Foo'),
  'extra.yml': 'Models:\n- Name: extra-1\n  In Collection: Bar\n  Metadata:\n    FLOPs: 1.5\n',
  'extra.json': '{\n  "Models": [\n    {"Name": "json-1", "In Collection": "Bar", "Weights": "http://example.org/j.pth"}\n  ]\n}\n',
  'notes.yml': 'title: not a model index\nFLOPs: 1.5\n',
  'README.md': '# Read me\n\n<!-- a comment -->\n',
};

let client: Client | undefined;
afterEach(async () => { await client?.close(); client = undefined; });

const rows = (ds: readonly { range: { start: { line: number; character: number } }; code?: string | number }[]) =>
  ds.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${String(d.code)}`);

describe('milint lsp: the workspace', () => {
  it('re-publishes the diagnostics of an open page when a collection it names is renamed in another buffer', async () => {
    const dir = tmpTree(TREE);
    client = await startClient(dir);
    const a = client.open(join(dir, 'docs/a.md'), TREE['docs/a.md']);
    const b = client.open(join(dir, 'docs/b.md'), TREE['docs/b.md']);
    expect(await client.diagnostics(b)).toEqual([]);
    client.change(a, 2, page('Renamed', 'foo-1', 'Renamed'));
    const broken = await client.diagnostics(b, (ds) => ds.length > 0);
    expect(rows(broken)).toEqual(['11:18 collection/exists']);
    // A clean publication of b after the broken one (not the first, clean one).
    const mark = client.published.length;
    client.change(a, 3, TREE['docs/a.md']);
    expect(await client.diagnostics(b, (ds) => ds.length === 0, undefined, mark)).toEqual([]);
  });

  it('lints YAML and JSON files the index imports, and gives nothing for files that are not model-index files', async () => {
    const dir = tmpTree(TREE);
    // `milint lsp` without `--stdio` talks over stdio too.
    client = await startClient(dir, { args: ['lsp'] });
    const extra = client.open(join(dir, 'extra.yml'), TREE['extra.yml'], 'yaml');
    expect(rows(await client.diagnostics(extra))).toEqual(['5:12 metadata/number']);
    const json = client.open(join(dir, 'extra.json'), TREE['extra.json'], 'json');
    expect(rows(await client.diagnostics(json))).toEqual(['3:59 url/https']);
    const notes = client.open(join(dir, 'notes.yml'), TREE['notes.yml'], 'yaml');
    const readme = client.open(join(dir, 'README.md'), TREE['README.md']);
    expect(await client.diagnostics(notes)).toEqual([]);
    expect(await client.diagnostics(readme)).toEqual([]);
  });

  it('uses the folder\'s configuration and preset as the CLI does there, and reads it again when it changes', async () => {
    const dir = tmpTree({ ...TREE, '.milintrc.yml': 'extends: timm\nrules:\n  url/https: off\n' });
    const cli = (file: string) => (JSON.parse(milint([file, '-f', 'json', '--index', 'auto'], dir).stdout) as { messages: { line: number; column: number; ruleId: string }[] }[])
      .flatMap((r) => r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}`));
    client = await startClient(dir);
    const json = client.open(join(dir, 'extra.json'), TREE['extra.json'], 'json');
    const b = client.open(join(dir, 'docs/b.md'), TREE['docs/b.md']);
    const timm = rows(await client.diagnostics(b));
    expect(timm).toEqual(cli('docs/b.md'));
    expect(timm.length).toBeGreaterThan(0); // the timm preset asks for more than the defaults
    expect(rows(await client.diagnostics(json))).toEqual(cli('extra.json'));
    expect(rows(await client.diagnostics(json))).not.toContain('3:59 url/https');

    writeFileSync(join(dir, '.milintrc.yml'), 'rules:\n  url/https: error\n');
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(join(dir, '.milintrc.yml')), type: 2 }] });
    expect(rows(await client.diagnostics(json, (ds) => ds.some((d) => d.code === 'url/https')))).toEqual(cli('extra.json'));
    expect(rows(await client.diagnostics(b, (ds) => ds.length === 0))).toEqual(cli('docs/b.md'));
  });

  it('says why a broken configuration file is not used, as the CLI says it, and lints with the defaults', async () => {
    const dir = tmpTree({ ...TREE, '.milintrc.yml': 'rules:\n  url/https: off\n' });
    client = await startClient(dir);
    const messages: { type: number; message: string }[] = [];
    client.connection.onNotification('window/showMessage', (m: { type: number; message: string }) => { messages.push(m); });
    const json = client.open(join(dir, 'extra.json'), TREE['extra.json'], 'json');
    expect(rows(await client.diagnostics(json))).toEqual([]);

    writeFileSync(join(dir, '.milintrc.yml'), 'rules: {metadata/numbr: off}\n');
    const cli = milint(['extra.json'], dir);
    expect(cli.code).toBe(2);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(join(dir, '.milintrc.yml')), type: 2 }] });
    // The defaults: url/https is on again.
    expect(rows(await client.diagnostics(json, (ds) => ds.length > 0))).toEqual(['3:59 url/https']);
    expect(messages).toEqual([{ type: 1, message: `${cli.stderr.trim()} (the defaults are used until it is fixed)` }]);

    // Broken from the start: the same message, and the server goes on.
    await client.close();
    client = await startClient(dir, { initialized: false });
    const atStart: { type: number; message: string }[] = [];
    client.connection.onNotification('window/showMessage', (m: { type: number; message: string }) => { atStart.push(m); });
    await client.connection.sendNotification('initialized', {});
    const again = client.open(join(dir, 'extra.json'), TREE['extra.json'], 'json');
    expect(rows(await client.diagnostics(again))).toEqual(['3:59 url/https']);
    expect(atStart).toEqual(messages);
  });

  it('completes a value or a rule id by replacing all of it, so names with spaces are not doubled', async () => {
    const lines = [
      '# A page', '', '<!--', 'Type: model-index', 'Collections:', '- Name: CSP ResNet', '- Name: CSP DarkNet', 'Models:',
      '- Name: m-1', '  In Collection: CSP Res', '  Metadata:', '    Interpolation: bil # as trained',
      '  # milint-disable-next-line url/ht', '  Weights: http://example.org/m.pth', '-->', '',
    ];
    const text = lines.join('\n');
    const dir = tmpTree({ 'model-index.yml': 'Import:\n- ./docs/*.md\n', 'docs/a.md': text });
    client = await startClient(dir);
    const uri = client.open(join(dir, 'docs/a.md'), text);
    await client.diagnostics(uri);
    /** The line after accepting `label` at the cursor, as a client applies an item. */
    const accept = async (line: number, character: number, label: string) => {
      const items = await client!.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line, character } }) as CompletionItem[];
      const item = items.find((i) => i.label === label)!;
      expect(item.filterText).toBe(label);
      const edit = item.textEdit as TextEdit | undefined;
      const doc = TextDocument.create(uri, 'markdown', 1, text);
      const applied = TextDocument.applyEdits(doc, [edit ?? { range: { start: { line, character }, end: { line, character } }, newText: label }]);
      return applied.split('\n')[line];
    };
    expect(await accept(9, 23, 'CSP ResNet')).toBe('  In Collection: CSP ResNet');
    expect(await accept(9, 20, 'CSP DarkNet')).toBe('  In Collection: CSP DarkNet');
    expect(await accept(11, 21, 'bilinear')).toBe('    Interpolation: bilinear # as trained');
    expect(await accept(12, 34, 'url/https')).toBe('  # milint-disable-next-line url/https');
  });

  it('hovers any key of a JSON model-index file, also keys after the first on a line', async () => {
    const dir = tmpTree(TREE);
    client = await startClient(dir);
    const json = client.open(join(dir, 'extra.json'), TREE['extra.json'], 'json');
    await client.diagnostics(json);
    const hover = async (line: number, character: number) => {
      const h = await client!.connection.sendRequest(HoverRequest.type, { textDocument: { uri: json }, position: { line, character } }) as Hover | null;
      return h && `${(h.contents as { value: string }).value.split('\n')[0]} ${h.range!.start.character}-${h.range!.end.character}`;
    };
    // `    {"Name": "json-1", "In Collection": "Bar", "Weights": "http://example.org/j.pth"}`
    expect(await hover(1, 4)).toBe('**Models** 2-10');
    expect(await hover(2, 7)).toBe('**Name** 5-11');
    expect(await hover(2, 25)).toBe('**In Collection** 23-38');
    expect(await hover(2, 48)).toBe('**Weights** 47-56');
    expect(await hover(2, 15)).toBeNull(); // a value
  });

  it('answers a request cancelled before it could be served as cancelled', async () => {
    const dir = tmpTree(TREE);
    // Completion waits for the index, which is read only after `initialized`: the cancellation
    // arrives while the request waits.
    client = await startClient(dir, { initialized: false });
    const a = client.open(join(dir, 'docs/a.md'), TREE['docs/a.md']);
    const source = new CancellationTokenSource();
    const pending = client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: a }, position: { line: 10, character: 17 } }, source.token);
    source.cancel();
    await client.connection.sendNotification('initialized', {});
    await expect(pending).rejects.toMatchObject({ code: -32800 });
    expect(await client.diagnostics(a)).toEqual([]);
  });

  it('survives malformed documents and answers the next request', async () => {
    const dir = tmpTree(TREE);
    client = await startClient(dir);
    const bad = client.open(join(dir, 'docs/bad.md'), `<!--\nType: model-index\nModels: ${'['.repeat(5000)}\n\u0000\uFFFF\n`);
    const badYaml = client.open(join(dir, 'model-index.yml'), 'Import: [\n  - {{{\n\t- "', 'yaml');
    expect((await client.diagnostics(bad)).length).toBeGreaterThan(0);
    expect(rows(await client.diagnostics(badYaml))).toContain('2:3 yaml/syntax');
    const hoverBad = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: bad }, position: { line: 2, character: 5000 } });
    expect(hoverBad).toBeNull();
    const a = client.open(join(dir, 'docs/a.md'), TREE['docs/a.md']);
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: a }, position: { line: 10, character: 4 } }) as Hover;
    expect((hover.contents as { value: string }).value).toMatch(/^\*\*In Collection\*\*/);
    expect(uriOf(join(dir, 'docs/a.md'))).toBe(a);
  });
});
