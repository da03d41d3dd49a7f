import * as crypto from 'node:crypto';
import { readFileSync } from 'node:fs';

// `crypto.hash` (Node 20.12 and later) hashes in one call, about a third faster on a page than a
// Hash object; older Node 20 releases build one.
const oneShot = typeof crypto.hash === 'function' ? crypto.hash : undefined;

/** The sha1 of bytes or text, in hex. */
export function sha1(data: Uint8Array | string): string {
  return oneShot ? oneShot('sha1', data, 'hex') : crypto.createHash('sha1').update(data).digest('hex');
}

/** The sha1 of a file's bytes; '' when it cannot be read. */
export function fileDigest(path: string): string {
  try { return sha1(readFileSync(path)); } catch { return ''; }
}
