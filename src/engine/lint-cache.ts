/**
 * `--cache`: what each file linted on its own left (its summary, see summary.ts), kept from
 * one run to the next. An entry is used when the file's bytes have the same sha1 and the run has
 * the same key: milint's version and build, the effective rule settings and the limits. Project
 * rules are never cached: they run again over every file's summary, so a change in one file still
 * reaches the reports of the others.
 *
 * The file is one line per linted file, `path<TAB>digest<TAB>stamp<TAB>check<TAB>outcome` (the
 * outcome as `outcomeToText` writes it), under a header line with the layout and key: a run parses
 * the outcome of a file only when it uses it (one at a time, so they never pile up in memory), and
 * writes unchanged lines back as they were read. The check is a MAC (HMAC-SHA256 under the user's
 * secret key, see cache-secret.ts) of the path, the digest, the stamp and the outcome: a line that
 * is not exactly what milint wrote on this machine (edited, forged, damaged, or made elsewhere) is
 * not used, and its file is linted again. The header ends with a MAC of itself and all the lines:
 * when they are all as written, no line's own check need be worked out (one MAC over the file's
 * bytes instead of one a line). Without a key there is no cache: nothing is read or written.
 * The cache file is read only when it is a regular file reached without a symbolic link, and is
 * never written over a link, a device or a file the run read.
 *
 * The stamp (size, times and inode; `stampOf` in io/digest.ts) saves reading a file at all: a
 * file whose stamp is the one recorded has the bytes it had then, as git's index and ESLint's
 * cache assume. Only a stamp older than the cache file by `RACY_MS` is trusted: a file written
 * again within the same tick of a coarse clock could keep its stamp, so such a file is hashed (and
 * the cache written again, so that its stamp is trusted from then on). A fresh checkout changes
 * every stamp: every file is hashed, as before, and the new stamps alone do not make the cache be
 * written again.
 */
import { createHmac } from 'node:crypto';
import { closeSync, constants, existsSync, fstatSync, lstatSync, openSync, readFileSync, statSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { BUILD, VERSION } from '../version.js';
import { writeAtomic } from '../io/write-atomic.js';
import { keptKeys, type FileSummary } from './summary.js';
import { sha1 } from '../io/digest.js';
import { ruleModulesDigest } from '../rules/modules.js';
import { cacheSecret } from '../cache/cache-secret.js';
import { outcomeOf, outcomeToText, type FileJob, type FileOutcome, type OutcomeText } from './per-file.js';

/** Bumped when the layout of summaries changes. */
const LAYOUT = 13;

/** How much older than the cache file a stamp must be to be trusted (some file systems keep times to 2 s). */
export const RACY_MS = 2000;

/** Where the cache goes when `--cache-location` is not given (a folder, relative to the cwd). */
export const DEFAULT_CACHE_LOCATION = join('node_modules', '.cache', 'milint') + sep;

/** The name of the cache file inside a cache folder. */
export const CACHE_FILE_NAME = 'lint-cache.tsv';

/**
 * A file's line: its digest and stamp, and the outcome of linting it as text (read when used) with
 * its check ('' for a line made or restamped in this run: worked out when the cache is saved).
 */
interface Line { readonly digest: string; readonly stamp: string; readonly check: string; readonly text: string }

/** The header line of a cache file up to the MAC of its lines (which ends it). */
const headerOf = (key: string): string => `milint-cache\t${LAYOUT}\t${key}\t`;

/** The check of a line: a MAC of its path, digest, stamp and outcome (128 bits of HMAC-SHA256). */
const checkOf = (secret: Buffer, path: string, digest: string, stamp: string, text: string): string =>
  createHmac('sha256', secret).update(`${path}\t${digest}\t${stamp}\t${text}`).digest('hex').slice(0, 32);

/** The MAC in the header: of the header up to it and every line below. */
const macOf = (secret: Buffer, header: string, body: Uint8Array | string): string =>
  createHmac('sha256', secret).update(header).update(body).digest('hex');

/** A cache file's bytes: read only from a regular file, not through a symbolic link. */
function readRegular(path: string): { readonly bytes: Buffer; readonly written: number } | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
    const st = fstatSync(fd);
    return st.isFile() ? { bytes: readFileSync(fd), written: st.mtimeMs } : undefined;
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

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
  // A project's rules: the modules' text, and the text of each fact the summaries keep (a fact may
  // live in a helper module the rule imports).
  const facts = keptKeys({ extends: [], ignores: [], rules: new Map(job.rules) }).facts.map((f) => `${f.id}\u0000${String(f.derive)}`);
  const modules = job.ruleModules.length > 0 ? { ruleModules: ruleModulesDigest(job.ruleModules), facts: sha1(facts.join('\u0001')) } : {};
  return sha1(JSON.stringify({ layout: LAYOUT, version: VERSION, build: BUILD, rules: job.rules, limits: job.limits, ...modules }));
}

