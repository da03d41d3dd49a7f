import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/** The sha1 of bytes or text, in hex. */
export function sha1(data: Uint8Array | string): string {
  return createHash('sha1').update(data).digest('hex');
}

/** The sha1 of a file's bytes; '' when it cannot be read. */
export function fileDigest(path: string): string {
  try { return sha1(readFileSync(path)); } catch { return ''; }
}
