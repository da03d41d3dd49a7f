/**
 * A language client for tests: spawns the built `milint lsp --stdio` and talks to it with the
 * protocol library editors use. Diagnostics are collected as they are published.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection, InitializeRequest, InitializedNotification, PublishDiagnosticsNotification,
  StreamMessageReader, StreamMessageWriter, WorkDoneProgressCreateRequest,
  type Diagnostic, type Message, type ProtocolConnection, type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { ROOT } from './exec.js';

export interface Client {
  readonly connection: ProtocolConnection;
  readonly child: ChildProcess;
  /** Every publication, in order. */
  readonly published: PublishDiagnosticsParams[];
  /** Progress notifications ($/progress values), in order. */
  readonly progress: unknown[];
  /** Every message received (responses included), in order. */
  readonly received: Message[];
  /** Sends messages (notifications, or requests with ids of their own) in one write. */
  burst(messages: readonly object[]): void;
  /**
   * Resolves with the first publication for `uri` (at `version`, if given) that passes `test`,
   * among those from index `from` of `published` on (`published.length` before an edit: one after it).
   */
  diagnostics(uri: string, test?: (d: Diagnostic[]) => boolean, version?: number, from?: number): Promise<Diagnostic[]>;
  open(path: string, text: string, languageId?: string): string;
  change(uri: string, version: number, text: string): void;
  close(): Promise<void>;
}

export const uriOf = (path: string): string => pathToFileURL(path).href;

/** Starts the server (`args`: `lsp --stdio`) and sends `initialize` (and `initialized`, unless `initialized` is false). */
export async function startClient(folder: string, options: { initialized?: boolean; args?: string[] } = {}): Promise<Client> {
  const child = spawn(process.execPath, [join(ROOT, 'bin', 'milint.js'), ...(options.args ?? ['lsp', '--stdio'])], {
    cwd: folder, stdio: ['pipe', 'pipe', 'pipe'], env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' },
  });
  const received: Message[] = [];
  const reader = new StreamMessageReader(child.stdout!);
  const listen = reader.listen.bind(reader);
  reader.listen = (callback) => listen((m) => { received.push(m); callback(m); });
  const connection = createProtocolConnection(reader, new StreamMessageWriter(child.stdin!));
  const published: PublishDiagnosticsParams[] = [];
  const progress: unknown[] = [];
  const waiters: (() => void)[] = [];
  connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
    published.push(p);
    for (const w of [...waiters]) w();
  });
  connection.onRequest(WorkDoneProgressCreateRequest.type, () => undefined);
  connection.onNotification('$/progress', (p: { value: unknown }) => { progress.push(p.value); });
  connection.listen();
  await connection.sendRequest(InitializeRequest.type, {
    processId: process.pid, rootUri: uriOf(folder), workspaceFolders: [{ uri: uriOf(folder), name: 'test' }],
    capabilities: { window: { workDoneProgress: true }, textDocument: { publishDiagnostics: { versionSupport: true } } },
  });
  if (options.initialized !== false) await connection.sendNotification(InitializedNotification.type, {});
  return {
    connection, child, published, progress, received,
    burst(messages) {
      const frames = messages.map((m) => {
        const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...m }), 'utf8');
        return Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]);
      });
      child.stdin!.write(Buffer.concat(frames));
    },
    diagnostics(uri, test = () => true, version, from = 0) {
      const find = () => published.find((p, i) => i >= from && p.uri === uri && (version === undefined || p.version === version) && test(p.diagnostics));
      return new Promise((resolve) => {
        const check = () => {
          const hit = find();
          if (!hit) return;
          waiters.splice(waiters.indexOf(check), 1);
          resolve(hit.diagnostics);
        };
        waiters.push(check);
        check();
      });
    },
    open(path, text, languageId = 'markdown') {
      const uri = uriOf(path);
      void connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
      return uri;
    },
    change(uri, version, text) {
      void connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    },
    async close() {
      await connection.sendRequest('shutdown').catch(() => undefined);
      await connection.sendNotification('exit').catch(() => undefined);
      connection.dispose();
      if (child.exitCode === null) await new Promise((r) => child.once('exit', r));
    },
  };
}
