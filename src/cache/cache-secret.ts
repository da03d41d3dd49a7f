/**
 * The secret that authenticates cache files: 32 random bytes in the user's cache folder
 * (`$XDG_CACHE_HOME/milint/key`, else `~/.cache/milint/key`), outside any repository, made on
 * first use with mode 0600 in a folder of mode 0700. A cache file is trusted only when its MAC
 * under this key is right, so a cache file written by anyone else (committed to a repository,
 * restored from CI storage on another machine, edited) is not used. A key that cannot be made or
 * read safely (no home folder, a link, another owner, loose permissions) leaves the cache off.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, constants, fstatSync, linkSync, lstatSync, mkdirSync, openSync, readSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, isAbsolute, join } from 'node:path';
import { fsReason } from '../io/fs-reason.js';
import { makeDirs } from '../io/write-atomic.js';

const KEY_BYTES = 32;

/** The key, or why there is none (with the path it was looked for at). */
export type CacheSecret = { readonly key: Buffer; readonly path: string } | { readonly error: string; readonly path: string };

/** Where the key lives for an environment. */
export function secretPath(env: NodeJS.ProcessEnv = process.env): string {
  const xdg = env.XDG_CACHE_HOME;
  const base = xdg && isAbsolute(xdg) ? xdg : join(env.HOME || homedir(), '.cache');
  return join(base, 'milint', 'key');
}

const loaded = new Map<string, CacheSecret>();

/** The cache key for this user, made on first use; looked up once per process and path. */
export function cacheSecret(env: NodeJS.ProcessEnv = process.env): CacheSecret {
  const path = secretPath(env);
  let found = loaded.get(path);
  if (!found) {
    try {
      found = { key: readOrMake(path), path };
    } catch (e) {
      found = { error: e instanceof KeyError ? e.message : fsReason(e), path };
    }
    loaded.set(path, found);
  }
  return found;
}

class KeyError extends Error {}

const uid = process.getuid?.();

function readOrMake(path: string): Buffer {
  const dir = dirname(path);
  makeDirs(dirname(dir));
  try { mkdirSync(dir, { mode: 0o700 }); } catch (e) { if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e; }
  const st = lstatSync(dir);
  if (!st.isDirectory()) throw new KeyError(`${dir} is not a folder`);
  if (uid !== undefined && st.uid !== uid) throw new KeyError(`${dir} belongs to another user`);
  const existing = read(path);
  if (existing) return existing;
  make(path);
  const made = read(path);
  if (!made) throw new KeyError(`${path} could not be made`);
  return made;
}

/** The key at `path`, or undefined when there is none yet; throws when it is not safe to trust. */
function read(path: string): Buffer | undefined {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    if ((e as NodeJS.ErrnoException).code === 'ELOOP') throw new KeyError(`${path} is a symbolic link`);
    throw e;
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile() || st.size !== KEY_BYTES) throw new KeyError(`${path} is not a key milint made`);
    if (uid !== undefined && st.uid !== uid) throw new KeyError(`${path} belongs to another user`);
    // Windows has no such mode bits (its files show 0o666): there the folder's ACL is what guards it.
    if (process.platform !== 'win32' && (st.mode & 0o077) !== 0) throw new KeyError(`${path} can be read by other users (chmod 600 it)`);
    const key = Buffer.alloc(KEY_BYTES);
    if (readSync(fd, key, 0, KEY_BYTES, 0) !== KEY_BYTES) throw new KeyError(`${path} is not a key milint made`);
    return key;
  } finally {
    closeSync(fd);
  }
}

/** Writes a new key whole, then links it into place: a run racing this one sees it whole or not at all. */
function make(path: string): void {
  const tmp = `${path}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
  try {
    writeFileSync(tmp, randomBytes(KEY_BYTES), { flag: 'wx', mode: 0o600 });
    linkSync(tmp, path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  } finally {
    rmSync(tmp, { force: true });
  }
}
