/**
 * `milint lsp`: a Language Server Protocol server over a pair of streams (stdio). It wires the
 * protocol to the workspace (workspace.ts) and to the per-request helpers; a request that throws
 * is answered with an error and the server goes on.
 */
import {
  CodeActionKind, createConnection, DidChangeWatchedFilesNotification, ErrorCodes, LSPErrorCodes, ResponseError,
  StreamMessageWriter, TextDocuments, TextDocumentSyncKind, type CancellationToken, type Connection,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { VERSION } from '../version.js';
import { Workspace } from './workspace.js';
import { Traffic } from './traffic.js';
import { hoverAt, completionsAt } from './assist.js';
import { codeActions, FIX_ALL_KIND } from './actions.js';

/** Starts the server; it runs until the client sends `exit` or closes the stream. */
export function startServer(input: NodeJS.ReadableStream, output: NodeJS.WritableStream): Connection {
  const traffic = new Traffic();
  const connection = createConnection(traffic.reader(input), new StreamMessageWriter(output), traffic.options);
  const documents = new TextDocuments(TextDocument);
  const workspace = new Workspace(connection, documents, traffic);
  let watch = false;
  let folderEvents = false;

  connection.onInitialize((params) => {
    workspace.setFolders(params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []));
    watch = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    folderEvents = params.capabilities.workspace?.workspaceFolders === true;
    return {
      serverInfo: { name: 'milint', version: VERSION },
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        hoverProvider: true,
        completionProvider: { triggerCharacters: [' ', ':', ','] },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
    };
  });

  connection.onInitialized(() => {
    if (watch) void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*.{md,markdown,mdx,yml,yaml,json}' }, { globPattern: '**/.milintrc*' }, { globPattern: '**/milint.config.*' }] });
    if (folderEvents) connection.workspace.onDidChangeWorkspaceFolders((e) => workspace.changeFolders(e.added.map((f) => f.uri), e.removed.map((f) => f.uri)));
    void workspace.start();
  });

  // Fired on open as well as on each change.
  documents.onDidChangeContent((e) => workspace.edited(e.document));
  documents.onDidClose((e) => workspace.closed(e.document));
  connection.onDidChangeWatchedFiles((e) => workspace.changedOnDisk(e.changes.map((c) => c.uri)));

  connection.onHover(guard(async (params) => {
    const doc = documents.get(params.textDocument.uri);
    const path = doc && workspace.pathOf(doc.uri);
    if (!doc || !path || workspace.folderFor(path).tooLarge(path)) return null;
    return hoverAt(path, doc.getText(), params.position.line, params.position.character);
  }));

  connection.onCompletion(guard(async (params, token) => {
    const doc = documents.get(params.textDocument.uri);
    const path = doc && workspace.pathOf(doc.uri);
    if (!doc || !path) return [];
    // `In Collection` names come from the index: wait until it is read.
    await workspace.ready;
    if (token.isCancellationRequested) throw cancelled();
    const folder = workspace.folderFor(path);
    if (folder.tooLarge(path)) return [];
    return completionsAt(path, doc.getText(), params.position.line, params.position.character, folder.last?.index, folder.config);
  }));

  connection.onCodeAction(guard(async (params, token) => {
    await workspace.ready;
    if (token.isCancellationRequested) throw cancelled();
    const doc = documents.get(params.textDocument.uri);
    const path = doc && workspace.pathOf(doc.uri);
    if (!doc || !path) return [];
    const diagnostics = workspace.diagnosticsFor(doc);
    return codeActions(doc, path, diagnostics, params.range, params.context.only, (text) => workspace.relint(path, text));
  }));

  connection.onShutdown(() => workspace.dispose());
  documents.listen(connection);
  connection.listen();
  return connection;
}

const cancelled = () => new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled');

/**
 * A handler that never takes the server down: a failure is answered as an internal error (and
 * logged), a cancelled request as cancelled.
 */
function guard<P, R>(handler: (params: P, token: CancellationToken) => Promise<R>) {
  return async (params: P, token: CancellationToken): Promise<R | ResponseError<void>> => {
    if (token.isCancellationRequested) return cancelled();
    try {
      return await handler(params, token);
    } catch (e) {
      if (e instanceof ResponseError) return e;
      return new ResponseError(ErrorCodes.InternalError, `milint: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
}
