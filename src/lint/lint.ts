/**
 * The whole pipeline for one run:
 * config → discover → (extract, parse, validate, per-file rules: per file, see per-file.ts) →
 * resolve → normalize → project rules → directives → collect.
 */
import { checkRuleModulesLoaded, ruleModuleUrls } from '../rules/modules.js';
import { existsSync, statSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { InputError } from '../errors.js';
import { discover } from '../discover/discover.js';
import { formatOf } from '../extract/extract.js';
import { DEFAULT_LIMITS, loadSource, type Limits, type LoadedFile, type ParseMode } from '../parse/load-file.js';
import { sourceFromText } from '../source/source-file.js';
import { resolveGraph, type Resolution } from '../resolve/resolve.js';
import { findConfig, readConfig } from '../config/load-config.js';
import { resolveConfig, type ConfigInput } from '../config/resolve-config.js';
import type { EffectiveConfig } from '../config/types.js';
import { normalize } from '../model/normalize.js';
import type { ModelIndex } from '../model/types.js';
import { lintResolution, type EntriesOf, type LintRun } from './lint-resolution.js';
import { checkRootDir, readRoots, ignoreMatcher, indexRootDir, projectRoot, projectRoots, reachedFrom, rootIndexFor } from './project.js';

export { defaultRootDir, projectRoot, projectRoots } from './project.js';
export { lintResolution, type LintRun } from './lint-resolution.js';

/** Worker threads for linting files (see engine/lint-async.ts): a number, `auto` or `off`. */
export type Concurrency = number | 'auto' | 'off';

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
  /** Worker threads for linting files: a number, `auto` (default; workers for large runs) or `off`. */
  readonly concurrency?: Concurrency;
  /** Keep per-file results between runs (`--cache`); only `lintFilesAsync` (engine/) uses it. */
  readonly cache?: boolean;
  /** The cache file, or a folder for it (default `node_modules/.cache/milint/`). */
  readonly cacheLocation?: string;
  /** Called when the cache could not be written, with the reason (the run's results stand). */
  readonly onCacheError?: (file: string, reason: string) => void;
  /** Lint what .gitignore files, the configuration's `ignores` and `ignorePatterns` leave out (`--no-ignore`). */
  readonly noIgnore?: boolean;
  /** More files to leave out: globs relative to `cwd`, as the configuration's `ignores` (`--ignore-pattern`). */
  readonly ignorePatterns?: readonly string[];
  /**
   * ES modules (paths relative to `cwd`, or file URLs) of a project's own rules: each default
   * export is a rule or a list of rules with ids `custom/<name>` (docs/api.md). Loaded by the
   * asynchronous API before the configuration is resolved; synchronous calls need them loaded.
   */
  readonly ruleModules?: readonly string[];
}


/** The configuration a run from `cwd` uses. Throws ConfigError for a bad config. */
export function loadEffectiveConfig(options: Pick<LintOptions, 'cwd' | 'config' | 'preset' | 'ruleFlags'> & Pick<ConfigInput, 'names'>): EffectiveConfig {
  const cwd = resolve(options.cwd ?? process.cwd());
  const raw = options.config === false ? undefined
    : options.config !== undefined ? readConfig(resolve(cwd, options.config)) : findConfig(cwd);
  return resolveConfig({
    ...(raw ? { file: { path: raw.file, data: raw.data } } : {}),
    ...(options.preset !== undefined ? { preset: options.preset } : {}),
    ...(options.ruleFlags ? { ruleFlags: options.ruleFlags } : {}),
    ...(options.names ? { names: options.names } : {}),
  });
}

/**
 * Lints files on disk, all in one graph with every entry's data (the index returned is complete).
 * Never throws for bad input; throws InputError/ConfigError for bad usage.
 */
export function lintFiles(options: LintOptions = {}): LintRun {
  return lintPrepared(prepare(options));
}

export interface Prepared {
  readonly options: LintOptions;
  readonly cwd: string;
  readonly config: EffectiveConfig;
  readonly configDir: string;
  readonly ignored: (file: string) => boolean;
  readonly found: ReturnType<typeof discover>;
  readonly root: string | undefined;
  /** The files to read, root index first. */
  readonly files: readonly string[];
  /** The project roots references may not leave (undefined: `allowOutsideRoot`), and their real paths. */
  readonly confine: readonly string[] | undefined;
  readonly within: readonly string[] | undefined;
}

