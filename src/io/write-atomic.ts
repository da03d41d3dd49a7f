import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * Writes a file all at once: into a temporary file next to it, then renamed over it, so that a
 * reader never sees half a file. Creates missing folders; `mode` sets the file's permissions.
 * The temporary file has a random name and is created exclusively (`wx`): a file or a symbolic
 * link planted at that name is never written through.
 */
export function writeAtomic(path: string, text: string, mode?: number): void {
  makeDirs(dirname(path));
  const tmp = join(dirname(path), `.${basename(path)}.milint-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  try {
    writeFileSync(tmp, text, { flag: 'wx', ...(mode === undefined ? {} : { mode }) });
    if (mode !== undefined) chmodSync(tmp, mode);
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}

/**
 * Creates a folder and its missing parents one at a time, from the deepest one that exists. An
 * error is thrown as it comes: `mkdirSync(dir, { recursive: true })` retries on ENOENT and spins
 * forever where a parent exists but refuses children (`/proc/nope/`).
 */
export function makeDirs(dir: string): void {
  const missing: string[] = [];
  for (let d = dir; ; d = dirname(d)) {
    // Throws ENOTDIR when a parent is a file, EACCES when one cannot be searched.
    const st = statSync(d, { throwIfNoEntry: false });
    if (st) {
      if (!st.isDirectory()) throw Object.assign(new Error(`ENOTDIR: not a directory, mkdir '${dir}'`), { code: 'ENOTDIR', path: d });
      break;
    }
    missing.push(d);
    if (dirname(d) === d) break;
  }
  for (const d of missing.reverse()) {
    try {
      mkdirSync(d);
    } catch (e) {
      // Made meanwhile by someone else: fine if it is a folder now.
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST' || !statSync(d).isDirectory()) throw e;
    }
  }
}
