/**
 * The server's state: workspace folders (folder.ts), open documents, and when to lint. Edits are
 * taken in at once; linting waits until every message received is handled and none is half
 * received (traffic.ts: one lint for a burst of keystrokes, never for a version already replaced,
 * requests answered first), one folder at a time. After a lint, the edited documents get their diagnostics, and every other
 * open document whose diagnostics changed (a renamed collection).
 */
import { basename, dirname, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MessageType, ShowMessageNotification, type Connection, type Diagnostic as LspDiagnostic, type TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from '../types.js';
import type { LintRun } from '../lint/lint.js';
import { formatOf } from '../extract/extract.js';
import { Folder } from './folder.js';
import { bomShift, toLspDiagnostic } from './convert.js';
import type { Traffic } from './traffic.js';

const CONFIG_FILE = /^(milint\.config\.(json|ya?ml)|\.milintrc(\.(json|ya?ml))?|package\.json)$/;

export class Workspace {
  private folders: Folder[] = [];
  /** Folders made for files outside every workspace folder (the file's own folder). */
  private readonly loose = new Map<string, Folder>();
  private readonly dirty = new Set<Folder>();
  /** Documents edited since their diagnostics were last published. */
  private readonly edits = new Set<string>();
  private readonly published = new Map<string, string>();
  /** The URI the client uses for each open file (clients spell URIs their own way). */
  private readonly uris = new Map<string, string>();
  private readonly engine = new Map<string, { version: number; diagnostics: readonly Diagnostic[] }>();
  private scheduled = false;
  private started = false;
  private markReady!: () => void;
  /** Settled once every folder is indexed (requests that need the index wait for it). */
  readonly ready = new Promise<void>((r) => { this.markReady = r; });

  constructor(
    private readonly connection: Connection, private readonly documents: TextDocuments<TextDocument>, private readonly traffic: Traffic,
  ) {}

  setFolders(uris: readonly string[]): void {
    this.folders = uris.flatMap((u) => (u.startsWith('file:') ? [new Folder(fileURLToPath(u))] : []));
  }

  changeFolders(added: readonly string[], removed: readonly string[]): void {
    const gone = new Set(removed.filter((u) => u.startsWith('file:')).map((u) => fileURLToPath(u)));
    this.folders = this.folders.filter((f) => !gone.has(f.root));
    for (const u of added) {
      if (!u.startsWith('file:')) continue;
      const folder = new Folder(fileURLToPath(u));
      this.reportConfig(folder);
      void this.indexFolder(folder, true);
    }
  }

  /**
   * A config file the CLI would refuse is said as the CLI says it; the folder goes on with the
   * defaults. A notification: `showErrorMessage` is a request here, and a client that does not
   * answer it would fail the server.
   */
  private reportConfig(folder: Folder): void {
    if (!folder.configError) return;
    const message = `milint: ${folder.configError} (the defaults are used until it is fixed)`;
    void this.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Error, message }).catch(() => undefined);
  }

  /** Indexes every folder (with work-done progress), then lints what is open. */
  async start(): Promise<void> {
    for (const f of this.folders) {
      this.reportConfig(f);
      await this.indexFolder(f, false);
    }
    this.started = true;
    this.markReady();
    for (const doc of this.documents.all()) {
      const path = this.pathOf(doc.uri);
      if (path) { this.edits.add(doc.uri); this.dirty.add(this.folderFor(path)); }
    }
    this.schedule();
  }

  private async indexFolder(folder: Folder, add: boolean): Promise<void> {
    const progress = await this.connection.window.createWorkDoneProgress();
    progress.begin(`milint: indexing ${basename(folder.root)}`, 0, undefined, false);
    try {
      await folder.index((done, total) => progress.report(Math.round((done / total) * 100), `${done}/${total} files`));
    } catch (e) {
      this.connection.console.error(`milint: indexing ${folder.root} failed: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      progress.done();
    }
    if (add) { this.folders.push(folder); this.dirty.add(folder); this.schedule(); }
  }

  /** The absolute path of a document milint reads (a file URI with a known extension). */
  pathOf(uri: string): string | undefined {
    if (!uri.startsWith('file:')) return undefined;
    const path = fileURLToPath(uri);
    return formatOf(path) ? path : undefined;
  }

  /** The folder a file belongs to: the deepest workspace folder holding it, else its own folder. */
  folderFor(path: string): Folder {
    const holding = this.folders.filter((f) => path.startsWith(f.root.endsWith(sep) ? f.root : f.root + sep));
    const best = holding.sort((a, b) => b.root.length - a.root.length)[0];
    if (best) return best;
    const dir = dirname(path);
    let loose = this.loose.get(dir);
    if (!loose) this.loose.set(dir, (loose = new Folder(dir)));
    return loose;
  }

  edited(doc: TextDocument): void {
    const path = this.pathOf(doc.uri);
    if (!path) return;
    const folder = this.folderFor(path);
    this.uris.set(path, doc.uri);
    try {
      folder.setText(path, doc.getText());
    } catch (e) {
      // The engine reports bad input as diagnostics; this is a bug, logged, and the server goes on.
      this.connection.console.error(`milint: reading ${path} failed: ${e instanceof Error ? e.message : String(e)}`);
      return;
    }
    this.edits.add(doc.uri);
    this.dirty.add(folder);
    this.schedule();
  }

  closed(doc: TextDocument): void {
    const path = this.pathOf(doc.uri);
    if (!path) return;
    const folder = this.folderFor(path);
    folder.close(path);
    this.uris.delete(path);
    this.engine.delete(doc.uri);
    this.published.delete(doc.uri);
    void this.connection.sendDiagnostics({ uri: doc.uri, diagnostics: [] });
    this.dirty.add(folder);
    this.schedule();
  }

  changedOnDisk(uris: readonly string[]): void {
    const reconfigured = new Set<Folder>();
    for (const uri of uris) {
      if (!uri.startsWith('file:')) continue;
      const path = fileURLToPath(uri);
      const folder = this.folderFor(path);
      if (CONFIG_FILE.test(basename(path))) reconfigured.add(folder);
      else folder.changedOnDisk(path);
      this.dirty.add(folder);
    }
    for (const folder of reconfigured) { folder.reconfigure(); this.reportConfig(folder); }
    this.schedule();
  }

  /** The engine's diagnostics for a document's current text (for code actions): lints now if an edit is pending. */
  diagnosticsFor(doc: TextDocument): readonly Diagnostic[] {
    if (this.engine.get(doc.uri)?.version !== doc.version) this.flush();
    const known = this.engine.get(doc.uri);
    return known && known.version === doc.version ? known.diagnostics : [];
  }

  /** The file's diagnostics with `text` in place of its buffer (fix-all passes); nothing is kept. */
  relint(path: string, text: string): readonly Diagnostic[] {
    return Folder.diagnosticsOf(this.folderFor(path).lint(new Map([[path, text]])), path);
  }

  dispose(): void {
    this.folders = [];
    this.loose.clear();
  }

  private schedule(): void {
    if (this.scheduled || !this.started) return;
    this.scheduled = true;
    setImmediate(() => this.step());
  }

  /**
   * Lints one folder with pending changes once the client's messages are all handled (the
   * newest version of every buffer, the requests answered), then yields before the next.
   */
  private step(): void {
    const next = this.traffic.next();
    if (next === 'turn') { setImmediate(() => this.step()); return; }
    if (next !== 'now') { setTimeout(() => this.step(), next); return; }
    const [folder] = this.dirty;
    if (folder) { this.dirty.delete(folder); this.lintFolder(folder); }
    if (this.dirty.size > 0) setImmediate(() => this.step());
    else this.scheduled = false;
  }

  /** Lints the folders with pending changes now. */
  private flush(): void {
    if (!this.started) return;
    for (const folder of [...this.dirty]) {
      this.dirty.delete(folder);
      this.lintFolder(folder);
    }
  }

  private lintFolder(folder: Folder): void {
    let run: LintRun | undefined;
    for (let attempt = 0; attempt < 2 && !run; attempt++) {
      try {
        run = folder.lint();
      } catch (e) {
        // A file read earlier changed on disk under the engine: read everything again, once.
        folder.forget();
        if (attempt === 1) this.connection.console.error(`milint: linting failed: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
    if (!run) return;
    for (const path of folder.openPaths()) {
      const doc = this.documents.get(this.uris.get(path) ?? '');
      if (!doc) continue;
      const diagnostics = Folder.diagnosticsOf(run, path);
      this.engine.set(doc.uri, { version: doc.version, diagnostics });
      const shift = bomShift(doc);
      const lsp: LspDiagnostic[] = diagnostics.map((d) => toLspDiagnostic(d, shift));
      const key = JSON.stringify(lsp);
      if (!this.edits.has(doc.uri) && this.published.get(doc.uri) === key) continue;
      this.edits.delete(doc.uri);
      this.published.set(doc.uri, key);
      void this.connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics: lsp });
    }
  }
}
