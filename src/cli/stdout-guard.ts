/**
 * Standard output that fails: a reader that went away (`milint | head -1`, EPIPE) ends the output
 * quietly; any other failure (`milint > /dev/full`, ENOSPC) is one line on standard error and exit
 * code 2. Node reports both as an 'error' event on `process.stdout`, which with no listener is a
 * crash with a stack trace.
 */
import { fsReason } from '../io/fs-reason.js';

let failed = false;
let closed = false;

/** Listens for errors on standard output and standard error (once per process). */
export function guardStdout(): void {
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (closed || failed) return;
    if (e.code === 'EPIPE') { closed = true; return; }
    failed = true;
    process.stderr.write(`milint: cannot write standard output: ${fsReason(e)}.\n`);
    process.exitCode = 2;
  });
  // Nothing more can be said when standard error fails; it must not crash the run either.
  process.stderr.on('error', () => {});
}

/** Writes to standard output, unless its reader has gone. */
export function writeStdout(text: string): void {
  if (closed || failed) return;
  try {
    process.stdout.write(text);
  } catch (e) {
    // A synchronous stream may throw rather than emit: treated as the event would be.
    process.stdout.emit('error', e);
  }
}

/** The exit code standard output forces (2 after a failed write), if any. */
export function stdoutExitCode(): 2 | undefined {
  return failed ? 2 : undefined;
}
