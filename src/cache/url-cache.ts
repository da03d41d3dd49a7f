/**
 * The cache of the online checks (`--check-urls`, `--verify-weights`): what each link answered and
 * when, and the sha256 and size of each checkpoint downloaded, keyed by its URL and validator
 * (ETag or Last-Modified). One JSON file, `url-cache.json`, in the cache folder.
 *
 * The cache folder is in the project, and the project is untrusted: the file is never written
 * through a symbolic link (a link in its place is replaced, not followed; a folder on the way
 * that is a link stops the write) and a link in its place is not read.
 */
import { lstatSync } from 'node:fs';
import { readGuarded } from '../io/read-guard.js';
import { makeDirs, writeAtomic } from '../io/write-atomic.js';
import { dirname, join, relative, sep } from 'node:path';

export const URL_CACHE_FILE = 'url-cache.json';
const LAYOUT = 1;
/** Largest URL cache read (a regular file, not through a link; see io/read-guard.ts). */
const MAX_CACHE_BYTES = 256 << 20;
/** Entries not used for this long are dropped when the file is written. */
const KEEP_MS = 30 * 24 * 3600 * 1000;

interface Stored { readonly at: number; readonly value: unknown }
type Section = 'urls' | 'weights';

export class UrlCache {
  private readonly data: Record<Section, Record<string, Stored>>;
  private changed = false;

  private constructor(readonly path: string | undefined, data?: Record<Section, Record<string, Stored>>) {
    this.data = data ?? { urls: {}, weights: {} };
  }

  /** The cache in folder `dir` (undefined: a cache that keeps nothing); an unreadable file is an empty cache. */
  static open(dir: string | undefined): UrlCache {
    if (dir === undefined) return new UrlCache(undefined);
    const path = join(dir, URL_CACHE_FILE);
    try {
      if (!lstatSync(path).isFile()) return new UrlCache(path);
      const raw = JSON.parse(readGuarded(path, { maxBytes: MAX_CACHE_BYTES }).bytes.toString('utf8')) as { layout?: unknown; urls?: unknown; weights?: unknown };
      if (raw.layout !== LAYOUT || !isRecord(raw.urls) || !isRecord(raw.weights)) return new UrlCache(path);
      return new UrlCache(path, { urls: raw.urls as Record<string, Stored>, weights: raw.weights as Record<string, Stored> });
    } catch {
      return new UrlCache(path);
    }
  }

  /** A stored value and its age in ms, or undefined. */
  get(section: Section, key: string, now = Date.now()): { value: unknown; age: number } | undefined {
    const s = this.data[section][key];
    if (!s || typeof s.at !== 'number') return undefined;
    return { value: s.value, age: now - s.at };
  }

  set(section: Section, key: string, value: unknown, now = Date.now()): void {
    this.data[section][key] = { at: now, value };
    this.changed = true;
  }

  /**
   * Writes the file if something changed; `root` is the project folder (links between it and the
   * file stop the write). Returns the reason when it could not be written.
   */
  save(root: string, now = Date.now()): string | undefined {
    if (!this.path || !this.changed) return undefined;
    const dir = dirname(this.path);
    try {
      // Looked at before the folders are made (not to make any through a link) and after.
      let link = linkOnTheWay(root, dir);
      if (!link) { makeDirs(dir); link = linkOnTheWay(root, dir); }
      if (link) return `${link} is a symbolic link`;
      for (const section of ['urls', 'weights'] as const) {
        for (const [k, s] of Object.entries(this.data[section])) if (now - s.at > KEEP_MS) delete this.data[section][k];
      }
      // A temporary file made afresh, renamed over the path: a link there is replaced, not followed.
      writeAtomic(this.path, `${JSON.stringify({ layout: LAYOUT, ...this.data })}\n`);
      return undefined;
    } catch (e) {
      return e instanceof Error ? e.message : String(e);
    }
  }
}

/** The first folder from `root` (exclusive) down to `dir` that is a symbolic link; `dir` alone outside `root`. */
function linkOnTheWay(root: string, dir: string): string | undefined {
  const rel = relative(root, dir);
  const inside = rel !== '' && !rel.startsWith('..') && !rel.startsWith(sep) && !/^[a-zA-Z]:/.test(rel);
  const folders = inside ? rel.split(sep).map((_, i, parts) => join(root, ...parts.slice(0, i + 1))) : [dir];
  return folders.find((f) => {
    try { return lstatSync(f).isSymbolicLink(); } catch { return false; } // not made yet
  });
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
