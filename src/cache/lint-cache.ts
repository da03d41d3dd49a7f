/**
 * `--cache`: what each file linted on its own left (its summary, see lint/summary.ts), kept from
 * one run to the next. An entry is used when the file's bytes have the same sha1 and the run has
 * the same key: milint's version and build, the effective rule settings and the limits. Project rules are
 * never cached: they run again over every file's summary, so a change in one file still reaches
 * the reports of the others.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { BUILD, VERSION } from '../version.js';
import { writeAtomic } from '../io/write-atomic.js';
import { sha1, type FileSummary } from '../lint/summary.js';
import type { FileJob, FileOutcome } from '../lint/per-file.js';

/** Bumped when the layout of summaries changes. */
const LAYOUT = 4;

/** Where the cache goes when `--cache-location` is not given (a folder, relative to the cwd). */
export const DEFAULT_CACHE_LOCATION = join('node_modules', '.cache', 'milint') + sep;

/** The name of the cache file inside a cache folder. */
export const CACHE_FILE_NAME = 'lint-cache.json';

interface Stored {
  readonly layout: number;
  readonly key: string;
  /** By absolute path: what linting the file gave (a summary, or `full` with the digest). */
  readonly files: Record<string, StoredOutcome>;
}

/** What linting a file gave, as stored: the outcome of a file linted on its own, or of one that is not. */
type StoredOutcome = Extract<FileOutcome, { kind: 'leaf' | 'full' }>;

const digestOf = (o: StoredOutcome): string => (o.kind === 'leaf' ? o.summary.digest : o.digest);

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
  return sha1(JSON.stringify({ layout: LAYOUT, version: VERSION, build: BUILD, rules: job.rules, limits: job.limits }));
}

export class LintCache {
  /** Entries read from the file (objects), and entries of this run (their JSON text, as made). */
  private readonly read: Map<string, StoredOutcome>;
  private readonly made = new Map<string, { readonly digest: string; readonly json: string }>();
  private readonly dropped = new Set<string>();

  private constructor(readonly path: string, private readonly key: string, stored: Stored['files']) {
    this.read = new Map(Object.entries(stored));
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
    const o = this.read.get(file);
    return o ? digestOf(o) : undefined;
  }

  /** The cached summary of a file (undefined: none, or the file is not linted on its own). */
  summary(file: string): FileSummary | undefined {
    const o = this.read.get(file);
    return o?.kind === 'leaf' ? o.summary : undefined;
  }

  /**
   * Takes in the outcome of linting a file in this run, with its JSON text when the caller has it
   * already (a worker's reply); a file whose bytes could not be read is dropped.
   */
  record(o: FileOutcome, json?: string): void {
    if (o.kind === 'hit') return;
    const digest = o.kind === 'leaf' ? o.summary.digest : o.digest;
    this.read.delete(o.path);
    if (digest === '') { this.dropped.add(o.path); return; }
    this.made.set(o.path, { digest, json: json ?? JSON.stringify(o) });
  }

  /**
   * Writes the cache (when anything changed); entries of files that no longer exist are dropped.
   * Returns why it could not be written, if it could not (a lint run does not fail for a cache).
   */
  save(seen: ReadonlySet<string>): string | undefined {
    const gone = [...this.read.keys()].filter((path) => !seen.has(path) && !existsSync(path));
    if (this.made.size === 0 && this.dropped.size === 0 && gone.length === 0 && existsSync(this.path)) return undefined;
    for (const path of gone) this.read.delete(path);
    const parts: string[] = [];
    for (const [path, o] of this.read) parts.push(`${JSON.stringify(path)}:${JSON.stringify(o)}`);
    for (const [path, m] of this.made) parts.push(`${JSON.stringify(path)}:${m.json}`);
    try {
      writeAtomic(this.path, `{"layout":${LAYOUT},"key":${JSON.stringify(this.key)},"files":{${parts.join(',')}}}`);
      return undefined;
    } catch (e) {
      return (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    }
  }
}
