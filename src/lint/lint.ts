/**
 * The whole pipeline for one run:
 * config → discover → (extract, parse: per file) → resolve → validate → normalize → rules →
 * directives → collect.
 */
import { statSync } from 'node:fs';
import { basename, dirname, relative, resolve } from 'node:path';
import type { FileResult, Origin, ParsedBlock, Span } from '../types.js';
import { discover } from '../discover/discover.js';
import { formatOf } from '../extract/extract.js';
import { DEFAULT_LIMITS, loadSource, type Limits, type LoadedFile, type ParseMode } from '../resolve/load-file.js';
import { sourceFromText } from '../source/source-file.js';
import { inside, insideAny, resolveGraph, type Resolution } from '../resolve/resolve.js';
import { validateUnit } from '../schema/validate.js';
import { normalize } from '../model/normalize.js';
import type { ModelIndex } from '../model/types.js';
import { rules } from '../rules/index.js';
import { fileRefsOf } from '../rules/helpers/file-refs.js';
import type { RunFacts } from '../rules/define-rule.js';
import { locate } from '../source/locate.js';
import { findConfig, readConfig } from '../config/load-config.js';
import { resolveConfig } from '../config/resolve-config.js';
import type { EffectiveConfig } from '../config/types.js';
import { runRules } from './run-rules.js';
import { loadInWorkers, threadsFor, type Concurrency } from '../parallel/load-pool.js';
import { collect } from './collect.js';
import { applyDirectives } from './directives.js';
import { ignoreMatcher, indexRootDir, projectRoot, projectRoots, reachedFrom, rootIndexFor } from './project.js';
import type { Report } from './report.js';

export { defaultRootDir, projectRoot, projectRoots } from './project.js';

export interface LintOptions {
  /** Files, directories or globs; default `.`. */
  readonly patterns?: readonly string[];
  /** Where relative patterns start, and where the config search starts; default `process.cwd()`. */
  readonly cwd?: string;
  /** Project root for root-relative README/Config/Image paths; default: see `defaultRootDir`. */
  readonly rootDir?: string;
  /** A config file to use instead of searching for one; `false` to use none. */
  readonly config?: string | false;
  /** A preset that replaces the config's `extends`. */
  readonly preset?: string;
  /** `id: severity` settings that override the config. */
  readonly ruleFlags?: readonly string[];
  /** A configuration already resolved (overrides `config`, `preset`, `ruleFlags`). */
  readonly effectiveConfig?: EffectiveConfig;
  /** Called as files are read: how many of the discovered files are done, of how many. */
  readonly onProgress?: (done: number, total: number) => void;
  /** Texts to use instead of the files on disk (absolute path → text, BOM included): `--fix` passes. */
  readonly overlay?: ReadonlyMap<string, string>;
  /** `fast` (default): js-yaml first, positions on demand; `full`: every block as a yaml Document. */
  readonly parseMode?: ParseMode;
  /** Largest block (characters) and most imported files; see `yaml/resource-limit`, `import/limit`. */
  readonly limits?: { readonly maxBlockSize?: number; readonly maxImports?: number };
  /** Follow references that lead outside the project root (default: report them). */
  readonly allowOutsideRoot?: boolean;
  /**
   * Lint the named files inside a whole index, so that cross-file rules see every file: a root
   * model-index file, or `auto` for the project's root `model-index.*`. Only the named files (and
   * what they import) are reported. This is what pre-commit needs: it passes the changed files only.
   */
  readonly index?: string;
  /** Worker threads for reading and parsing: a number, `auto` (default; workers for large runs) or `off`. */
  readonly concurrency?: Concurrency;
}

export interface LintRun {
  readonly results: FileResult[];
  readonly index: ModelIndex;
  readonly resolution: Resolution;
  readonly config: EffectiveConfig;
}

/** The configuration a run from `cwd` uses. Throws ConfigError for a bad config. */
export function loadEffectiveConfig(options: Pick<LintOptions, 'cwd' | 'config' | 'preset' | 'ruleFlags'>): EffectiveConfig {
  const cwd = resolve(options.cwd ?? process.cwd());
  const raw = options.config === false ? undefined
    : options.config !== undefined ? readConfig(resolve(cwd, options.config)) : findConfig(cwd);
  return resolveConfig({
    ...(raw ? { file: { path: raw.file, data: raw.data } } : {}),
    ...(options.preset !== undefined ? { preset: options.preset } : {}),
    ...(options.ruleFlags ? { ruleFlags: options.ruleFlags } : {}),
  });
}