export function prepare(options: LintOptions): Prepared {
  const cwd = resolve(options.cwd ?? process.cwd());
  checkRuleModulesLoaded(ruleModuleUrls(options.ruleModules, cwd));
  const config = options.effectiveConfig ?? loadEffectiveConfig(options);
  const configDir = config.file ? dirname(config.file) : cwd;
  const byConfig = options.noIgnore ? () => false : ignoreMatcher(config.ignores, configDir);
  const byFlag = options.noIgnore ? () => false : ignoreMatcher(options.ignorePatterns ?? [], cwd);
  const ignored = (f: string): boolean => byConfig(f) || byFlag(f);
  const why = (f: string): string | undefined => (byConfig(f) ? `"ignores" in ${config.file ? relative(cwd, config.file) || config.file : 'the configuration'}` : byFlag(f) ? '--ignore-pattern' : undefined);
  checkNamedPlaces(options, cwd);
  const confine = projectRoots(options, config, cwd);
  checkRootDir(config, cwd, confine);
  const within = confine ? readRoots(confine, options.patterns, cwd) : undefined;
  // A folder walk never follows a link out of the project, also with allowOutsideRoot (which is
  // about references): `ln -s / rootlink` must not make `milint .` walk the whole disk.
  const walkWithin = within ?? readRoots(projectRoots({ ...options, allowOutsideRoot: false }, config, cwd)!, options.patterns, cwd);
  const found = discover(options.patterns ?? ['.'], cwd, walkWithin, { gitignore: !options.noIgnore, drop: why });
  // Only ignored files named: nothing to lint is an error, but not for `--index` (pre-commit passes
  // whichever files changed; leaving out the ignored ones is what the configuration asks).
  if (found.files.length === 0 && found.ignoredNamed.length > 0 && !options.index) {
    const { file, why: reason } = found.ignoredNamed[0]!;
    throw new InputError(`All files named are ignored: ${relative(cwd, file) || file} (by ${reason}).`, 'Use --no-ignore (the API\'s noIgnore option) to lint them anyway, or name other paths.');
  }
  const root = options.index ? rootIndexFor(options.index, cwd, projectRoot(options, config, cwd) ?? cwd) : undefined;
  const files = [...(root && !found.files.includes(root) ? [root] : []), ...found.files];
  return { options, cwd, config, configDir, ignored, found, root, files, confine, within };
}

/**
 * Files linted on their own already (docs/architecture.md, the seam): stubs by path, and the
 * entries of their blocks.
 */
export interface Prelinted {
  readonly files: ReadonlyMap<string, LoadedFile>;
  readonly entriesOf: EntriesOf;
}

/** The graph of a prepared run; `stubs` are files linted on their own already (by path); `built`, the graph if it is built already. */
function graphOf(prep: Prepared, stubs?: ReadonlyMap<string, LoadedFile>, built?: Resolution): Resolution {
  const { options, files, confine, within } = prep;
  const preloaded = new Map([...(stubs ?? []), ...preload(options.overlay, options)]);
  const graph = (): Resolution => resolveGraph(files, {
    preloaded, mode: options.parseMode, ...(stubs ? {} : { onProgress: options.onProgress }),
    limits: resolveLimits(options, within), ...(confine ? { confine } : {}),
  });
  let resolution = built ?? graph();
  // A stub named in a role its summary does not cover is loaded in full, and the graph built again.
  while (resolution.needsFull.size > 0) {
    for (const p of resolution.needsFull) preloaded.delete(p);
    resolution = graph();
  }
  return resolution;
}

/** Resolves and lints; `built`, the graph if it is built already (over `prelinted`'s files). */
export function lintPrepared(prep: Prepared, prelinted?: Prelinted, built?: Resolution): LintRun {
  const { options, cwd, config, ignored, found, root, confine, within } = prep;
  const resolution = graphOf(prep, prelinted?.files, built);
  const rootDir = indexRootDir(options, config, cwd, resolution);
  const run = lintResolution(resolution, rootDir, found.explicit, config, confine, 'all', prelinted?.entriesOf);
  const wanted = root ? reachedFrom(resolution, found.files) : undefined;
  return { ...run, ...(within ? { within } : {}), results: run.results.filter((r) => !ignored(r.file) && (!wanted || wanted.has(r.file))) };
}

