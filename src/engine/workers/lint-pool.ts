/**
 * Lints the files of a run that can be linted on their own (see per-file.ts), in worker threads
 * when the run is large enough for them to pay (`--concurrency`), else on this thread. Either way
 * every file gets one outcome, the same whichever thread made it.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { FileLinter, outcomeFromText, type FileJob, type FileOutcome, type OutcomeText } from '../per-file.js';
import { answer, type Reply, type Request } from './answer.js';
import { fileDigest, hasStamp } from '../../io/digest.js';
import { guardOf } from '../../parse/load-file.js';
import type { Concurrency } from '../../lint/lint.js';

export type { Concurrency };

/**
 * Below this many files `auto` stays on one thread: on two cores workers save memory, not time
 * (figures in docs/performance.md).
 */
export const AUTO_MIN_FILES = 5000;

/**
 * How many worker threads a run of `files` files uses (0: this thread only) on a machine with
 * `cores` cores. `auto` stays on this thread with a single core, where a worker only adds its own
 * start and warm-up (docs/performance.md).
 */
export function threadsFor(concurrency: Concurrency, files: number, cores = availableParallelism()): number {
  if (concurrency === 'off') return 0;
  if (concurrency === 'auto') return files < AUTO_MIN_FILES || cores < 2 ? 0 : Math.min(cores, 8);
  return Math.max(0, Math.min(Math.floor(concurrency), files));
}

/** A worker script: next to this module when built; from dist/ when running the sources (tests). */
function workerUrl(name: 'lint-worker' | 'hash-worker'): URL {
  const here = new URL(`./${name}.js`, import.meta.url);
  return existsSync(fileURLToPath(here)) ? here : new URL(`../../../dist/engine/workers/${name}.js`, import.meta.url);
}

/**
 * A worker's heap limits, in MiB: a file's garbage dies young, and a small old generation makes a
 * worker collect instead of growing (figures in docs/performance.md). A file too big for the old
 * generation kills the worker, and the main thread lints its batch (see `Pool`).
 */
export const workerLimits = { youngMb: 8, oldMb: 96 };

/**
 * Files per lint message: a worker holds a batch's outcomes until it answers, so a small batch
 * keeps its heap small (docs/performance.md).
 */
const BATCH = 16;

/** Files per hashing message (a digest is small), and the most changed files linted here rather than in a worker. */
const HASH_BATCH = 64;

/** What the caller (a cache) knows of a file from an earlier run. */
export interface Known {
  /** The digest of the bytes its result was made from. */
  digest(path: string): string | undefined;
  /** A stamp that the file has only if it still has those bytes (see io/digest.ts). */
  stamp(path: string): string | undefined;
}

/**
 * Lints `paths`, giving each outcome to `onOutcome` as it comes. `known` tells, per path, what a
 * result the caller already holds (a cache) was made from: a file is a hit when it still has the
 * stamp, or else when its bytes still have the digest (a hit found so carries the file's stamp
 * now). With `cached` and threads, small hash workers learn which files changed (they start while
 * `known` reads the cache here), and lint workers start only for those.
 */
export async function lintEach(
  paths: readonly string[], job: FileJob, threads: number, cached: boolean, known: () => Known,
  onOutcome: (outcome: FileOutcome, text?: OutcomeText) => void, onDone?: (done: number, total: number) => void,
): Promise<{ readonly workersLost: number; readonly hashed: number }> {
  const total = paths.length;
  let done = 0;
  // Each outcome goes to the caller as it comes: a summary is turned into what the run keeps
  // while it is young, and is never held as a whole for the length of the run.
  const take = (o: FileOutcome, text?: OutcomeText): void => { onOutcome(o, text); done++; };
  let hashed = 0;
  const guard = guardOf(job.limits);
  if (threads === 0) {
    const k = known();
    const linter = new FileLinter(job);
    for (const p of paths) {
      const stamp = k.stamp(p);
      if (stamp !== undefined && hasStamp(p, stamp)) {
        take({ kind: 'hit', path: p });
      } else {
        const digest = k.digest(p);
        if (digest !== undefined) hashed++;
        take(linter.lint(p, digest));
      }
      onDone?.(done, total);
    }
    return { workersLost: 0, hashed };
  }
  let todo = paths;
  let lost = 0;
  if (cached) {
    // Which files changed: small workers look at their stamps, and hash those whose stamps moved.
    const hashers = new Pool(Math.min(threads, Math.ceil(paths.length / HASH_BATCH)), 'hash-worker', undefined, HASH_BATCH,
      (req) => ({ digests: req.kind === 'digest' ? req.paths.map((p, i) => fileDigest(p, req.stamps[i], req.guard)) : [] }));
    const changed = new Set<string>();
    try {
      // Read while the workers start.
      const k = known();
      // A file the cache has no result for is linted whatever its bytes are: it is not hashed (a
      // first run with `--cache` hashes nothing, and the hash workers stop as soon as they start).
      const looked: string[] = [];
      for (const p of paths) {
        if (k.digest(p) === undefined) changed.add(p);
        else looked.push(p);
      }
      // As each batch's answers come, its unchanged files are handed over at once: the caller
      // turns them into what the run keeps while the other batches are still being looked at.
      await hashers.each(looked, (chunk) => ({ kind: 'digest', paths: chunk, stamps: chunk.map((p) => k.stamp(p) ?? null), guard }), (chunk, reply) => {
        const digests = 'digests' in reply ? reply.digests : [];
        chunk.forEach((p, i) => {
          const d = digests[i];
          if (d !== null) hashed++;
          if (d === null) take({ kind: 'hit', path: p });
          else if (d === undefined || d[0] === '' || k.digest(p) !== d[0]) changed.add(p);
          else take({ kind: 'hit', path: p, stamp: d[1] });
        });
      });
      todo = paths.filter((p) => changed.has(p));
    } finally {
      hashers.close();
      lost += hashers.lost;
    }
    onDone?.(done, total);
  } else {
    known();
  }
  if (cached && todo.length <= HASH_BATCH) {
    // A few changed files: starting a lint worker would cost more than linting them here.
    const linter = new FileLinter(job);
    for (const p of todo) { take(linter.lint(p)); onDone?.(done, total); }
    return { workersLost: lost, hashed };
  }
  let local: FileLinter | undefined;
  const pool = new Pool(Math.min(threads, Math.ceil(todo.length / BATCH)), 'lint-worker', job, BATCH, (req) => answer(req, (local ??= new FileLinter(job))));
  try {
    // Outcomes cross as objects; as text only when a cache will store that text.
    await pool.each(todo, (chunk) => ({ kind: 'lint', paths: chunk, json: cached }), (_chunk, reply) => {
      if ('texts' in reply) for (const t of reply.texts) take(fromText(t), t);
      else if ('outcomes' in reply) for (const o of reply.outcomes) take(o);
      onDone?.(done, total);
    });
  } finally {
    pool.close();
  }
  return { workersLost: lost + pool.lost, hashed };
}