/** Lints files on disk. Never throws for bad input; throws InputError/ConfigError for bad usage. */
export function lintFiles(options: LintOptions = {}): LintRun {
  return lintPrepared(prepare(options));
}

/**
 * Lints files on disk, reading and parsing them in worker threads when the run is large enough
 * (`concurrency`); the result is the same as `lintFiles`.
 */
export async function lintFilesAsync(options: LintOptions = {}): Promise<LintRun> {
  const prep = prepare(options);
  const threads = threadsFor(options.concurrency ?? 'auto', prep.files.length);
  if (threads === 0) return lintPrepared(prep);
  const loaded = await loadInWorkers(prep.files, threads, options.parseMode ?? 'fast', limitsOf(options));
  return lintPrepared(prep, loaded);
}

interface Prepared {
  readonly options: LintOptions;
  readonly cwd: string;
  readonly config: EffectiveConfig;
  readonly configDir: string;
  readonly ignored: (file: string) => boolean;
  readonly found: ReturnType<typeof discover>;
  readonly root: string | undefined;
  /** The files to read, root index first. */
  readonly files: readonly string[];
}

function prepare(options: LintOptions): Prepared {
  const cwd = resolve(options.cwd ?? process.cwd());
  const config = options.effectiveConfig ?? loadEffectiveConfig(options);
  const configDir = config.file ? dirname(config.file) : cwd;
  const ignored = ignoreMatcher(config, configDir);
  const found = discover(options.patterns ?? ['.'], cwd);
  const root = options.index ? rootIndexFor(options.index, cwd, projectRoot(options, config, cwd) ?? cwd) : undefined;
  const files = [...(root && !found.files.includes(root) ? [root] : []), ...found.files.filter((f) => !ignored(f))];
  return { options, cwd, config, configDir, ignored, found, root, files };
}

function lintPrepared(prep: Prepared, loaded?: ReadonlyMap<string, LoadedFile>): LintRun {
  const { options, cwd, config, ignored, found, root, files } = prep;
  const confine = projectRoots(options, config, cwd);
  const preloaded = new Map([...(loaded ?? []), ...preload(options.overlay, options)]);
  const resolution = resolveGraph(files, {
    preloaded, onProgress: options.onProgress, mode: options.parseMode,
    ...(options.limits ? { limits: options.limits } : {}), ...(confine ? { confine } : {}),
  });
  const rootDir = indexRootDir(options, config, cwd, resolution);
  const run = lintResolution(resolution, rootDir, found.explicit, config, confine);
  const wanted = root ? reachedFrom(resolution, found.files) : undefined;
  return { ...run, results: run.results.filter((r) => !ignored(r.file) && (!wanted || wanted.has(r.file))) };
}

/**
 * Lints text as if it were the file `filename` (editors, `--stdin`): its imports are read from disk
 * relative to that file's folder; the file itself is not read.
 */
export function lintText(text: string, filename: string, options: Omit<LintOptions, 'patterns'> = {}): LintRun {
  const cwd = resolve(options.cwd ?? process.cwd());
  const config = options.effectiveConfig ?? loadEffectiveConfig(options);
  const path = resolve(cwd, filename);
  const loaded = loadSource(sourceFromText(path, text), formatOf(path) ?? 'markdown', [], options.parseMode, limitsOf(options));
  const confine = projectRoots({ ...options, patterns: [filename] }, config, cwd);
  const resolution = resolveGraph([path], {
    preloaded: new Map([...preload(options.overlay, options), [path, loaded]]), mode: options.parseMode,
    ...(options.limits ? { limits: options.limits } : {}), ...(confine ? { confine } : {}),
  });
  const rootDir = indexRootDir(options, config, cwd, resolution);
  return lintResolution(resolution, rootDir, new Set([path]), config, confine);
}

function limitsOf(options: LintOptions): Limits {
  return { ...DEFAULT_LIMITS, ...(options.limits?.maxBlockSize ? { maxBlockSize: options.limits.maxBlockSize } : {}) };
}

/** Loaded files for overlay texts. */
function preload(overlay: ReadonlyMap<string, string> | undefined, options: LintOptions): Map<string, LoadedFile> {
  const out = new Map<string, LoadedFile>();
  for (const [path, text] of overlay ?? []) {
    out.set(path, loadSource(sourceFromText(path, text), formatOf(path) ?? 'markdown', [], options.parseMode, limitsOf(options)));
  }
  return out;
}

