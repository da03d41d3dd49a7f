/**
 * `milint lsp --stdio` driven over stdio by the protocol library editors use, on a copy of timm's
 * docs (fixtures/corpus/timm): the diagnostics of an edited page are the CLI's for that file in
 * its index, the quick fix clears them, hover and completion answer from the schema's docs.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CodeActionRequest, CompletionRequest, HoverRequest, type CodeAction, type CompletionItem, type Diagnostic, type Hover, type TextEdit,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { milint } from '../helpers/exec.js';
import { startClient, uriOf, type Client } from '../helpers/lsp-client.js';

const TIMM = join(import.meta.dirname, '..', '..', 'fixtures', 'corpus', 'timm');
let dir: string;
let client: Client;
let page: string;
let original: string;
let broken: string;
/** Document versions, increasing through the tests (one server, one open page). */
let version = 1;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'milint-lsp-'));
  cpSync(TIMM, dir, { recursive: true });
  page = join(dir, 'docs', 'models', 'resnext.md');
  original = readFileSync(page, 'utf8');
  broken = original.replace('FLOPs: 5472648192', "FLOPs: '5472648192'");
  client = await startClient(dir);
});

afterAll(async () => {
  await client?.close();
  rmSync(dir, { recursive: true, force: true });
});

const rows = (ds: readonly Diagnostic[]) => ds.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1}-${d.range.end.line + 1}:${d.range.end.character + 1} ${String(d.code)} ${d.message}`);

/** What the CLI prints (JSON) for the file inside its index, as the same rows. */
function cliRows(text: string): string[] {
  writeFileSync(page, text);
  try {
    const r = milint(['--index', 'auto', 'docs/models/resnext.md', '-f', 'json'], dir);
    const results = JSON.parse(r.stdout) as { filePath: string; messages: { line: number; column: number; endLine: number; endColumn: number; ruleId: string; message: string }[] }[];
    return results.filter((f) => f.filePath === page).flatMap((f) => f.messages.map((m) => `${m.line}:${m.column}-${m.endLine}:${m.endColumn} ${m.ruleId} ${m.message}`));
  } finally {
    writeFileSync(page, original);
  }
}

const applyEdit = (text: string, edits: readonly TextEdit[]) => TextDocument.applyEdits(TextDocument.create('x', 'markdown', 1, text), [...edits]);

describe('milint lsp over stdio', () => {
  it('reports work-done progress while it indexes the workspace', async () => {
    // Opened unsaved, with a broken FLOPs value (the page on disk is timm's).
    const uri = client.open(page, broken);
    await client.diagnostics(uri);
    const kinds = client.progress.map((p) => (p as { kind: string }).kind);
    expect(kinds[0]).toBe('begin');
    expect(kinds.at(-1)).toBe('end');
    expect(kinds).toContain('report');
  });

  it('publishes the CLI\'s diagnostics for an unsaved broken FLOPs value, and the quick fix clears them', async () => {
    const uri = uriOf(page);
    const found = await client.diagnostics(uri, undefined, 1);
    expect(rows(found)).toEqual(cliRows(broken));
    expect(rows(found)).toEqual(['138:12-138:24 metadata/number FLOPs is a number written as a string ("5472648192"); write it unquoted.']);
    expect(readFileSync(page, 'utf8')).toBe(original); // the buffer, not the disk

    const actions = await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri }, range: found[0]!.range, context: { diagnostics: found },
    }) as CodeAction[];
    expect(actions.map((a) => a.title)).toEqual([
      'Fix: FLOPs is a number written as a string ("5472648192"); write it unquoted.',
      'Fix all milint problems in this file',
      'Disable metadata/number for this line',
    ]);
    const fixed = applyEdit(broken, actions[0]!.edit!.changes![uri]!);
    expect(fixed).toBe(original);
    client.change(uri, ++version, fixed);
    expect(await client.diagnostics(uri, undefined, version)).toEqual([]);

    // Asked at once after an edit, code actions answer for the new text.
    client.change(uri, ++version, broken);
    const now = await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri }, range: found[0]!.range, context: { diagnostics: [] },
    }) as CodeAction[];
    expect(now[0]!.title).toBe(actions[0]!.title);
    client.change(uri, ++version, fixed);
    expect(await client.diagnostics(uri, undefined, version)).toEqual([]);

    // The directive the file's YAML takes silences the rule.
    const disabled = applyEdit(broken, actions[2]!.edit!.changes![uri]!);
    expect(disabled.split('\n')[137]).toBe("    # milint-disable-next-line metadata/number");
    client.change(uri, ++version, disabled);
    expect(await client.diagnostics(uri, undefined, version)).toEqual([]);
    client.change(uri, ++version, original);
    await client.diagnostics(uri, undefined, version);
  });

  it('answers hover on a key with the schema\'s docs, and on a rule id in a directive', async () => {
    const uri = uriOf(page);
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 137, character: 6 } }) as Hover;
    expect(hover.contents).toEqual({ kind: 'markdown', value: '**FLOPs**\n\nFloating-point operations for one forward pass: a non-negative integer.' });
    expect(hover.range).toEqual({ start: { line: 137, character: 4 }, end: { line: 137, character: 9 } });
    const text = original.replace('<!--\nType: model-index', '<!-- milint-disable url/https -->\n<!--\nType: model-index');
    client.change(uri, ++version, text);
    const line = text.split('\n').findIndex((l) => l.includes('milint-disable url/https'));
    const onRule = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line, character: 24 } }) as Hover;
    expect((onRule.contents as { value: string }).value).toMatch(/^\*\*url\/https\*\* \(default: \w+\)\n\n\S/);
    const prose = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 2, character: 3 } });
    expect(prose).toBeNull();
    client.change(uri, ++version, original);
  });

  it('completes keys at the cursor\'s level, collection names, Interpolation values and rule ids', async () => {
    const uri = uriOf(page);
    const lines = original.split('\n');
    const at = lines.findIndex((l) => l === '    FLOPs: 5472648192');
    const complete = async (text: string, line: number, character: number) => {
      client.change(uri, ++version, text);
      return (await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line, character } }) as CompletionItem[]).map((c) => c.label);
    };
    const withLine = (extra: string) => [...lines.slice(0, at), extra, ...lines.slice(at)].join('\n');
    expect(await complete(withLine('    Inter'), at, 9)).toEqual(['FLOPs', 'Parameters', 'File Size', 'Epochs', 'Batch Size', 'Crop Pct', 'Image Size', 'Interpolation', 'Training Data', 'Training Techniques', 'Training Resources', 'Architecture', 'ID']);
    expect(await complete(withLine('    Interpolation: bi'), at, 21)).toContain('bicubic');
    // A key of the model itself (two spaces in, below `- Name:`).
    const model = await complete(withLine('  '), at, 2);
    expect(model).toContain('In Collection');
    expect(model).not.toContain('FLOPs');
    const collections = await complete(withLine('  In Collection: '), at, 17);
    expect(collections).toContain('ResNeXt');
    expect(collections).toContain('ResNet');
    expect(await complete(withLine('    # milint-disable-line metadata/number, '), at, 44)).toContain('url/https');
    client.change(uri, ++version, original);
  });
});
