/**
 * A worker thread that only hashes files: a cached run learns which files changed with these
 * (they start in a few milliseconds and hold almost nothing), and starts lint workers only for
 * what changed. A file that still has the stamp the cache recorded is not even read.
 */
import { parentPort } from 'node:worker_threads';
import { fileDigest } from '../../io/digest.js';
import type { ReadGuard } from '../../io/read-guard.js';

if (parentPort) {
  const port = parentPort;
  port.on('message', (req: { readonly paths: readonly string[]; readonly stamps: readonly (string | null)[]; readonly guard: ReadGuard }) => {
    port.postMessage({ digests: req.paths.map((p, i) => fileDigest(p, req.stamps[i], req.guard)) });
  });
}
