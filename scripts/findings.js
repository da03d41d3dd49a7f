#!/usr/bin/env node
/**
 * `npm run findings`: per corpus, the true findings kept of those expected, the noise, and the
 * messages per file. Runs the built milint (dist/) as a maintainer would: each root with its preset.
 * `--verbose` lists the missing findings and the noise.
 */
import { join, relative } from 'node:path';
import { lint } from '../dist/index.js';
import { CORPORA, corpusDir, readExpectation, scoreFindings } from './findings-check.js';

const dir = corpusDir();
if (!dir) { console.error('findings: no ../shared/corpus beside this checkout; nothing to measure.'); process.exit(2); }
const verbose = process.argv.includes('--verbose');
let failed = false;
for (const corpus of CORPORA) {
  const exp = readExpectation(corpus);
  const messages = [];
  for (const root of exp.roots) {
    const cwd = join(dir, corpus, root);
    const { results } = await lint({ patterns: ['.'], cwd, preset: exp.preset, config: false });
    for (const r of results) for (const d of r.diagnostics)
      messages.push(`${relative(join(dir, corpus), r.file)}:${d.start.line} ${d.ruleId}`);
  }
  const s = scoreFindings(exp, messages);
  const pct = s.total ? ((100 * s.noise.length) / s.total).toFixed(1) : '0.0';
  console.log(`${corpus}: true findings kept ${s.kept}/${s.expected}, noise ${s.noise.length} of ${s.total} messages (${pct}%), ${s.perFile.size} files with messages, at most ${Math.max(0, ...s.perFile.values())} per file`);
  if (verbose) {
    for (const m of s.missing) console.log(`  missing ${m}`);
    for (const m of s.noise) console.log(`  noise   ${m}`);
    for (const [f, n] of [...s.perFile].sort((a, b) => b[1] - a[1]).slice(0, 10)) console.log(`  ${String(n).padStart(4)} ${f}`);
  }
  if (s.missing.length > 0 || s.noise.length > exp.maxNoise) failed = true;
}
process.exitCode = failed ? 1 : 0;
