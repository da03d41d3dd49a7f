/**
 * Checks a cache location before a run reads or writes it: never a symbolic link (the cache is
 * never read or written through one), never a device, FIFO or socket, never a place outside the
 * project reached through a linked folder inside it, and never an existing file that is not a milint cache
 * (`--cache-location model-index.yml` would otherwise overwrite the index).
 */
import { closeSync, constants, lstatSync, openSync, readSync } from 'node:fs';
import { resolve } from 'node:path';
import { checkOutput, OutputError, shownPath } from '../io/safe-output.js';

/** How every cache file starts. */
export const CACHE_MAGIC = 'milint-cache\t';

/** Throws an `OutputError` naming `path` when the cache may not live there. */
export function checkCacheLocation(path: string, root: string): void {
  const abs = resolve(path);
  const fail = (reason: string): never => { throw new OutputError(`cannot use the cache ${shownPath(abs)}: ${reason}.`); };
  let st;
  try {
    st = lstatSync(abs, { throwIfNoEntry: false });
  } catch {
    // A path that cannot be looked at (below a file, no permission) cannot be written either: the
    // run goes on, and saving the cache fails with a note, as any unwritable cache does.
    return;
  }
  if (st?.isSymbolicLink()) fail('it is a symbolic link; the cache is never read or written through one');
  const target = checkOutput(abs, { root }, 'use the cache');
  if (target.mode !== 'replace') fail('it is not a regular file');
  if (st && !startsAsCache(abs)) fail(`it is not a milint cache file (those start with "${CACHE_MAGIC.trim()}")`);
}

/** Whether a regular file is empty or starts the way every cache file does. */
function startsAsCache(path: string): boolean {
  let fd: number | undefined;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
    const head = Buffer.alloc(CACHE_MAGIC.length);
    const n = readSync(fd, head, 0, head.length, 0);
    return n === 0 || head.subarray(0, n).toString('latin1') === CACHE_MAGIC.slice(0, n);
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
