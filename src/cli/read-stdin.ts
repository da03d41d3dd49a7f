/**
 * `--stdin`: standard input read as a stream. `readFileSync(0)` fails with EAGAIN on a
 * non-blocking pipe once the pipe's buffer (64 KiB) is drained before the writer is done, which
 * is what editors, pre-commit and any slow producer give. The read is bounded: past `limit`
 * bytes it stops and fails, so an endless producer (`yes | milint --stdin`) cannot exhaust memory.
 */
import { fstatSync } from 'node:fs';
import { InputError } from '../errors.js';

/** How many times the largest block standard input may be: the rest of a page is prose around its blocks. */
export const STDIN_BLOCKS = 4;

/** Reads `stream` to its end as UTF-8; an `InputError` past `limit` bytes. */
export async function readStdin(limit: number, stream: NodeJS.ReadableStream = process.stdin): Promise<string> {
  // A folder as standard input (`milint --stdin < docs`) reads as empty on some systems: say so.
  if (stream === process.stdin && isFolder(0)) throw new InputError('standard input is a folder, not a text.');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    size += bytes.length;
    if (size > limit) {
      (stream as NodeJS.ReadableStream & { destroy?: () => void }).destroy?.();
      throw new InputError(
        `standard input is larger than ${limit} bytes; milint stopped reading it.`,
        `--stdin reads at most ${STDIN_BLOCKS} times --max-block-size; raise --max-block-size for a larger text.`,
      );
    }
    chunks.push(bytes);
  }
  return Buffer.concat(chunks, size).toString('utf8');
}

/** Whether a file descriptor is a folder (false when it cannot be looked at). */
function isFolder(fd: number): boolean {
  try {
    return fstatSync(fd).isDirectory();
  } catch {
    return false;
  }
}
