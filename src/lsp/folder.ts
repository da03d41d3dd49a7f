/**
 * One workspace folder as the language server sees it: the configuration and root index the CLI
 * would use there (the folder as the current directory), every file of the index loaded once, and
 * open buffers in place of their files. Files on disk are linted on their own once, as the CLI
 * lints the pages an index imports (per-file.ts): what stays is their summary. A lint after an edit
 * parses the edited buffer only, validates and checks the open buffers, and runs the project rules
 * over every summary. The answer for a file is the CLI's `milint --index auto <file>`.
 */
import { basename, dirname } from 'node:path';
import { setImmediate as tick } from 'node:timers/promises';
import type { Diagnostic } from '../types.js';
import type { EffectiveConfig } from '../config/types.js';
import { resolveConfig } from '../config/resolve-config.js';
import { formatOf } from '../extract/extract.js';
import { isWalkedFile } from '../discover/discover.js';
import { DEFAULT_LIMITS, guardOf, loadFile, loadSource, type Limits, type LoadedFile } from '../parse/load-file.js';
import { reportSpan } from '../core/report.js';
import { resolveGraph, type Resolution } from '../resolve/resolve.js';
import { sourceFromText } from '../source/source-file.js';
import { loadEffectiveConfig, lintResolution, type LintRun } from '../lint/lint.js';
import { ignoreMatcher, indexRootDir, projectRoot, projectRoots, readRoots, rootIndexFor } from '../lint/project.js';
import { fileJob, FileLinter } from '../engine/per-file.js';
import { EntryStore } from '../engine/entry-store.js';
import { keptKeys, stubFile } from '../engine/summary.js';

export class Folder {
  config: EffectiveConfig = resolveConfig();
  private limits: Limits = DEFAULT_LIMITS;
  /** Why the folder's config file could not be used (the defaults are used instead). */
  configError: string | undefined;
  private rootIndex: string | undefined;
  private ignored: (file: string) => boolean = () => false;
  private linter!: FileLinter;
  /** The entries of files known by their summaries (rows are never removed: rebuilt on `forget`). */
  private store!: EntryStore;
  /** Files of the index as loaded (from disk, or from an open buffer), by absolute path. */
  private readonly loaded = new Map<string, LoadedFile>();
  /** Open buffers past the size limit (reported, never parsed). */
  private readonly oversized = new Set<string>();
  /** Open buffers, by absolute path. */
  private readonly open = new Map<string, string>();
  /** The last lint run, for completion (collection names). */
  last: LintRun | undefined;

  constructor(readonly root: string) {
    this.reconfigure();
  }

  /** Reads the configuration and finds the root index again (the config file changed). */
  reconfigure(): void {
    try {
      this.config = loadEffectiveConfig({ cwd: this.root });
      this.configError = undefined;
    } catch (e) {
      this.config = resolveConfig();
      // As the CLI prints it: the message, then the hint (`Did you mean…`).
      const hint = (e as { hint?: unknown }).hint;
      this.configError = `${e instanceof Error ? e.message : String(e)}${typeof hint === 'string' && hint ? `\n${hint}` : ''}`;
    }
    // Files are read as the CLI reads them: only inside the project, by real path (io/read-guard.ts).
    this.limits = { ...DEFAULT_LIMITS, within: readRoots(projectRoots({}, this.config, this.root)!, [], this.root) };
    this.rootIndex = this.findRoot();
    this.ignored = ignoreMatcher(this.config.ignores, this.config.file ? dirname(this.config.file) : this.root);
    this.forget();
  }

  /** An open buffer's text (BOM included if the editor keeps one). */
  setText(path: string, text: string): void {
    this.open.set(path, text);
    // Past the largest block the CLI parses, a lint takes many seconds: too long to repeat as one
    // types. Such a buffer is reported, not parsed.
    const max = this.limits.maxBlockSize;
    const size = Buffer.byteLength(text, 'utf8');
    if (size > max) {
      this.oversized.add(path);
      this.loaded.set(path, tooLarge(path, size, max));
    } else {
      this.oversized.delete(path);
      this.loaded.set(path, loadText(path, text));
    }
  }

  /** Whether an open buffer is past the size limit (hover and completion skip it too). */
  tooLarge(path: string): boolean { return this.oversized.has(path); }

  /** A buffer was closed: its file on disk counts again. */
  close(path: string): void {
    this.open.delete(path);
    this.oversized.delete(path);
    this.loaded.delete(path);
  }

  /** A file changed on disk (a watcher said so): read it again when next needed. */
  changedOnDisk(path: string): void {
    if (!this.open.has(path)) this.loaded.delete(path);
    // A root index created or deleted changes which index the folder's files are in.
    if (/^model-index\.(ya?ml|json)$/i.test(basename(path))) this.rootIndex = this.findRoot();
  }

  openPaths(): string[] { return [...this.open.keys()]; }

  /**
   * Loads every file the index reaches, `onProgress(done, total)` as it goes, yielding between
   * files so that requests are answered meanwhile.
   */
  async index(onProgress: (done: number, total: number) => void): Promise<void> {
    let done = 0;
    for (let round = 0; round < 100; round++) {
      const walk = this.walk(this.roots(), this.loaded, true);
      this.keep(walk);
      if (walk.deferred.size === 0 && walk.needsFull.size === 0) break;
      for (const p of walk.needsFull) if (!this.open.has(p)) this.loaded.set(p, loadFile(p, formatOf(p), 'fast', this.limits));
      const total = done + walk.deferred.size;
      for (const p of walk.deferred) {
        this.loaded.set(p, this.fromDisk(p));
        onProgress(++done, total);
        if (done % 8 === 0) await tick();
      }
    }
  }

