/**
 * What a lint worker (lint-worker.ts) answers to a batch of paths, and the messages it takes: the
 * main thread answers a batch here too when its worker died. Kept apart from the worker's entry,
 * which nothing may import (a rule module that imports the package would import it again).
 */
import type { ReadGuard } from '../../io/read-guard.js';
import { FileLinter, outcomeToText, type FileOutcome, type OutcomeText } from '../per-file.js';

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
export function asText(o: FileOutcome): OutcomeText {
  return outcomeToText(o.kind === 'hit' ? { kind: 'full', path: o.path, digest: '', ...(o.stamp !== undefined ? { stamp: o.stamp } : {}) } : o);
}