/** An outcome from a worker's text; text it cannot read (a bug) leaves the file to the main graph. */
function fromText(t: OutcomeText): FileOutcome {
  try {
    return outcomeFromText(t);
  } catch {
    return { kind: 'full', path: t[0], digest: '' };
  }
}

/**
 * Worker threads sharing batches: each takes the next batch when it answers. A worker that dies
 * (out of memory on a huge file, say) is not replaced: its batch, and whatever the others leave,
 * is done on this thread, so a run never fails for a worker.
 */
const ignore = (): void => {};

class Pool {
  private live: Worker[];
  /** Workers that died during the run. */
  lost = 0;

  /** `size` workers running `script` with `data`, given `batch` files a message; `local` answers a request on this thread. */
  constructor(size: number, script: 'lint-worker' | 'hash-worker', data: unknown, private readonly batch: number, private readonly local: (req: Request) => Reply) {
    this.live = Array.from({ length: size }, () => new Worker(workerUrl(script), {
      // Not the host's Node flags (`--input-type=module` is refused in a worker).
      workerData: data, execArgv: [], resourceLimits: { maxYoungGenerationSizeMb: workerLimits.youngMb, maxOldGenerationSizeMb: workerLimits.oldMb },
    // A worker may fail when it holds no batch: before its first, or after its last (out of memory
    // while idle, as it is terminated). Nothing is lost then, and an 'error' event without a
    // listener would end the whole run: such failures are ignored; `each` handles the others.
    }).on('error', ignore));
  }

  /**
   * Hands `paths` out in batches. Each worker holds two batches at a time, so that it never waits
   * for this thread to take in one reply and send the next batch (docs/performance.md).
   */
  async each(paths: readonly string[], request: (chunk: readonly string[]) => Request, onReply: (chunk: readonly string[], reply: Reply) => void): Promise<void> {
    let next = 0;
    const take = (): readonly string[] | undefined => (next >= paths.length ? undefined : paths.slice(next, (next += this.batch)));
    const here = (chunk: readonly string[]): void => onReply(chunk, this.local(request(chunk)));
    await Promise.all(this.live.map((worker) => new Promise<void>((resolve) => {
      /** Batches sent to this worker and not answered yet, oldest first (a worker answers in order). */
      const sent: (readonly string[])[] = [];
      const send = (): void => {
        const chunk = take();
        if (chunk) { sent.push(chunk); worker.postMessage(request(chunk)); }
      };
      const stop = (): void => {
        worker.off('message', onMessage);
        worker.off('error', onFailure);
        worker.off('exit', onFailure);
        resolve();
      };
      const onMessage = (reply: Reply): void => {
        onReply(sent.shift()!, reply);
        send();
        if (sent.length === 0) stop();
      };
      const onFailure = (): void => {
        stop();
        this.live = this.live.filter((w) => w !== worker);
        this.lost++;
        void worker.terminate();
        for (const chunk of sent.splice(0)) here(chunk);
      };
      worker.on('message', onMessage);
      worker.once('error', onFailure);
      worker.once('exit', onFailure);
      send();
      send();
      if (sent.length === 0) stop();
    })));
    for (let chunk = take(); chunk; chunk = take()) here(chunk);
  }

  close(): void {
    for (const w of this.live) void w.terminate();
  }
}