  /** Lints the index with the open buffers; `overrides` are texts to try instead (fix-all passes). */
  lint(overrides?: ReadonlyMap<string, string>): LintRun {
    const preloaded = new Map(this.loaded);
    for (const [p, t] of overrides ?? []) preloaded.set(p, loadText(p, t));
    let run = this.lintWith(preloaded, this.named(this.open.keys()));
    // An open YAML or JSON file the index reaches is linted as the CLI names it.
    const used = new Set(run.resolution.units.map((u) => u.file.path));
    const reached = [...this.open.keys()].filter((p) => !this.isNamed(p) && used.has(p) && !this.ignored(p));
    if (reached.length > 0) run = this.lintWith(preloaded, [...this.named(this.open.keys()), ...reached]);
    if (!overrides) this.last = run;
    return run;
  }

  /** Drops every file loaded from disk (after the engine found one changed under it). */
  forget(): void {
    for (const p of [...this.loaded.keys()]) if (!this.open.has(p)) this.loaded.delete(p);
    this.linter = new FileLinter(fileJob(this.config, 'fast', this.limits));
    this.store = new EntryStore(keptKeys(this.config));
  }

  /** The diagnostics of a run for one file (none for files that are not model-index files). */
  static diagnosticsOf(run: LintRun, path: string): readonly Diagnostic[] {
    return run.results.find((r) => r.file === path)?.diagnostics ?? [];
  }

  private lintWith(preloaded: Map<string, LoadedFile>, named: readonly string[]): LintRun {
    const files = [...(this.rootIndex ? [this.rootIndex] : []), ...named.filter((p) => p !== this.rootIndex)];
    let resolution = this.walk(files, preloaded, true);
    // Files new to the index (an Import just written) are read, and any summary that does not
    // cover the role a file is named in is replaced by the whole file; then the graph again.
    for (let round = 0; round < 100 && (resolution.deferred.size > 0 || resolution.needsFull.size > 0); round++) {
      this.keep(resolution);
      for (const p of resolution.deferred) { const f = this.fromDisk(p); this.loaded.set(p, f); preloaded.set(p, f); }
      for (const p of resolution.needsFull) {
        if (this.open.has(p)) continue;
        const f = loadFile(p, formatOf(p), 'fast', this.limits);
        this.loaded.set(p, f);
        preloaded.set(p, f);
      }
      resolution = this.walk(files, preloaded, true);
    }
    this.keep(resolution);
    const confine = projectRoots({ patterns: named }, this.config, this.root);
    const rootDir = indexRootDir({}, this.config, this.root, resolution);
    return lintResolution(resolution, rootDir, new Set(named), this.config, confine, 'all', this.store.entriesOf);
  }

  /** Files on disk reached by references are linted on their own (`defer`), then read as summaries. */
  private walk(files: readonly string[], preloaded: ReadonlyMap<string, LoadedFile>, defer: boolean): Resolution {
    const confine = projectRoots({ patterns: files }, this.config, this.root);
    return resolveGraph(files, {
      preloaded, mode: 'fast', limits: this.limits, ...(confine ? { confine } : {}),
      ...(defer ? { defer: (p: string) => !preloaded.has(p) && formatOf(p) !== undefined } : {}),
    });
  }

  /** Keeps the files a walk read itself (the roots, files of no known format). */
  private keep(resolution: Resolution): void {
    for (const [p, f] of resolution.files) if (!this.loaded.has(p)) this.loaded.set(p, f);
  }

  /** A file on disk: its summary when it can be linted on its own, else the whole file. */
  private fromDisk(path: string): LoadedFile {
    const o = this.linter.lint(path);
    return o.kind === 'leaf' ? stubFile(o.summary, this.store, guardOf(this.limits)) : loadFile(path, formatOf(path), 'fast', this.limits);
  }

  private findRoot(): string | undefined {
    return rootIndexFor('auto', this.root, projectRoot({}, this.config, this.root) ?? this.root);
  }

  private roots(): string[] {
    return [...(this.rootIndex ? [this.rootIndex] : []), ...this.named(this.open.keys())];
  }

  /** Open files the CLI would lint when named: pages, and model-index.* / metafile.* data files. */
  private named(paths: Iterable<string>): string[] {
    return [...paths].filter((p) => this.isNamed(p) && !this.ignored(p));
  }

  private isNamed(path: string): boolean {
    return formatOf(path) === 'markdown' || isWalkedFile(basename(path));
  }
}

function tooLarge(path: string, size: number, max: number): LoadedFile {
  const source = sourceFromText(path, '');
  const reason = `at ${size.toLocaleString('en-US')} bytes it is larger than ${max.toLocaleString('en-US')}, the most checked as you type; run milint on the saved file`;
  return { path, format: formatOf(path) ?? 'markdown', source, blocks: [], unreadable: true, reports: [reportSpan('file/unreadable', 'refused', { reason }, source, { start: 0, end: 0 })] };
}

function loadText(path: string, text: string): LoadedFile {
  return loadSource(sourceFromText(path, text), formatOf(path) ?? 'markdown', [], 'fast', DEFAULT_LIMITS);
}
