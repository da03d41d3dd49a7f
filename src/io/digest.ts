import * as crypto from 'node:crypto';
import { statSync, type Stats } from 'node:fs';
import { readGuarded, type ReadGuard } from './read-guard.js';

// `crypto.hash` (Node 20.12 and later) hashes in one call, about a third faster on a page than a
// Hash object; older Node 20 releases build one.
const oneShot = typeof crypto.hash === 'function' ? crypto.hash : undefined;

/** The sha1 of bytes or text, in hex. */
export function sha1(data: Uint8Array | string): string {
  return oneShot ? oneShot('sha1', data, 'hex') : crypto.createHash('sha1').update(data).digest('hex');
}

/**
 * A file's stamp: its size, modification and change times and inode. Any write changes the
 * change time (which no tool sets back), and a file replaced by another has a new inode.
 */
export function stampOf(st: Pick<Stats, 'size' | 'mtimeMs' | 'ctimeMs' | 'ino'>): string {
  return `${st.size}:${st.mtimeMs}:${st.ctimeMs}:${st.ino}`;
}

/**
 * A file's bytes and the stamp it had when they were read (taken before reading, so that a write
 * during the read shows in the next stamp), through the read guard: a file it refuses throws
 * `ReadRefused`.
 */
export function readStamped(path: string, guard: ReadGuard): { readonly bytes: Buffer; readonly stamp: string } {
  const { bytes, stat } = readGuarded(path, guard);
  return { bytes, stamp: stampOf(stat) };
}

/** Whether the file at `path` has the stamp `stamp` now (a regular file that can be looked at). */
export function hasStamp(path: string, stamp: string): boolean {
  try {
    const st = statSync(path, { throwIfNoEntry: false });
    return st !== undefined && st.isFile() && stampOf(st) === stamp;
  } catch {
    return false;
  }
}

/**
 * The sha1 of a file's bytes and its stamp ('' for both when it cannot be read); or null, without
 * reading it, when `stamp` is given and is still the file's stamp.
 */
export function fileDigest(path: string, stamp: string | null | undefined, guard: ReadGuard): readonly [digest: string, stamp: string] | null {
  if (stamp && hasStamp(path, stamp)) return null;
  try {
    const read = readStamped(path, guard);
    return [sha1(read.bytes), read.stamp];
  } catch {
    return ['', ''];
  }
}
