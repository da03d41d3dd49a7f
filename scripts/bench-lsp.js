// npm run bench:lsp: how soon after an edit the language server publishes the edited file's
// diagnostics, on a copy of timm's docs (the root index and its 65 pages).
//
// Starts `milint lsp --stdio` as an editor would, opens docs/models/resnext.md, waits for the
// workspace to be indexed, then makes edits one at a time (a FLOPs value broken and mended in
// turn, so the diagnostics change each time) and times each from sending `didChange` to the
// `publishDiagnostics` of that version. Prints the first index time and, over the timed edits,
// median, p90, min and max.
//   node scripts/bench-lsp.js [--edits 30] [--warmup 5]
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection, PublishDiagnosticsNotification, StreamMessageReader, StreamMessageWriter,
} from 'vscode-languageserver-protocol/node';

const ROOT = join(import.meta.dirname, '..');
const arg = (name, def) => { const i = process.argv.indexOf(`--${name}`); return Number(i === -1 ? def : process.argv[i + 1]); };
const edits = arg('edits', 30);
const warmup = arg('warmup', 5);

const dir = mkdtempSync(join(tmpdir(), 'milint-bench-lsp-'));
cpSync(join(ROOT, 'fixtures', 'corpus', 'timm'), dir, { recursive: true });
const page = join(dir, 'docs', 'models', 'resnext.md');
const uri = pathToFileURL(page).href;
const original = readFileSync(page, 'utf8');
const broken = original.replace('FLOPs: 5472648192', "FLOPs: '5472648192'");

const child = spawn(process.execPath, [join(ROOT, 'bin', 'milint.js'), 'lsp', '--stdio'], { cwd: dir, stdio: ['pipe', 'pipe', 'inherit'] });
const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
/** Resolvers waiting for a version of the page's diagnostics. */
const waiting = new Map();
connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
  if (p.uri !== uri) return;
  waiting.get(p.version)?.(performance.now());
  waiting.delete(p.version);
});
connection.onRequest('window/workDoneProgress/create', () => null);
connection.listen();
const published = (version) => new Promise((resolve) => waiting.set(version, resolve));

const started = performance.now();
const folder = pathToFileURL(dir).href;
await connection.sendRequest('initialize', {
  processId: process.pid, rootUri: folder, workspaceFolders: [{ uri: folder, name: 'timm' }],
  capabilities: { window: { workDoneProgress: true }, textDocument: { publishDiagnostics: { versionSupport: true } } },
});
await connection.sendNotification('initialized', {});
const first = published(1);
await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: original } });
const indexed = (await first) - started;

const times = [];
for (let i = 0; i < warmup + edits; i++) {
  const version = i + 2;
  const done = published(version);
  const sent = performance.now();
  await connection.sendNotification('textDocument/didChange', {
    textDocument: { uri, version }, contentChanges: [{ text: i % 2 === 0 ? broken : original }],
  });
  const ms = (await done) - sent;
  if (i >= warmup) times.push(ms);
}

await connection.sendRequest('shutdown');
await connection.sendNotification('exit');
connection.dispose();
await new Promise((r) => (child.exitCode === null ? child.once('exit', r) : r()));
rmSync(dir, { recursive: true, force: true });

const sorted = [...times].sort((a, b) => a - b);
const q = (p) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
const median = sorted.length % 2 ? sorted[sorted.length >> 1] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
console.log(`milint lsp on timm's index (${65 + 1} files), node ${process.version}`);
console.log(`start, index and first diagnostics: ${indexed.toFixed(0)} ms`);
console.log(`edit to diagnostics, ${times.length} edits (after ${warmup} warm-up): median ${median.toFixed(1)} ms, p90 ${q(0.9).toFixed(1)} ms, min ${sorted[0].toFixed(1)} ms, max ${sorted.at(-1).toFixed(1)} ms`);
