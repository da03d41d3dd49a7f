/**
 * Lints the files of a run that can be linted on their own (see per-file.ts), in worker threads
 * when the run is large enough for them to pay (`--concurrency`), else on this thread. Either way
 * every file gets one outcome, the same whichever thread made it.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { FileLinter, type FileJob, type FileOutcome } from '../lint/per-file.js';
import type { Batch, BatchReply } from './lint-worker.js';

export type Concurrency = number | 'auto' | 'off';

/**
 * Below this many files `auto` stays on one thread: starting a worker (loading the linter into
 * a fresh isolate) costs about as much as linting a couple of hundred pages.
 */
export const AUTO_MIN_FILES = 400;

/** How many worker threads a run of `files` files uses (0: this thread only). */
export function threadsFor(concurrency: Concurrency, files: number): number {
  if (concurrency === 'off') return 0;
  if (concurrency === 'auto') return files < AUTO_MIN_FILES ? 0 : Math.min(availableParallelism(), 8);
  return Math.max(0, Math.min(Math.floor(concurrency), files));
}

/** The worker script: next to this module when built; from dist/ when running the sources (tests). */
function workerUrl(): URL {
  const here = new URL('./lint-worker.js', import.meta.url);
  return existsSync(fileURLToPath(here)) ? here : new URL('../../dist/parallel/lint-worker.js', import.meta.url);
}

/**
 * A worker's young generation, in MiB. A file's garbage dies young, so a small nursery is enough:
 * measured on 10,000 pages, 8 MiB instead of V8's default took peak RSS from ~320 to ~280 MiB at
 * about the same speed.
 */
const WORKER_YOUNG_MB = 8;

/** Files per message: large enough to keep messages few, small enough to share the work evenly. */
const BATCH = 64;

/**
 * Lints `paths`. `known` is called once the workers are starting (so that reading a cache
 * overlaps their start-up); it gives, per path, the digest of a result the caller already holds:
 * such a file comes back as a hit when its bytes still have that digest.
 */
export async function lintEach(
  paths: readonly string[], job: FileJob, threads: number,
  knownDigests: () => (path: string) => string | undefined, onDone?: (done: number, total: number) => void,
): Promise<Map<string, FileOutcome>> {
  const out = new Map<string, FileOutcome>();
  const total = paths.length;
  if (threads === 0) {
    const known = knownDigests();
    const linter = new FileLinter(job);
    for (const p of paths) {
      out.set(p, linter.lint(p, known(p)));
      onDone?.(out.size, total);
    }
    return out;
  }
  const workers = Array.from({ length: Math.min(threads, Math.ceil(paths.length / BATCH)) },
    () => new Worker(workerUrl(), { workerData: job, resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_MB } }));
  const known = knownDigests();
  let next = 0;
  const take = (): Batch | undefined => {
    if (next >= paths.length) return undefined;
    const chunk = paths.slice(next, (next += BATCH));
    return { paths: chunk, known: chunk.map((p) => known(p) ?? '') };
  };
  await Promise.all(workers.map((worker) => new Promise<void>((resolve, reject) => {
    const first = take();
    if (!first) { void worker.terminate(); resolve(); return; }
    worker.on('message', (reply: BatchReply) => {
      for (const o of JSON.parse(reply.outcomes) as FileOutcome[]) out.set(o.path, o);
      onDone?.(out.size, total);
      const batch = take();
      if (batch) worker.postMessage(batch);
      else { void worker.terminate(); resolve(); }
    });
    worker.once('error', reject);
    worker.once('exit', (code) => { if (code !== 0 && code !== 1) reject(new Error(`lint worker exited with code ${code}`)); });
    worker.postMessage(first);
  })));
  return out;
}
