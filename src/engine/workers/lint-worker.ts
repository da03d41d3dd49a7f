/**
 * A worker thread that lints files on their own (per-file.ts): it is given the run's job once,
 * then batches of paths, and answers each batch with the files' outcomes (summaries, not texts).
 * Hashing alone (a cached run learning which files changed) is hash-worker.ts's job.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { ReadGuard } from '../../io/read-guard.js';
import { loadRuleModules } from '../../rules/modules.js';
import { FileLinter, outcomeToText, type FileJob, type FileOutcome, type OutcomeText } from '../per-file.js';

export type Request =
  /** `json`: outcomes as text (`OutcomeText`: a cached run stores that text); else as objects. */
  | { readonly kind: 'lint'; readonly paths: readonly string[]; readonly json: boolean }
  /** `stamps`: per path, a stamp that, if the file still has it, saves reading it (null: none). */
  | { readonly kind: 'digest'; readonly paths: readonly string[]; readonly stamps: readonly (string | null)[]; readonly guard: ReadGuard };

/**
 * Each file's outcome, as an object (copied by the structured clone: a summary is a few arrays, and
 * this costs less than writing JSON here and reading it on the main thread) or as text (what a
 * cache stores); or the sha1 and the stamp of each file's bytes ('' when it cannot be read), null
 * for a file that has the stamp it was sent with.
 */
export type Reply =
  | { readonly outcomes: readonly FileOutcome[] }
  | { readonly texts: readonly OutcomeText[] }
  | { readonly digests: readonly (readonly [digest: string, stamp: string] | null)[] };

/** Answers a lint request; the main thread uses it too, for a batch whose worker died. */
export function answer(req: Request, linter: FileLinter): Reply {
  const outcomes = req.paths.map((p) => linter.lint(p));
  return req.kind === 'lint' && req.json ? { texts: outcomes.map(asText) } : { outcomes };
}

/** An outcome as text (a file linted without a digest to compare is never a hit). */
function asText(o: FileOutcome): OutcomeText {
  return outcomeToText(o.kind === 'hit' ? { kind: 'full', path: o.path, digest: '', ...(o.stamp !== undefined ? { stamp: o.stamp } : {}) } : o);
}

if (parentPort) {
  const port = parentPort;
  const job = workerData as FileJob;
  // Messages wait in the port's queue until the listener below is set.
  await loadRuleModules(job.ruleModules);
  const linter = new FileLinter(job);
  port.on('message', (req: Request) => {
    const reply = answer(req, linter);
    try {
      port.postMessage(reply);
    } catch {
      // A value the structured clone cannot copy (a bug): text says what it can, and an outcome
      // it cannot write either leaves its file to the main thread.
      port.postMessage('outcomes' in reply ? { texts: reply.outcomes.map(asText) } : reply);
    }
  });
}
