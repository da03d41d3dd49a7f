/**
 * The incremental engine's entry point, in three parts: `Summaries` keeps what files linted on
 * their own leave (stubs and their entries); `CacheSession` opens the cache when first asked and
 * takes in what it knows; `lintFilesAsync` lints the named files (in workers, from the cache), then
 * walks the graph over the summaries until it reaches nothing new, and lints the graph. Depends on
 * the pipeline (lint/), never the other way round.
 */
import { resolve } from 'node:path';
import { formatOf } from '../extract/extract.js';
import { loadRuleModules, ruleModuleUrls } from '../rules/modules.js';
import { guardOf, type LoadedFile } from '../parse/load-file.js';
import { resolveGraph, type Resolution } from '../resolve/resolve.js';
import type { ReadGuard } from '../io/read-guard.js';
import { lintEach, threadsFor, type Known } from './workers/lint-pool.js';
import { cacheFilePath, cacheKey, LintCache } from './lint-cache.js';
import { fileJob, FileLinter, type FileJob, type FileOutcome, type OutcomeText } from './per-file.js';
import { keptKeys, stubFile, type FileSummary } from './summary.js';
import { EntryStore } from './entry-store.js';
import { limitsOf, lintPrepared, prepare, resolveLimits, type LintOptions, type LintRun, type Prepared } from '../lint/lint.js';
import type { RunStats } from '../lint/lint-resolution.js';

type Stats = { -readonly [K in Exclude<keyof RunStats, 'full'>]: RunStats[K] };

/** What the files linted on their own leave: stubs for the graph, their entries in one store. */
class Summaries {
  readonly files = new Map<string, LoadedFile>();
  readonly store: EntryStore;
  private readonly guard: ReadGuard;

  constructor(job: FileJob, config: Prepared['config']) {
    this.store = new EntryStore(keptKeys(config));
    this.guard = guardOf(job.limits);
  }

  take(summary: FileSummary): void {
    this.files.set(summary.path, stubFile(summary, this.store, this.guard));
  }
}

/** The cache of a run: opened when the workers first ask what it knows, saved at the end. */
class CacheSession {
  private cache: LintCache | undefined;
  private opened = false;

  constructor(private readonly path: string | undefined, private readonly key: string) {}

  /** What the cache knows (read once a run, when first asked). */
  known(): Known {
    if (this.path !== undefined && !this.opened) this.cache = LintCache.open(this.path, this.key);
    this.opened = true;
    return { digest: (p) => this.cache?.digest(p), stamp: (p) => this.cache?.stamp(p) };
  }

  get open(): LintCache | undefined { return this.cache; }

  /** Saves it over `seen` (the files of the run; `stampsKept` as `LintCache.save`); the reason when it could not be written. */
  save(seen: ReadonlySet<string>, stampsKept: boolean): { path: string; failed: string } | undefined {
    if (!this.cache) return undefined;
    const failed = this.cache.save(seen, stampsKept);
    return failed ? { path: this.cache.path, failed } : undefined;
  }
}

/**
 * Lints files on disk as the CLI does: each file that can be linted on its own is, in worker
 * threads for large runs (`concurrency`) and from the cache when it is unchanged (`cache`); the
 * project rules then run over every file's summary. The results are the same as `lintFiles`; in
 * the index returned, entries of such files hold only what the project rules read (`meta.reads`).
 */
export async function lintFilesAsync(options: LintOptions = {}): Promise<LintRun> {
  const ruleModules = ruleModuleUrls(options.ruleModules, resolve(options.cwd ?? process.cwd()));
  await loadRuleModules(ruleModules);
  const prep = prepare(options);
  if (options.overlay) return lintPrepared(prep);
  const job = fileJob(prep.config, options.parseMode ?? 'fast', limitsOf(options, prep.within), ruleModules);
  const summaries = new Summaries(job, prep.config);
  const cache = new CacheSession(options.cache ? cacheFilePath(options.cacheLocation, prep.cwd) : undefined, options.cache ? cacheKey(job) : '');
  /** Files linted or looked at already (stubs, and files the main graph reads in full). */
  const seen = new Set<string>();
  const stats: Stats = { linted: 0, cached: 0, stamped: 0, hashed: 0, threads: 0, workersLost: 0 };

  const lintSome = async (paths: readonly string[]): Promise<void> => {
    for (const p of paths) seen.add(p);
    const threads = threadsFor(options.concurrency ?? 'auto', paths.length);
    stats.threads = Math.max(stats.threads, threads);
    // A cached line that cannot be used (cut short, edited) is linted again, here.
    let linter: FileLinter | undefined;
    const linted = (o: FileOutcome): void => {
      if (o.kind === 'leaf') { summaries.take(o.summary); stats.linted++; }
    };
    /** An unchanged file: its summary from the cache, or linted again when its line cannot be used. */
    const hit = (c: LintCache, path: string): boolean => {
      const found = c.outcome(path);
      if (found === 'full') return false;
      if (found !== undefined && found !== 'unusable') { summaries.take(found.summary); stats.cached++; return true; }
      const o = (linter ??= new FileLinter(job)).lint(path);
      c.record(o);
      linted(o);
      return false;
    };
    const outcome = (o: FileOutcome, text?: OutcomeText): void => {
      const c = cache.open;
      if (o.kind !== 'hit') { c?.record(o, text); linted(o); return; }
      // A hit is taken in as it comes (while other files are still being hashed or linted); one
      // found by its digest brings the file's stamp now.
      if (!c) return;
      if (o.stamp !== undefined) c.restamp(o.path, o.stamp);
      if (hit(c, o.path) && o.stamp === undefined) stats.stamped++;
    };
    const done = await lintEach(paths, job, threads, Boolean(options.cache), () => cache.known(), outcome, options.onProgress);
    stats.workersLost += done.workersLost;
    stats.hashed += done.hashed;
  };

  await lintSome(prep.files);
  const walk = await walkToFixedPoint(prep, options, summaries.files, seen, lintSome);
  const failed = cache.save(seen, stats.stamped > 0);
  if (failed) options.onCacheError?.(failed.path, failed.failed);
  const run = lintPrepared(prep, { files: summaries.files, entriesOf: summaries.store.entriesOf }, walk);
  return { ...run, stats: { ...stats, full: seen.size - stats.linted - stats.cached } };
}

/**
 * Files that references reach but nobody named (the pages an index imports, under `--index`) are
 * linted on their own too: the graph is walked without reading them, they are linted, and the walk
 * is done again until it reaches nothing new. The last walk is the run's graph.
 */
async function walkToFixedPoint(
  prep: Prepared, options: LintOptions, stubs: ReadonlyMap<string, LoadedFile>, seen: Set<string>,
  lintSome: (paths: readonly string[]) => Promise<void>,
): Promise<Resolution> {
  const { confine } = prep;
  for (;;) {
    const walk = resolveGraph(prep.files, {
      preloaded: stubs, mode: options.parseMode, defer: (p) => !seen.has(p) && formatOf(p) !== undefined,
      limits: resolveLimits(options, prep.within), ...(confine ? { confine } : {}),
    });
    for (const p of walk.files.keys()) seen.add(p);
    if (walk.deferred.size === 0) return walk;
    await lintSome([...walk.deferred]);
  }
}
