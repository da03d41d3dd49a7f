/**
 * A worker thread that lints files on their own (per-file.ts): it is given the run's job once,
 * then batches of paths, and answers each batch with the files' outcomes (summaries, not texts).
 * Hashing alone (a cached run learning which files changed) is hash-worker.ts's job.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { FileLinter, type FileJob, type FileOutcome } from '../lint/per-file.js';

export type Request =
  | { readonly kind: 'lint'; readonly paths: readonly string[] }
  | { readonly kind: 'digest'; readonly paths: readonly string[] };

/**
 * Each file's outcome as JSON text (copying strings between threads is far cheaper than the
 * structured clone of thousands of small objects, and the text is what a cache stores), or the
 * sha1 of each file's bytes ('' when it cannot be read).
 */
export type Reply = { readonly outcomes: readonly string[] } | { readonly digests: readonly string[] };

/** Answers a lint request; the main thread uses it too, for a batch whose worker died. */
export function answer(req: Request, linter: FileLinter): Reply {
  return { outcomes: req.paths.map((p) => toJson(linter.lint(p))) };
}

/** An outcome as JSON; one that cannot be written so (a bug) leaves its file to the main graph. */
function toJson(o: FileOutcome): string {
  try {
    return JSON.stringify(o);
  } catch {
    return JSON.stringify({ kind: 'full', path: o.path, digest: '' } satisfies FileOutcome);
  }
}

if (parentPort) {
  const port = parentPort;
  const linter = new FileLinter(workerData as FileJob);
  port.on('message', (req: Request) => port.postMessage(answer(req, linter)));
}
