/**
 * `--cache`: what each file linted on its own left (its summary, see lint/summary.ts), kept from
 * one run to the next. An entry is used when the file's bytes have the same sha1 and the run has
 * the same key: milint's version, the effective rule settings and the limits. Project rules are
 * never cached: they run again over every file's summary, so a change in one file still reaches
 * the reports of the others.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { VERSION } from '../version.js';
import { writeAtomic } from '../io/write-atomic.js';
import { sha1, type FileSummary } from '../lint/summary.js';
import type { FileJob, FileOutcome } from '../lint/per-file.js';

/** Bumped when the layout of summaries changes. */
const LAYOUT = 3;

/** Where the cache goes when `--cache-location` is not given (a folder, relative to the cwd). */
export const DEFAULT_CACHE_LOCATION = join('node_modules', '.cache', 'milint') + sep;

/** The name of the cache file inside a cache folder. */
export const CACHE_FILE_NAME = 'lint-cache.json';

interface Stored {
  readonly layout: number;
  readonly key: string;
  /** By absolute path: the summary, or only the digest of a file not linted on its own. */
  readonly files: Record<string, Entry>;
}

/** A file linted on its own leaves its summary; any other file, the digest that was seen. */
type Entry = FileSummary | { readonly digest: string };
const isSummary = (e: Entry): e is FileSummary => 'diagnostics' in e;

/**
 * The cache file for a `--cache-location`: a folder (an existing one, or a path ending in a
 * separator) holds `lint-cache.json`; anything else is the file itself.
 */
export function cacheFilePath(location: string | undefined, cwd: string): string {
  const where = resolve(cwd, location ?? DEFAULT_CACHE_LOCATION);
  const isDir = /[\\/]$/.test(location ?? DEFAULT_CACHE_LOCATION) || (existsSync(where) && statSync(where).isDirectory());
  return isDir ? join(where, CACHE_FILE_NAME) : where;
}

/** The key of a run: results made under another key are not used. */
export function cacheKey(job: FileJob): string {
  return sha1(JSON.stringify({ layout: LAYOUT, version: VERSION, rules: job.rules, limits: job.limits }));
}

export class LintCache {
  private readonly files: Map<string, Entry>;
  /** Whether anything differs from what was read (else there is nothing to write). */
  private changed = false;

  private constructor(readonly path: string, private readonly key: string, stored: Stored['files']) {
    this.files = new Map(Object.entries(stored));
  }

  /** Opens the cache at `path`; a missing, unreadable or foreign file is an empty cache. */
  static open(path: string, key: string): LintCache {
    let stored: Stored['files'] = {};
    try {
      const data = JSON.parse(readFileSync(path, 'utf8')) as Partial<Stored>;
      if (data.layout === LAYOUT && data.key === key && data.files && typeof data.files === 'object') stored = data.files;
    } catch { /* no cache yet, or not one of ours: start afresh */ }
    return new LintCache(path, key, stored);
  }

  /** The digest of the bytes the cached result was made from. */
  digest(file: string): string | undefined {
    return this.files.get(file)?.digest;
  }

  /** The cached summary of a file (undefined: none, or the file is not linted on its own). */
  summary(file: string): FileSummary | undefined {
    const e = this.files.get(file);
    return e && isSummary(e) ? e : undefined;
  }

  /** Takes in the outcomes of a run. */
  update(outcomes: ReadonlyMap<string, FileOutcome>): void {
    for (const [path, o] of outcomes) {
      if (o.kind !== 'hit') this.changed = true;
      if (o.kind === 'leaf') {
        if (o.summary.digest !== '') this.files.set(path, o.summary);
        else this.files.delete(path);
      } else if (o.kind === 'full') {
        if (o.digest !== '') this.files.set(path, { digest: o.digest });
        else this.files.delete(path);
      }
    }
  }

  /**
   * Writes the cache; entries of files that no longer exist are dropped. Returns why it could not
   * be written, if it could not (a lint run does not fail for a cache).
   */
  save(seen: ReadonlySet<string>): string | undefined {
    const files: Record<string, Entry> = {};
    for (const [path, entry] of this.files) {
      if (seen.has(path) || existsSync(path)) files[path] = entry;
      else this.changed = true;
    }
    if (!this.changed && existsSync(this.path)) return undefined;
    try {
      writeAtomic(this.path, JSON.stringify({ layout: LAYOUT, key: this.key, files } satisfies Stored));
      return undefined;
    } catch (e) {
      return (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    }
  }
}
