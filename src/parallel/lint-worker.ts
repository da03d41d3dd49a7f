/**
 * A worker thread that lints files on their own (per-file.ts): it is given the run's job once,
 * then batches of paths, and answers each batch with the files' outcomes (summaries, not texts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { FileLinter, type FileJob } from '../lint/per-file.js';

/** Paths to lint, with the digest of a result the main thread holds for each ('' for none). */
export interface Batch { readonly paths: readonly string[]; readonly known: readonly string[] }
/**
 * The outcomes, as JSON text: copying one string between threads is far cheaper than the
 * structured clone of thousands of small objects.
 */
export interface BatchReply { readonly outcomes: string }

if (parentPort) {
  const port = parentPort;
  const linter = new FileLinter(workerData as FileJob);
  port.on('message', (batch: Batch) => {
    const outcomes = batch.paths.map((p, i) => linter.lint(p, batch.known[i] || undefined));
    port.postMessage({ outcomes: JSON.stringify(outcomes) } satisfies BatchReply);
  });
}
