import * as crypto from 'node:crypto';
import { closeSync, fstatSync, openSync, readFileSync, readSync, statSync, type Stats } from 'node:fs';

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
 * during the read shows in the next stamp). The same system calls as `readFileSync`; a file that
 * cannot be read throws `readFileSync`'s own error.
 */
export function readStamped(path: string): { readonly bytes: Buffer; readonly stamp: string } {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const st = fstatSync(fd);
    if (!st.isFile() || st.size === 0) return { bytes: readFileSync(fd), stamp: st.isFile() ? stampOf(st) : '' };
    const bytes = Buffer.allocUnsafe(st.size);
    let got = 0;
    while (got < bytes.length) {
      const n = readSync(fd, bytes, got, bytes.length - got, null);
      if (n === 0) break;
      got += n;
    }
    return { bytes: got === bytes.length ? bytes : bytes.subarray(0, got), stamp: stampOf(st) };
  } catch {
    // The usual error (a folder, a missing file, no permission), as a plain read reports it.
    return { bytes: readFileSync(path), stamp: '' };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
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
export function fileDigest(path: string, stamp?: string | null): readonly [digest: string, stamp: string] | null {
  if (stamp && hasStamp(path, stamp)) return null;
  try {
    const read = readStamped(path);
    return [sha1(read.bytes), read.stamp];
  } catch {
    return ['', ''];
  }
}