/** The user's cache secret, or undefined when there is none (see cache-secret.ts). */
function secretOrNone(): Buffer | undefined {
  const s = cacheSecret();
  return 'key' in s ? s.key : undefined;
}

export class LintCache {
  private readonly lines: Map<string, Line>;
  /** Lines whose check was found right (when the header's MAC was not). */
  private readonly verified = new Set<string>();
  private changed = false;
  /** Some file's stamp moved while its bytes did not (see `restamp`). */
  private moved = false;

  /**
   * `lines` as read, the modification time of the cache file (0: none), and whether every line is
   * as milint wrote it (the MAC in its header is right).
   */
  private constructor(readonly path: string, private readonly key: string, lines: Map<string, Line>, private readonly written: number, private readonly intact: boolean, private readonly secret: Buffer | undefined) {
    this.lines = lines;
  }

  /**
   * Opens the cache at `path`; a missing, unreadable or foreign file is an empty cache. Without a
   * secret (`cacheSecret` could not make one) the cache is empty and is never written.
   */
  static open(path: string, key: string, secret: Buffer | undefined = secretOrNone()): LintCache {
    const lines = new Map<string, Line>();
    // Bytes, then text: faster than `readFileSync(path, 'utf8')` (docs/performance.md).
    const read = secret ? readRegular(path) : undefined;
    const bytes = read?.bytes;
    const written = read?.written ?? 0;
    const text = bytes ? bytes.toString('utf8') : '';
    const header = headerOf(key);
    const headerEnd = text.startsWith(header) ? text.indexOf('\n', header.length) : -1;
    // The header is ASCII: where its line ends in the text is where it ends in the bytes.
    const intact = headerEnd !== -1 && bytes !== undefined && secret !== undefined
      && text.slice(header.length, headerEnd) === macOf(secret, header, bytes.subarray(headerEnd + 1));
    if (headerEnd !== -1) {
      for (let at = headerEnd + 1; at < text.length;) {
        let end = text.indexOf('\n', at);
        if (end === -1) end = text.length;
        const a = text.indexOf('\t', at);
        const b = a === -1 ? -1 : text.indexOf('\t', a + 1);
        const c = b === -1 ? -1 : text.indexOf('\t', b + 1);
        const d = c === -1 ? -1 : text.indexOf('\t', c + 1);
        // A line that is not ours (a cache cut short, edited by hand, no check) is left out.
        if (d !== -1 && d < end && d > c + 1) {
          try {
            lines.set(JSON.parse(text.slice(at, a)) as string, {
              digest: text.slice(a + 1, b), stamp: text.slice(b + 1, c), check: text.slice(c + 1, d), text: text.slice(d + 1, end),
            });
          } catch { /* skip */ }
        }
        at = end + 1;
      }
    }
    return new LintCache(path, key, lines, written, intact, secret);
  }

  /** A file's line when it is as milint wrote it (by the header's MAC, else its own). */
  private trusted(file: string): Line | undefined {
    const line = this.lines.get(file);
    if (!line || this.intact || this.verified.has(file)) return line;
    if (!this.secret || line.check === '' || checkOf(this.secret, file, line.digest, line.stamp, line.text) !== line.check) return undefined;
    this.verified.add(file);
    return line;
  }

