/**
 * Fuzz: random mutations of real pages and metafiles (deleted, duplicated and swapped lines, tabs,
 * changed indentation, inserted YAML syntax and odd Unicode, truncation, invalid bytes, CRLF and
 * lone CR). milint never throws, places every diagnostic inside its file, exits 0 or 1, and its fast
 * path agrees with the full parse. `npm run fuzz` runs it longer (FUZZ_RUNS). A pathologically slow
 * page fails the test's time limit (vitest fails a test that returns late), not a clock read per page,
 * which a loaded machine could trip.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lintText } from '../src/lint/lint.js';
import { exitCodeFor } from '../src/cli/exit-code.js';
import { ROOT } from './helpers/exec.js';
import { fuzzTimeLimit } from './helpers/fuzz.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 120);
const TIMM = join(ROOT, 'fixtures', 'corpus', 'timm', 'docs', 'models');
const PWC = join(ROOT, 'fixtures', 'corpus', 'pwc-model-index-tests', 'test-mi');
const seeds: { name: string; text: string }[] = [
  ...readdirSync(TIMM).filter((f) => f.endsWith('.md')).slice(0, 20).map((f) => ({ name: 'page.md', text: readFileSync(join(TIMM, f), 'utf8') })),
  ...['01_base/model-index.yml', '14_common/model-index.yml', '18_library/model-index.yml', '13_wildcard_model_imports/models_md/m1.md', '19_yml_head/readme.md']
    .map((f) => ({ name: f.split('/').pop()!, text: readFileSync(join(PWC, f), 'utf8') })),
  { name: 'demo.md', text: readFileSync(join(ROOT, 'fixtures', 'demo', 'docs', 'efficientnet.md'), 'utf8') },
];

const INSERTS = ['[', ']', '{', '}', ': ', '- ', '&a ', '*a', '!!str ', '|', '>', '"', "'", '#', '---', '<!--', '-->', '\t', '  ', '\u00a0', '\u200b', '\ufeff', '😀', '\u0000', '\ud800', 'yes', '0777', '1e6', '__proto__: 1', '<<: *a'];

type Edit =
  | { kind: 'delete' | 'duplicate' | 'tab' | 'indent' | 'dedent'; line: number }
  | { kind: 'swap'; line: number; other: number }
  | { kind: 'insert'; line: number; col: number; text: string }
  | { kind: 'truncate'; at: number }
  | { kind: 'crlf' | 'cr' };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constantFrom('delete', 'duplicate', 'tab', 'indent', 'dedent' as const), line: fc.nat() }),
  fc.record({ kind: fc.constant('swap' as const), line: fc.nat(), other: fc.nat() }),
  fc.record({ kind: fc.constant('insert' as const), line: fc.nat(), col: fc.nat(40), text: fc.oneof(fc.constantFrom(...INSERTS), fc.string({ maxLength: 6 })) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constantFrom('crlf', 'cr' as const) }),
);

function mutate(text: string, edits: readonly Edit[]): string {
  let lines = text.split('\n');
  for (const e of edits) {
    const i = 'line' in e ? e.line % Math.max(lines.length, 1) : 0;
    switch (e.kind) {
      case 'delete': lines.splice(i, 1); break;
      case 'duplicate': lines.splice(i, 0, lines[i] ?? ''); break;
      case 'swap': { const j = e.other % Math.max(lines.length, 1); [lines[i], lines[j]] = [lines[j] ?? '', lines[i] ?? '']; break; }
      case 'tab': lines[i] = `\t${lines[i] ?? ''}`; break;
      case 'indent': lines[i] = `  ${lines[i] ?? ''}`; break;
      case 'dedent': lines[i] = (lines[i] ?? '').replace(/^ {1,2}/, ''); break;
      case 'insert': { const l = lines[i] ?? ''; const c = Math.min(e.col, l.length); lines[i] = l.slice(0, c) + e.text + l.slice(c); break; }
      case 'truncate': lines = lines.join('\n').slice(0, e.at % (lines.join('\n').length + 1)).split('\n'); break;
      case 'crlf': lines = lines.join('\n').split('\n').map((l) => l.replace(/\r$/, '')).join('\r\n').split('\n'); break;
      case 'cr': lines = [lines.join('\n').replace(/\r?\n/g, '\r')]; break;
    }
  }
  return lines.join('\n');
}

describe('fuzz', () => {
  it(`mutated pages and metafiles never crash, positions stay inside (${RUNS} runs)`, () => {
    fc.assert(fc.property(fc.nat(seeds.length - 1), fc.array(edit, { minLength: 1, maxLength: 8 }), (s, edits) => {
      const seed = seeds[s]!;
      const text = mutate(seed.text, edits);
      const fast = lintText(text, seed.name, { cwd: ROOT, config: false, preset: 'strict' });
      for (const r of fast.results) {
        const length = r.source?.length ?? 0;
        for (const d of r.diagnostics) {
          expect(d.span.start).toBeGreaterThanOrEqual(0);
          expect(d.span.end).toBeLessThanOrEqual(length);
          expect(d.start.line).toBeGreaterThanOrEqual(1);
          expect(d.end.line).toBeGreaterThanOrEqual(d.start.line);
          expect(d.ruleId).not.toBe('file/internal-error');
        }
      }
      expect([0, 1]).toContain(exitCodeFor(fast.results));
      const full = lintText(text, seed.name, { cwd: ROOT, config: false, preset: 'strict', parseMode: 'full' });
      const view = (x: typeof fast) => x.results.map((r) => r.diagnostics.map((d) => `${d.start.line}:${d.start.column} ${d.ruleId} ${d.message}`));
      expect(view(fast)).toEqual(view(full));
    }), { numRuns: RUNS, seed: Number(process.env.FUZZ_SEED ?? 7) });
  }, fuzzTimeLimit);
});
