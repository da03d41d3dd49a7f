/**
 * The findings check: milint's messages on a real corpus against a labelled expectation file
 * (fixtures/findings/<corpus>.json): the true findings that must appear, as `path:line rule-id`, and a
 * noise budget for everything else. Shared by `npm run findings` and test/findings.test.ts.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..');

/** The corpora, in ../shared/corpus beside the clone (CI) or the checkout's parent folder. */
export function corpusDir() {
  for (const dir of [join(ROOT, '..', 'shared', 'corpus'), join(ROOT, '..', '..', 'shared', 'corpus')])
    if (existsSync(join(dir, 'FINDINGS.md'))) return dir;
  return undefined;
}

/** The corpora that have an expectation file. */
export const CORPORA = ['timm', 'openmmlab', 'hf-cards'];

/** Reads fixtures/findings/<corpus>.json. */
export function readExpectation(corpus) {
  return JSON.parse(readFileSync(join(ROOT, 'fixtures', 'findings', `${corpus}.json`), 'utf8'));
}

/**
 * Compares messages (`path:line rule-id`, one per diagnostic) with the expectation, as multisets:
 * `missing` are true findings not reported, `noise` messages that are not expected.
 */
export function scoreFindings(expectation, messages) {
  const left = new Map();
  for (const m of messages) left.set(m, (left.get(m) ?? 0) + 1);
  const missing = [];
  for (const e of expectation.expected) {
    const n = left.get(e) ?? 0;
    if (n === 0) missing.push(e);
    else left.set(e, n - 1);
  }
  const noise = [...left].flatMap(([m, n]) => Array(n).fill(m)).sort();
  const perFile = new Map();
  for (const m of messages) { const file = m.replace(/:\d+ .*$/, ''); perFile.set(file, (perFile.get(file) ?? 0) + 1); }
  return {
    total: messages.length, expected: expectation.expected.length,
    kept: expectation.expected.length - missing.length, missing, noise, perFile,
  };
}
