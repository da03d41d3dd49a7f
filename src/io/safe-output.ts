/**
 * Where milint may write a report (`-o`) or its cache: never over a device, FIFO or socket (a
 * character device or FIFO named outside the project, such as `/dev/stdout`, is written into, not
 * replaced), never through a symbolic link inside the project that leads out of it, never over a
 * file the run read. A write that fails is an `OutputError` that names the path and the reason.
 */
import { closeSync, constants, openSync, statSync, writeSync, type Stats } from 'node:fs';
import { relative, resolve } from 'node:path';
import { InputError } from '../errors.js';
import { inside } from './paths.js';
import { realLocation } from './read-guard.js';
import { safeText } from './sanitize.js';
import { fsReason } from './fs-reason.js';
import { writeAtomic } from './write-atomic.js';

/** A report or cache file that milint refused to write, or failed to (exit code 2, no stack). */
export class OutputError extends InputError {}

export interface OutputPolicy {
  /** The project root: a path inside it must not lead out of it through a symbolic link. */
  readonly root: string;
  /** Files the run read (absolute paths); none of them is ever written. */
  readonly inputs?: Iterable<string>;
}

/** Whether `path` is `dir` or lies below it (both absolute and normalised). */
const isInside = (path: string, dir: string): boolean => inside(dir, path);

/** The real path of `path` even where it does not exist yet (see `realLocation`). */
export const realPathOf = realLocation;

/** `path` for a message: relative to `cwd` when below it, escaped for the terminal. */
export function shownPath(path: string, cwd: string = process.cwd()): string {
  return safeText(isInside(path, cwd) && path !== cwd ? relative(cwd, path) : path);
}

/** What kind of thing a non-regular file is, for a refusal. */
function kindOf(st: Stats): string {
  if (st.isDirectory()) return 'a folder';
  if (st.isSocket()) return 'a socket';
  if (st.isBlockDevice()) return 'a block device';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isFIFO()) return 'a FIFO';
  return 'not a regular file';
}

/**
 * Checks that `path` may be written under `policy`, and returns where to write: `replace` (a
 * regular file or a new one, at its real path) or `into` (a character device or FIFO outside the
 * project, written in place). Throws an `OutputError` naming the path otherwise.
 */
export function checkOutput(path: string, policy: OutputPolicy, what = 'write'): { readonly mode: 'replace' | 'into'; readonly path: string } {
  const abs = resolve(path);
  const fail = (reason: string): never => { throw new OutputError(`cannot ${what} ${shownPath(abs)}: ${reason}.`); };
  let st: Stats | undefined;
  let real: string;
  try {
    st = statSync(abs, { throwIfNoEntry: false });
    real = realPathOf(abs);
  } catch (e) {
    return fail(fsReason(e));
  }
  const root = resolve(policy.root);
  if (isInside(abs, root) && !isInside(real, realPathOf(root))) fail('it is a symbolic link to a place outside the project root');
  if (st && !st.isFile()) {
    const outside = !isInside(abs, root);
    if (outside && (st.isCharacterDevice() || st.isFIFO())) return { mode: 'into', path: abs };
    fail(st.isDirectory() ? 'it is a folder' : `it is ${kindOf(st)}; milint writes only regular files`);
  }
  // Compared by path and by inode: an input reached through another link is the same file.
  if (st && policy.inputs) {
    for (const input of policy.inputs) if (input === abs || input === real || isSame(input, st)) fail('it is a file this run read');
  }
  return { mode: 'replace', path: real };
}

/** Whether `path` is the file `st` describes (same device and inode). */
function isSame(path: string, st: Stats): boolean {
  try {
    const other = statSync(path);
    return other.ino === st.ino && other.dev === st.dev;
  } catch {
    return false;
  }
}

/** Writes a report to `path` after `checkOutput`; any failure is an `OutputError` naming the path. */
export function writeOutput(path: string, text: string, policy: OutputPolicy): void {
  const target = checkOutput(path, policy);
  try {
    if (target.mode === 'replace') { writeAtomic(target.path, text); return; }
    writeInto(target.path, text);
  } catch (e) {
    throw new OutputError(`cannot write ${shownPath(resolve(path))}: ${fsReason(e)}.`, undefined, { cause: e });
  }
}

/** Writes into a character device or FIFO without replacing it; a FIFO nobody reads fails (ENXIO) instead of waiting. */
function writeInto(path: string, text: string): void {
  if (statSync(path).isFIFO()) closeSync(openSync(path, constants.O_WRONLY | constants.O_NONBLOCK));
  const fd = openSync(path, constants.O_WRONLY | constants.O_APPEND);
  try {
    const bytes = Buffer.from(text);
    for (let at = 0; at < bytes.length;) at += writeSync(fd, bytes, at);
  } finally {
    closeSync(fd);
  }
}
