/**
 * The language server under load: a burst of changes is linted once, at its newest version, and
 * a request sent behind the burst is answered before that lint; a buffer larger
 * than the largest block the CLI parses is reported in one diagnostic instead of being parsed.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { HoverRequest } from 'vscode-languageserver-protocol/node';
import { tmpTree } from '../helpers/tmp.js';
import { startClient, type Client } from '../helpers/lsp-client.js';

/** A short page; `tag` varies the text between versions (an `In Collection` on line 7). */
const smallPage = (tag: number) => `# A\n\n<!--\nType: model-index\nModels:\n- Name: m-${tag}\n  In Collection: C\n  Metadata:\n    FLOPs: '${tag}'\n-->\n`;

let client: Client | undefined;
afterEach(async () => { await client?.close(); client = undefined; });

describe('milint lsp under load', () => {
  it('lints a burst of changes once, at the newest version, after answering a hover sent behind them', async () => {
    const dir = tmpTree({ 'model-index.yml': 'Import:\n- ./docs/*.md\n', 'docs/a.md': smallPage(1) });
    client = await startClient(dir);
    const uri = client.open(join(dir, 'docs/a.md'), smallPage(1));
    await client.diagnostics(uri, undefined, 1);
    // Ten changes and a hover arrive together, as when typing outpaces the lint.
    const changes = Array.from({ length: 10 }, (_, i) => ({
      method: 'textDocument/didChange', params: { textDocument: { uri, version: i + 2 }, contentChanges: [{ text: smallPage(i + 2) }] },
    }));
    client.burst([...changes, { id: 'burst-hover', method: 'textDocument/hover', params: { textDocument: { uri }, position: { line: 6, character: 4 } } }]);
    await client.diagnostics(uri, undefined, 11);
    const versions = client.published.filter((p) => p.uri === uri).map((p) => p.version);
    expect(versions).toEqual([1, 11]);
    const order = client.received.flatMap((m) => {
      const r = m as { id?: unknown; method?: string; params?: { uri?: string; version?: number }; result?: { contents?: { value?: string } } };
      if (r.id === 'burst-hover') return [`hover ${r.result?.contents?.value?.split('\n')[0] ?? ''}`];
      return r.method === 'textDocument/publishDiagnostics' && r.params?.uri === uri ? [`publish ${r.params.version}`] : [];
    });
    expect(order).toEqual(['publish 1', 'hover **In Collection**', 'publish 11']);
  });

  // Whether the small change's lint is skipped depends on where the pipe splits the write (its
  // message may arrive alone, before a byte of the next): what is certain is the order.
  it('a large change arriving in chunks after a small one: the last publish is the large one, never a stale version after it', async () => {
    const dir = tmpTree({ 'model-index.yml': 'Import:\n- ./docs/*.md\n', 'docs/a.md': smallPage(1) });
    client = await startClient(dir);
    const uri = client.open(join(dir, 'docs/a.md'), smallPage(1));
    await client.diagnostics(uri, undefined, 1);
    const large = `${smallPage(3)}${'Some prose. '.repeat(200_000)}\n`;
    client.burst([2, 3].map((version) => ({
      method: 'textDocument/didChange', params: { textDocument: { uri, version }, contentChanges: [{ text: version === 3 ? large : smallPage(2) }] },
    })));
    await client.diagnostics(uri, undefined, 3);
    const versions = client.published.filter((p) => p.uri === uri).map((p) => p.version);
    expect(versions[0]).toBe(1);
    expect(versions.at(-1)).toBe(3);
    expect([[1, 3], [1, 2, 3]]).toContainEqual(versions);
  });

  it('reports a buffer larger than the largest block in one diagnostic, and goes on answering', async () => {
    const small = '# Small\n\n<!--\nType: model-index\nModels:\n- Name: small-1\n-->\n';
    const dir = tmpTree({ 'model-index.yml': 'Import:\n- ./docs/*.md\n', 'docs/small.md': small });
    client = await startClient(dir);
    // Larger than the largest block the CLI parses (10 MiB).
    const huge = `${small}${'prose '.repeat(1_800_000)}\n`;
    const uri = client.open(join(dir, 'docs/huge.md'), huge);
    const found = await client.diagnostics(uri);
    expect(found.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${String(d.code)} ${d.message}`)).toEqual([
      `1:1 file/unreadable The file was not read: at ${Buffer.byteLength(huge).toLocaleString('en-US')} bytes it is larger than 10,485,760, the most checked as you type; run milint on the saved file.`,
    ]);
    expect(await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 5, character: 3 } })).toBeNull();
    const other = client.open(join(dir, 'docs/small.md'), small);
    expect(await client.diagnostics(other)).toEqual([]);
  }, 60_000);
});
