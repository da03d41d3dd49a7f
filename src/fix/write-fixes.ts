/**
 * Writes the files `--fix` changed, as safely as a file can be replaced: only a regular file inside
 * the project (a link is written through, to its target, when that lies inside), keeping its mode
 * and owner, never splitting hard links, never touching a read-only file, and never losing an edit
 * made meanwhile: the bytes on disk are compared with those that were checked right before the new
 * text is renamed into place. Every file that is not written is said, with the reason.
 */
import { closeSync, fchmodSync, fchownSync, lstatSync, openSync, realpathSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { describeRefusal, readGuarded, ReadRefused } from '../io/read-guard.js';
import { insideAny } from '../io/paths.js';

export interface FixedText {
  readonly path: string;
  /** The text as read (with its BOM, if any). */
  readonly before: string;
  readonly after: string;
}

/** Why a fixed file was not written. */
export type NotWritten =
  | { readonly path: string; readonly kind: 'changed' }
  | { readonly path: string; readonly kind: 'refused'; readonly reason: string }
  | { readonly path: string; readonly kind: 'failed'; readonly reason: string };

export interface WriteOutcome {
  readonly written: readonly string[];
  readonly notWritten: readonly NotWritten[];
}

/** Writes each fixed file (see the module comment); `within`: the real project roots (undefined: anywhere). */
export function writeFixes(fixed: readonly FixedText[], within?: readonly string[]): WriteOutcome {
  const written: string[] = [];
  const notWritten: NotWritten[] = [];
  for (const f of fixed) {
    const problem = writeOne(f, within);
    if (problem) notWritten.push(problem);
    else written.push(f.path);
  }
  return { written, notWritten };
}

const code = (e: unknown): string => (e as NodeJS.ErrnoException).code ?? (e as Error).message;

function writeOne(f: FixedText, within: readonly string[] | undefined): NotWritten | undefined {
  const refused = (reason: string): NotWritten => ({ path: f.path, kind: 'refused', reason });
  const failed = (e: unknown): NotWritten => ({ path: f.path, kind: 'failed', reason: code(e) });
  let real: string;
  try { real = realpathSync.native(f.path); } catch (e) { return failed(e); }
  if (within && !insideAny(within, real)) return refused(describeRefusal({ kind: 'outside-root' }));
  let st;
  try { st = lstatSync(real); } catch (e) { return failed(e); }
  if (!st.isFile()) return refused('it is not a regular file');
  if (st.nlink > 1) return refused(`it has ${st.nlink} hard links, which writing a new file would split`);
  if ((st.mode & 0o222) === 0) return refused('it is read-only');
  const expected = Buffer.from(f.before, 'utf8');
  const tmp = join(dirname(real), `.${basename(real)}.milint-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(tmp, 'wx', st.mode & 0o7777);
  } catch (e) {
    return failed(e);
  }
  try {
    const data = Buffer.from(f.after, 'utf8');
    for (let at = 0; at < data.length;) at += writeSync(fd, data, at, data.length - at);
    fchmodSync(fd, st.mode & 0o7777);
    const uid = process.getuid?.();
    if (uid !== undefined && (st.uid !== uid || st.gid !== process.getgid?.())) {
      try { fchownSync(fd, st.uid, st.gid); } catch {
        closeSync(fd);
        fd = undefined;
        rmSync(tmp, { force: true });
        return refused(`it belongs to another user or group (${st.uid}:${st.gid}), which a new file would not keep`);
      }
    }
    closeSync(fd);
    fd = undefined;
    // As late as possible: the file on disk must still be the one that was checked and fixed.
    let now: ReturnType<typeof readGuarded> | undefined;
    try { now = readGuarded(real, { maxBytes: expected.length + 1 }); } catch (e) { if (!(e instanceof ReadRefused)) throw e; }
    if (!now || now.stat.ino !== st.ino || !now.bytes.equals(expected)) {
      rmSync(tmp, { force: true });
      return { path: f.path, kind: 'changed' };
    }
    renameSync(tmp, real);
    return undefined;
  } catch (e) {
    if (fd !== undefined) closeSync(fd);
    rmSync(tmp, { force: true });
    return failed(e);
  }
}
