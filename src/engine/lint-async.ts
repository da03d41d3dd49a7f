/**
 * The incremental engine's entry point: each file that can be linted on its own is, in worker
 * threads and from the cache; the graph is then walked over their summaries until it reaches
 * nothing new. Depends on the pipeline (lint/), never the other way round.
 */
import { resolve } from 'node:path';
import { formatOf } from '../extract/extract.js';
import { loadRuleModules, ruleModuleUrls } from '../rules/modules.js';
import { guardOf, type LoadedFile } from '../resolve/load-file.js';
import { resolveGraph, type Resolution } from '../resolve/resolve.js';
import { lintEach, threadsFor, type Known } from './workers/lint-pool.js';
import { cacheFilePath, cacheKey, LintCache } from './lint-cache.js';
import { fileJob, FileLinter } from './per-file.js';
import { keptKeys, stubFile } from './summary.js';
import { EntryStore } from './entry-store.js';
import { limitsOf, lintPrepared, prepare, resolveLimits, type LintOptions, type LintRun } from '../lint/lint.js';

/**
 * Lints files on disk as the CLI does: each file that can be linted on its own is, in worker
 * threads for large runs (`concurrency`) and from the cache when it is unchanged (`cache`); the
 * project rules then run over every file's summary. The results are the same as `lintFiles`; in
 * the index returned, entries of such files hold only the fields project rules read.
 */
export async function lintFilesAsync(options: LintOptions = {}): Promise<LintRun> {
  const ruleModules = ruleModuleUrls(options.ruleModules, resolve(options.cwd ?? process.cwd()));
  await loadRuleModules(ruleModules);
  const prep = prepare(options);
  if (options.overlay) return lintPrepared(prep);
  const job = fileJob(prep.config, options.parseMode ?? 'fast', limitsOf(options, prep.within), ruleModules);
  const store = new EntryStore(keptKeys(prep.config));
  const guard = guardOf(job.limits);
  const holder: { cache?: LintCache; opened?: boolean } = {};
  // What the cache knows (read once a run, when first asked).
  const known: Known = {
    digest: (p) => holder.cache?.digest(p),
    stamp: (p) => holder.cache?.stamp(p),
  };
  const stubs = new Map<string, LoadedFile>();
  /** Files linted or looked at already (stubs, and files the main graph reads in full). */
  const seen = new Set<string>();
  const stats = { linted: 0, cached: 0, stamped: 0, hashed: 0, threads: 0, workersLost: 0 };

  const lintSome = async (paths: readonly string[]): Promise<void> => {
    for (const p of paths) seen.add(p);
    const threads = threadsFor(options.concurrency ?? 'auto', paths.length);
    stats.threads = Math.max(stats.threads, threads);
    // A cached line that cannot be used (cut short, edited) is linted again, here.
    let linter: FileLinter | undefined;
    /** Takes in an unchanged file; true when its summary came from the cache. */
    const hit = (cache: LintCache, path: string): boolean => {
      const found = cache.outcome(path);
      if (found === 'full') return false;
      if (found !== undefined && found !== 'unusable') { stubs.set(path, stubFile(found.summary, store, guard)); stats.cached++; return true; }
      const o = (linter ??= new FileLinter(job)).lint(path);
      cache.record(o);
      if (o.kind === 'leaf') { stubs.set(path, stubFile(o.summary, store, guard)); stats.linted++; }
      return false;
    };
    const { workersLost, hashed } = await lintEach(paths, job, threads, Boolean(options.cache), () => {
      if (options.cache && !holder.opened) holder.cache = LintCache.open(cacheFilePath(options.cacheLocation, prep.cwd), cacheKey(job));
      holder.opened = true;
      return known;
    }, (o, text) => {
      // A hit is taken in as it comes (while other files are still being hashed or linted); one
      // found by its digest brings the file's stamp now.
      if (o.kind === 'hit') {
        if (!holder.cache) return;
        if (o.stamp !== undefined) holder.cache.restamp(o.path, o.stamp);
        if (hit(holder.cache, o.path) && o.stamp === undefined) stats.stamped++;
        return;
      }
      holder.cache?.record(o, text);
      if (o.kind === 'leaf') { stubs.set(o.path, stubFile(o.summary, store, guard)); stats.linted++; }
    }, options.onProgress);
    stats.workersLost += workersLost;
    stats.hashed += hashed;
  };

  await lintSome(prep.files);
  // Files that references reach but nobody named (the pages an index imports, under `--index`)
  // are linted on their own too: the graph is walked without reading them, they are linted, and
  // the walk is done again until it reaches nothing new.
  const { confine } = prep;
  let walk: Resolution;
  for (;;) {
    walk = resolveGraph(prep.files, {
      preloaded: stubs, mode: options.parseMode, defer: (p) => !seen.has(p) && formatOf(p) !== undefined,
      limits: resolveLimits(options, prep.within), ...(confine ? { confine } : {}),
    });
    for (const p of walk.files.keys()) seen.add(p);
    if (walk.deferred.size === 0) break;
    await lintSome([...walk.deferred]);
  }
  const { cache } = holder;
  if (cache) {
    const failed = cache.save(seen, stats.stamped > 0);
    if (failed) options.onCacheError?.(cache.path, failed);
  }
  // The last walk deferred nothing: it is the graph (unless a stub must be read in full).
  const run = lintPrepared(prep, { files: stubs, entriesOf: store.entriesOf }, walk);
  return { ...run, stats: { ...stats, full: seen.size - stats.linted - stats.cached } };
}
