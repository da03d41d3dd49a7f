/**
 * Property: for real pages (timm's docs) and generated ones, mutated with mistakes that have one
 * right repair, `--fix` changes only lines that carried a fixable diagnostic, never changes the line
 * count, leaves nothing fixable, and here gives back the page as it was before the mutations.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixFiles } from '../../src/fix/fix-files.js';
import { lintText } from '../../src/lint/lint.js';
import { generateCorpus } from '../../scripts/generate-corpus.js';
import { ROOT } from '../helpers/exec.js';

const TIMM = join(ROOT, 'fixtures', 'corpus', 'timm', 'docs', 'models');
const pages = [
  ...readdirSync(TIMM).filter((f) => f.endsWith('.md')).sort().map((f) => readFileSync(join(TIMM, f), 'utf8')),
  ...Object.entries(generateCorpus({ pages: 5, seed: 3 }).files).filter(([p]) => p.endsWith('.md')).map(([, t]) => t),
];

type Mutation = (line: string, pick: number) => string | undefined;
const VARIANTS = [(k: string) => k.toLowerCase(), (k: string) => k.toLowerCase().replace(/ /g, '_'), (k: string) => k.toUpperCase()];
const MUTATIONS: Mutation[] = [
  // A known key in another spelling.
  (line, pick) => {
    const m = /^(\s*-?\s*)(In Collection|Crop Pct|Image Size|File Size|Batch Size|Training Data|Training Techniques)(:.*)$/.exec(line);
    return m ? `${m[1]}${VARIANTS[pick % VARIANTS.length]!(m[2]!)}${m[3]}` : undefined;
  },
  // A count written as a quoted string.
  (line) => {
    const m = /^(\s*)(FLOPs|Parameters|File Size|Epochs|Batch Size): (\d+)$/.exec(line);
    return m ? `${m[1]}${m[2]}: '${m[3]}'` : undefined;
  },
  // Crop Pct or Image Size unquoted (timm quotes them).
  (line) => {
    const m = /^(\s*)(Crop Pct|Image Size): '([0-9.]+)'$/.exec(line);
    return m ? `${m[1]}${m[2]}: ${m[3]}` : undefined;
  },
];

describe('--fix property', () => {
  it('repairs exactly the mutated lines and nothing else', () => {
    fc.assert(fc.property(
      fc.nat(pages.length - 1),
      fc.array(fc.tuple(fc.nat(), fc.nat(MUTATIONS.length - 1), fc.nat(10)), { minLength: 1, maxLength: 12 }),
      (pageIndex, edits) => {
        const original = pages[pageIndex]!;
        const lines = original.split('\n');
        const blockStart = lines.lastIndexOf('<!--');
        const candidates = lines.map((_, i) => i).filter((i) => i > blockStart);
        for (const [at, kind, pick] of edits) {
          const i = candidates[at % candidates.length]!;
          lines[i] = MUTATIONS[kind]!(lines[i]!, pick) ?? lines[i]!;
        }
        const mutated = lines.join('\n');
        const opts = { cwd: ROOT, preset: 'timm', config: false as const };
        const before = lintText(mutated, 'page.md', opts);
        const fixableLines = new Set(before.results.flatMap((r) => r.diagnostics.filter((d) => d.fix).map((d) => d.start.line)));
        const { fixed, run } = fixFiles({ ...opts, stdin: { text: mutated, filename: 'page.md' } });
        const after = fixed[0]?.after ?? mutated;
        const out = after.split('\n');
        expect(out).toHaveLength(lines.length);
        out.forEach((line, i) => { if (line !== lines[i]) expect(fixableLines.has(i + 1)).toBe(true); });
        expect(run.results.flatMap((r) => r.diagnostics.filter((d) => d.fix))).toEqual([]);
        expect(after).toBe(original);
      },
    ), { numRuns: 60, seed: 20261129 });
  });
});