  /** The digest of the bytes the cached result was made from. */
  digest(file: string): string | undefined {
    return this.trusted(file)?.digest;
  }

  /**
   * The stamp recorded for `file` when it can be trusted (see above): a file that has it still
   * has the bytes its cached result was made from.
   */
  stamp(file: string): string | undefined {
    const line = this.trusted(file);
    if (!line || line.stamp === '') return undefined;
    // The stamp's change time (its third part) must be well before the cache was written.
    const changed = Number(line.stamp.split(':', 3)[2]);
    return changed < this.written - RACY_MS ? line.stamp : undefined;
  }

  /**
   * A file found unchanged by its digest: its line takes the stamp it has now, and the cache is
   * written again (it will be newer than that stamp, which is then trusted). A stamp that moved is
   * written only if some file kept its stamp this run (see `save`).
   */
  restamp(file: string, stamp: string | undefined): void {
    const line = this.trusted(file);
    if (!line || stamp === undefined || stamp === '') return;
    if (line.stamp === stamp) { this.changed = true; return; }
    this.lines.set(file, { ...line, stamp, check: '' });
    this.verified.add(file);
    this.moved = true;
  }

  /**
   * The cached outcome of a file: its summary, `full` (a file not linted on its own), or `unusable`
   * (a line cut short or edited: lint the file again).
   */
  outcome(file: string): { readonly summary: FileSummary } | 'full' | 'unusable' | undefined {
    if (!this.lines.has(file)) return undefined;
    const line = this.trusted(file);
    if (!line) return 'unusable';
    try {
      const o = outcomeOf(file, line.digest, line.stamp, line.text);
      return o.kind === 'full' ? 'full' : { summary: o.summary };
    } catch {
      return 'unusable';
    }
  }

  /**
   * Takes in the outcome of linting a file in this run, with its text when the caller has it
   * already (a worker's reply); a file whose bytes could not be read is dropped.
   */
  record(o: FileOutcome, given?: OutcomeText): void {
    if (o.kind === 'hit') return;
    this.changed = true;
    const t = given ?? outcomeToText(o);
    const digest = t[1];
    if (digest === '') { this.lines.delete(o.path); return; }
    this.lines.set(o.path, { digest, stamp: t[2], check: '', text: t[3] });
    this.verified.add(o.path);
  }

  /**
   * Writes the cache (when anything changed); entries of files that no longer exist are dropped.
   * `stampsKept`: some file was known unchanged by its stamp this run. When none was, every stamp
   * moved (a fresh checkout, as in CI): new stamps alone do not make the cache worth writing, since
   * the next checkout moves them again. Returns why the cache could not be written, if it could not
   * (a lint run does not fail for a cache).
   */
  save(seen: ReadonlySet<string>, stampsKept: boolean): string | undefined {
    for (const path of [...this.lines.keys()]) {
      if (!seen.has(path) && !existsSync(path)) { this.lines.delete(path); this.changed = true; }
    }
    if (this.moved && stampsKept) this.changed = true;
    if (!this.secret || (!this.changed && existsSync(this.path))) return undefined;
    const secret = this.secret;
    // Never over a link, a device or a file this run read (the CLI refuses those before the run).
    let st;
    try {
      st = lstatSync(this.path, { throwIfNoEntry: false });
    } catch (e) {
      return (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    }
    if (st && !st.isFile()) return st.isSymbolicLink() ? 'it is a symbolic link' : 'it is not a regular file';
    if (seen.has(this.path)) return 'it is a file this run read';
    const out: string[] = [];
    for (const [path, line] of this.lines) {
      // A line made in this run is signed; one read keeps its check if it is right, else is dropped.
      const check = line.check === '' ? checkOf(secret, path, line.digest, line.stamp, line.text) : this.trusted(path) ? line.check : '';
      if (check !== '') out.push(`${JSON.stringify(path)}\t${line.digest}\t${line.stamp}\t${check}\t${line.text}\n`);
    }
    const body = out.join('');
    const header = headerOf(this.key);
    try {
      writeAtomic(this.path, `${header}${macOf(secret, header, body)}\n${body}`);
      return undefined;
    } catch (e) {
      return (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    }
  }
}
