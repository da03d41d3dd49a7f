/**
 * The one way milint reads a file of the repository it checks. A repository is untrusted input: a
 * page may be a symbolic link to a secret outside the project, to `/dev/zero`, or a FIFO. So a read
 * resolves the path's real location first and refuses, without opening it, anything outside the
 * allowed roots; the file is then opened (not following a link, not blocking) and refused before a
 * byte is read unless it is a regular file within the size limit, and read never past the limit.
 */
import { closeSync, constants, fstatSync, lstatSync, openSync, readlinkSync, readSync, realpathSync, statSync, type Stats } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { insideAny } from './paths.js';

/** What may be read: files whose real path lies inside `roots` (absolute real paths; undefined: anywhere), of at most `maxBytes`. */
export interface ReadGuard {
  readonly roots?: readonly string[];
  readonly maxBytes: number;
}

/** Why a file was not read. */
export type Refusal =
  | { readonly kind: 'outside-root' }
  | { readonly kind: 'not-regular'; readonly type: 'directory' | 'device' | 'fifo' | 'socket' | 'other' }
  | { readonly kind: 'too-large'; readonly size: number; readonly max: number }
  | { readonly kind: 'error'; readonly code: string };

/** A read that was refused or failed; `refusal` says why, in data. */
export class ReadRefused extends Error {
  constructor(readonly path: string, readonly refusal: Refusal) {
    super(`${path}: ${describeRefusal(refusal)}`);
  }
}

/** A refusal in words (for `file/unreadable` and error messages); never quotes the file's content. */
export function describeRefusal(r: Refusal): string {
  switch (r.kind) {
    case 'outside-root': return 'it is a symbolic link to a place outside the project root';
    case 'not-regular': return r.type === 'directory' ? 'it is a folder' : `it is a ${r.type === 'fifo' ? 'FIFO (named pipe)' : r.type === 'other' ? 'special file' : r.type}, not a regular file`;
    case 'too-large': return `it is larger than the limit of ${r.max.toLocaleString('en-US')} bytes`;
    case 'error': return r.code;
  }
}

/** The kind of a file that is not regular. */
function typeOf(st: Stats): 'directory' | 'device' | 'fifo' | 'socket' | 'other' {
  if (st.isDirectory()) return 'directory';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'device';
  if (st.isFIFO()) return 'fifo';
  if (st.isSocket()) return 'socket';
  return 'other';
}

const errorCode = (e: unknown): string => (e as NodeJS.ErrnoException).code ?? (e as Error).message;

/** The real path of `path` (links resolved), or a refusal. */
export function realPathOf(path: string): string {
  try {
    return realpathSync.native(path);
  } catch (e) {
    throw new ReadRefused(path, { kind: 'error', code: errorCode(e) });
  }
}

/** Throws unless `st` is a regular file within the size limit. */
function checkStat(path: string, st: Stats, maxBytes: number): void {
  if (!st.isFile()) throw new ReadRefused(path, { kind: 'not-regular', type: typeOf(st) });
  if (st.size > maxBytes) throw new ReadRefused(path, { kind: 'too-large', size: st.size, max: maxBytes });
}

// O_NOFOLLOW: the real path was resolved; a link put in its place since is refused, not followed.
// O_NONBLOCK: a FIFO put in its place cannot make the open wait for a writer.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);

/** A file's bytes and its stat at the time of the read. Throws `ReadRefused`. */
export function readGuarded(path: string, guard: ReadGuard): { readonly bytes: Buffer; readonly stat: Stats; readonly real: string } {
  const real = realPathOf(path);
  if (guard.roots && !insideAny(guard.roots, real)) throw new ReadRefused(path, { kind: 'outside-root' });
  // Outside any root (allowOutsideRoot), a path may lead to any device: it is looked at before it is
  // opened, since opening a device can have effects of its own. Inside the project, a checkout holds
  // no devices (git stores none), and the open file is looked at below before a byte is read.
  let st: Stats | undefined;
  if (!guard.roots) {
    try { st = statSync(real); } catch (e) { throw new ReadRefused(path, { kind: 'error', code: errorCode(e) }); }
    checkStat(path, st, guard.maxBytes);
  }
  let fd: number;
  try { fd = openSync(real, OPEN_FLAGS); } catch (e) { throw new ReadRefused(path, { kind: 'error', code: errorCode(e) }); }
  try {
    const now = fstatSync(fd);
    checkStat(path, now, guard.maxBytes);
    if (st && (now.ino !== st.ino || now.dev !== st.dev)) throw new ReadRefused(path, { kind: 'error', code: 'the file was replaced while it was opened' });
    return { bytes: readBounded(path, fd, now.size, guard.maxBytes), stat: now, real };
  } finally {
    closeSync(fd);
  }
}

/**
 * Reads an open file to its end, but never more than `maxBytes` (a file that grows while it is read,
 * or a special file that reports size 0, cannot make the read go on).
 */
function readBounded(path: string, fd: number, size: number, maxBytes: number): Buffer {
  let buf = Buffer.allocUnsafe(Math.min(Math.max(size, 0), maxBytes) + 1);
  let got = 0;
  for (;;) {
    if (got === buf.length) {
      if (buf.length > maxBytes) throw new ReadRefused(path, { kind: 'too-large', size: got, max: maxBytes });
      const bigger = Buffer.allocUnsafe(Math.min(buf.length * 2, maxBytes + 1));
      buf.copy(bigger, 0, 0, got);
      buf = bigger;
    }
    let n: number;
    try { n = readSync(fd, buf, got, buf.length - got, null); } catch (e) {
      throw new ReadRefused(path, { kind: 'error', code: errorCode(e) });
    }
    if (n === 0) break;
    got += n;
  }
  return buf.subarray(0, got);
}

/** The real paths of folders (those that exist; others as given), for `ReadGuard.roots`. */
export function realRoots(dirs: readonly string[]): string[] {
  return dirs.map((d) => { try { return realpathSync.native(d); } catch { return d; } });
}

/**
 * Where a path really leads, also where it does not exist yet: links followed (a dangling one to
 * where it points), the missing tail kept as written. Throws on a loop of links.
 */
export function realLocation(path: string, depth = 0): string {
  if (depth > 40) throw Object.assign(new Error(`ELOOP: ${path}`), { code: 'ELOOP' });
  try {
    return realpathSync.native(path);
  } catch { /* missing, or a dangling link: below */ }
  const st = lstatSync(path, { throwIfNoEntry: false });
  if (st?.isSymbolicLink()) return realLocation(resolve(dirname(path), readlinkSync(path)), depth + 1);
  const parent = dirname(path);
  return parent === path ? path : join(realLocation(parent, depth + 1), basename(path));
}

/** `realLocation`, or the path as written where it cannot be worked out (a link loop, no access). */
export function realLocationOr(path: string): string {
  try { return realLocation(path); } catch { return path; }
}

/** Whether `path` (which must exist) lies inside `roots` by its real path. */
export function realInside(path: string, roots: readonly string[] | undefined): boolean {
  if (!roots) return true;
  try { return insideAny(roots, realpathSync.native(path)); } catch { return false; }
}