/**
 * The index `lintFiles` returns (every entry with all its data), built without linting: files are
 * read and resolved, and no validation or rule runs. Throws as `lintFiles` does for bad usage.
 */
export function indexFiles(options: LintOptions = {}): ModelIndex {
  const prep = prepare(options);
  const resolution = graphOf(prep);
  return normalize(resolution, indexRootDir(options, prep.config, prep.cwd, resolution));
}

/**
 * Lints text as if it were the file `filename` (editors, `--stdin`): its imports are read from disk
 * relative to that file's folder; the file itself is not read.
 */
export function lintText(text: string, filename: string, options: Omit<LintOptions, 'patterns'> = {}): LintRun {
  const cwd = resolve(options.cwd ?? process.cwd());
  const config = options.effectiveConfig ?? loadEffectiveConfig(options);
  checkNamedPlaces(options, cwd);
  const path = resolve(cwd, filename);
  const loaded = loadSource(sourceFromText(path, text), formatOf(path) ?? 'markdown', [], options.parseMode, limitsOf(options));
  const confine = projectRoots({ ...options, patterns: [filename] }, config, cwd);
  checkRootDir(config, cwd, confine);
  const within = confine ? readRoots(confine, [filename], cwd) : undefined;
  // With `index`, the text is linted inside that index, as the file in place would be.
  const root = options.index ? rootIndexFor(options.index, cwd, projectRoot({ ...options, patterns: [filename] }, config, cwd) ?? cwd) : undefined;
  const resolution = resolveGraph(root && root !== path ? [root, path] : [path], {
    preloaded: new Map([...preload(options.overlay, options), [path, loaded]]), mode: options.parseMode,
    limits: resolveLimits(options, within), ...(confine ? { confine } : {}),
  });
  const rootDir = indexRootDir(options, config, cwd, resolution);
  const run = { ...lintResolution(resolution, rootDir, new Set([path]), config, confine), ...(within ? { within } : {}) };
  if (!root) return run;
  const wanted = reachedFrom(resolution, [path]);
  return { ...run, results: run.results.filter((r) => wanted.has(r.file)) };
}

/** A root folder or root index named by the caller must exist: a run must not quietly ignore it. */
function checkNamedPlaces(options: LintOptions, cwd: string): void {
  // An empty argument (an unset shell variable) would otherwise mean the current folder.
  if (options.patterns?.some((p) => p.trim() === '')) throw new InputError('An empty path was given.', 'Name files, folders or globs; "." is the current folder.');
  if (options.rootDir !== undefined) {
    const dir = resolve(cwd, options.rootDir);
    if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new InputError(`The root folder ${options.rootDir} is not a folder.`, 'Give the project\'s root folder (rootDir), or leave it out.');
  }
  if (options.index !== undefined && options.index !== 'auto') {
    const file = resolve(cwd, options.index);
    if (!existsSync(file) || !statSync(file).isFile()) throw new InputError(`The root index ${options.index} is not a file.`, 'Name the root model-index file, or use auto.');
  }
}

export function limitsOf(options: LintOptions, within?: readonly string[]): Limits {
  return {
    ...DEFAULT_LIMITS, ...(options.limits?.maxBlockSize ? { maxBlockSize: options.limits.maxBlockSize } : {}),
    ...(within ? { within } : {}),
  };
}

/** The limits of a graph walk: a file's, and how many files references may bring in. */
export function resolveLimits(options: LintOptions, within: readonly string[] | undefined): Limits & { readonly maxImports?: number } {
  return { ...limitsOf(options, within), ...(options.limits?.maxImports ? { maxImports: options.limits.maxImports } : {}) };
}

/** Loaded files for overlay texts. */
function preload(overlay: ReadonlyMap<string, string> | undefined, options: LintOptions): Map<string, LoadedFile> {
  const out = new Map<string, LoadedFile>();
  for (const [path, text] of overlay ?? []) {
    out.set(path, loadSource(sourceFromText(path, text), formatOf(path) ?? 'markdown', [], options.parseMode, limitsOf(options)));
  }
  return out;
}
