/**
 * `--cache`: what each file linted on its own left (its summary, see lint/summary.ts), kept from
 * one run to the next. An entry is used when the file's bytes have the same sha1 and the run has
 * the same key: milint's version and build, the effective rule settings and the limits. Project
 * rules are never cached: they run again over every file's summary, so a change in one file still
 * reaches the reports of the others.
 *
 * The file is one line per linted file, `path<TAB>digest<TAB>check<TAB>outcome JSON`, under a header
 * line with the layout and key: a run parses the outcome of a file only when it uses it (one at a
 * time, so they never pile up in memory), and writes unchanged lines back as they were read. The
 * check is a digest of the outcome's text: a line that is not exactly what milint wrote (edited,
 * or damaged) is not used, and its file is linted again.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { BUILD, VERSION } from '../version.js';
import { writeAtomic } from '../io/write-atomic.js';
import type { FileSummary } from '../lint/summary.js';
import { sha1 } from '../io/digest.js';
import type { FileJob, FileOutcome } from '../lint/per-file.js';

/** Bumped when the layout of summaries changes. */
const LAYOUT = 7;

/** Where the cache goes when `--cache-location` is not given (a folder, relative to the cwd). */
export const DEFAULT_CACHE_LOCATION = join('node_modules', '.cache', 'milint') + sep;

/** The name of the cache file inside a cache folder. */
export const CACHE_FILE_NAME = 'lint-cache.tsv';

/** A file's line: its digest, and the outcome of linting it as JSON text (parsed when used) with its check. */
interface Line { readonly digest: string; readonly check: string; readonly json: string }

/** The check of an outcome's JSON text. */
const checkOf = (json: string): string => sha1(json).slice(0, 16);

/**
 * The cache file for a `--cache-location`: a folder (an existing one, or a path ending in a
 * separator) holds `lint-cache.tsv`; anything else is the file itself.
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
  private readonly lines: Map<string, Line>;
  private changed = false;

  private constructor(readonly path: string, private readonly key: string, lines: Map<string, Line>) {
    this.lines = lines;
  }

  /** Opens the cache at `path`; a missing, unreadable or foreign file is an empty cache. */
  static open(path: string, key: string): LintCache {
    const lines = new Map<string, Line>();
    let text = '';
    try { text = readFileSync(path, 'utf8'); } catch { /* no cache yet */ }
    const header = `milint-cache\t${LAYOUT}\t${key}\n`;
    if (text.startsWith(header)) {
      for (let at = header.length; at < text.length;) {
        let end = text.indexOf('\n', at);
        if (end === -1) end = text.length;
        const a = text.indexOf('\t', at);
        const b = a === -1 ? -1 : text.indexOf('\t', a + 1);
        const c = b === -1 ? -1 : text.indexOf('\t', b + 1);
        // A line that is not ours (a cache cut short, edited by hand) is left out.
        if (c !== -1 && c < end) {
          try {
            lines.set(JSON.parse(text.slice(at, a)) as string, { digest: text.slice(a + 1, b), check: text.slice(b + 1, c), json: text.slice(c + 1, end) });
          } catch { /* skip */ }
        }
        at = end + 1;
      }
    }
    return new LintCache(path, key, lines);
  }

  /** The digest of the bytes the cached result was made from. */
  digest(file: string): string | undefined {
    return this.lines.get(file)?.digest;
  }

  /**
   * The cached outcome of a file: its summary, `full` (a file not linted on its own), or `unusable`
   * (a line cut short or edited: lint the file again).
   */
  outcome(file: string): { readonly summary: FileSummary } | 'full' | 'unusable' | undefined {
    const line = this.lines.get(file);
    if (!line) return undefined;
    if (checkOf(line.json) !== line.check) return 'unusable';
    try {
      const o = JSON.parse(line.json) as FileOutcome;
      if (o.kind === 'full' && o.digest === line.digest) return 'full';
      if (o.kind === 'leaf' && o.summary.digest === line.digest && o.path === file) return { summary: o.summary };
    } catch { /* below */ }
    return 'unusable';
  }

  /**
   * Takes in the outcome of linting a file in this run, with its JSON text when the caller has it
   * already (a worker's reply); a file whose bytes could not be read is dropped.
   */
  record(o: FileOutcome, json?: string): void {
    if (o.kind === 'hit') return;
    const digest = o.kind === 'leaf' ? o.summary.digest : o.digest;
    this.changed = true;
    let text = json;
    if (text === undefined) {
      try { text = JSON.stringify(o); } catch { text = undefined; }
    }
    if (digest === '' || text === undefined) { this.lines.delete(o.path); return; }
    this.lines.set(o.path, { digest, check: checkOf(text), json: text });
  }

  /**
   * Writes the cache (when anything changed); entries of files that no longer exist are dropped.
   * Returns why it could not be written, if it could not (a lint run does not fail for a cache).
   */
  save(seen: ReadonlySet<string>): string | undefined {
    for (const path of [...this.lines.keys()]) {
      if (!seen.has(path) && !existsSync(path)) { this.lines.delete(path); this.changed = true; }
    }
    if (!this.changed && existsSync(this.path)) return undefined;
    const out = [`milint-cache\t${LAYOUT}\t${this.key}\n`];
    for (const [path, line] of this.lines) out.push(`${JSON.stringify(path)}\t${line.digest}\t${line.check}\t${line.json}\n`);
    try {
      writeAtomic(this.path, out.join(''));
      return undefined;
    } catch (e) {
      return (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    }
  }
}
