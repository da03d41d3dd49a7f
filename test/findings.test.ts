/**
 * The findings check (fixtures/findings/<corpus>.json): on each real corpus, every true finding of
 * FINDINGS.md is reported at its line, and the messages that are not expected stay within the
 * file's noise budget. The corpora live in ../shared/corpus (beside the clone in CI).
 */
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPORA, corpusDir, readExpectation, scoreFindings } from '../scripts/findings-check.js';
import { lintFiles } from '../src/lint/lint.js';
import { lintFilesAsync } from '../src/engine/lint-async.js';

const dir = corpusDir();

describe.skipIf(!dir)('findings on the real corpora (skipped: no ../shared/corpus beside this checkout)', () => {
  for (const corpus of CORPORA) {
    const exp = readExpectation(corpus);
    const messages = () => exp.roots.flatMap((root) => {
      const run = lintFiles({ patterns: ['.'], cwd: join(dir!, corpus, root), preset: exp.preset, config: false });
      return run.results.flatMap((r) => r.diagnostics.map((d) => `${relative(join(dir!, corpus), r.file)}:${d.start.line} ${d.ruleId}`));
    });

    it(`${corpus}: reports every true finding at its line, and noise within the budget`, () => {
      const score = scoreFindings(exp, messages());
      expect(score.missing).toEqual([]);
      expect(score.noise.length, score.noise.join('\n')).toBeLessThanOrEqual(exp.maxNoise);
      expect(score.noise.length).toBeLessThan(0.05 * score.total);
    });

    it(`${corpus}: files linted on their own (and from summaries) give the same messages`, async () => {
      const perFile: string[] = [];
      for (const root of exp.roots) {
        const run = await lintFilesAsync({ patterns: ['.'], cwd: join(dir!, corpus, root), preset: exp.preset, config: false, concurrency: 'off' });
        perFile.push(...run.results.flatMap((r) => r.diagnostics.map((d) => `${relative(join(dir!, corpus), r.file)}:${d.start.line} ${d.ruleId}`)));
      }
      expect(perFile).toEqual(messages());
    });
  }
});