/** Runs validation, rules, directives and collection over a resolved graph. */
export function lintResolution(
  resolution: Resolution, rootDir: string, explicit: ReadonlySet<string>, config: EffectiveConfig = resolveConfig(), confine?: readonly string[],
): LintRun {
  const reports: Report[] = [...resolution.reports];
  const used = new Set<string>();
  const blocks = new Map<string, ParsedBlock>();
  for (const unit of resolution.units) {
    used.add(unit.file.path);
    reports.push(...unit.block.reports, ...validateUnit(unit));
    if (!unit.block.broken) blocks.set(`${unit.file.path}#${unit.block.parsed.block.index}`, unit.block.parsed);
  }
  const reported = new Set<string>();
  for (const [path, file] of resolution.files) {
    // A file found by walking a folder that holds no model-index block is not a model-index
    // file: no message (a binary or mis-encoded page among the docs is none of our business).
    if (!used.has(path) && !explicit.has(path) && !file.reports.some((r) => r.ruleId === 'file/unterminated-block')) continue;
    reports.push(...file.reports);
    reported.add(path);
  }
  const index = normalize(resolution, rootDir);
  const exists = statFileRefs(index, config, confine);
  // The root index is the shallowest model-index.* root of the run; an orphan is another root file
  // under its folder (unrelated zoos linted in the same run are not its orphans).
  const rootIndexUnit = resolution.roots
    .filter((u) => /^model-index\./i.test(basename(u.file.path)))
    .sort((a, b) => a.file.path.split(/[\\/]/).length - b.file.path.split(/[\\/]/).length)[0];
  const rootFolder = rootIndexUnit ? dirname(rootIndexUnit.file.path) : undefined;
  const facts: RunFacts = {
    blocks: [...blocks.values()],
    orphans: rootIndexUnit
      ? resolution.roots.filter((u) => u.file !== rootIndexUnit.file && inside(rootFolder!, u.file.path)).map((u) => ({ block: u.block.parsed }))
      : [],
    ...(rootIndexUnit ? { rootIndex: relative(rootDir, rootIndexUnit.file.path) || basename(rootIndexUnit.file.path) } : {}),
    fileExists: (p) => exists.has(p),
    ...(confine ? { confine } : {}),
    where: (origin: Origin) => {
      const file = origin.block.block.file;
      return `${relative(rootDir, file.path) || basename(file.path)}:${file.lines.position(locate(origin).span.start).line}`;
    },
  };
  reports.push(...runRules(rules, index, facts, config));
  const sources = [...resolution.files.values()].filter((f) => used.has(f.path) || reported.has(f.path));
  const filtered = withDirectives(reports, sources);
  const results = collect(filtered, sources.map((f) => f.source), config);
  return { results, index, resolution, config };
}

/** Applies each file's inline directives to its reports. */
function withDirectives(reports: readonly Report[], files: readonly LoadedFile[]): Report[] {
  const byFile = new Map<string, Report[]>();
  for (const r of reports) {
    const list = byFile.get(r.file.path) ?? [];
    list.push(r);
    byFile.set(r.file.path, list);
  }
  const out: Report[] = [];
  for (const f of files) {
    const spans: Span[] = f.blocks.map((b) => ({ start: b.parsed.block.offset, end: b.parsed.block.offset + b.parsed.block.length }));
    out.push(...applyDirectives(byFile.get(f.path) ?? [], f.source, f.format, spans));
    byFile.delete(f.path);
  }
  for (const rest of byFile.values()) out.push(...rest);
  return out;
}

/** Stats every README/Image/Config path the index names, so that rules can stay pure. */
function statFileRefs(index: ModelIndex, config: EffectiveConfig, confine: readonly string[] | undefined): Set<string> {
  const exists = new Set<string>();
  const options = config.rules.get('file/not-found')?.options as { base?: 'file' | 'root' | 'either' } | undefined;
  for (const e of [...index.models, ...index.collections, ...index.libraries]) {
    for (const ref of fileRefsOf(e, index.rootDir, options?.base)) {
      for (const c of ref.candidates) {
        if (confine !== undefined && !insideAny(confine, c)) continue; // never looked at
        try { if (statSync(c).isFile()) exists.add(c); } catch { /* missing: the rule reports it */ }
      }
    }
  }
  return exists;
}

