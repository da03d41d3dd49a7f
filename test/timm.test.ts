/**
 * Real data: timm's docs (fixtures/corpus/timm). All 65 pages are imported by the root
 * model-index.yml; milint must resolve 272 models and 65 collections, report nothing on them
 * with the default checks, and place every value at its exact line and column in its page.
 */
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintFiles } from '../src/lint/lint.js';
import { locate } from '../src/source/locate.js';

const TIMM = join(import.meta.dirname, '..', 'fixtures', 'corpus', 'timm');

describe('timm docs', () => {
  const run = lintFiles({ patterns: ['.'], cwd: TIMM });

  it('resolves every page through the root index', () => {
    expect(run.index.models).toHaveLength(272);
    expect(run.index.collections).toHaveLength(65);
    expect(run.index.libraries.map((l) => l.name?.value)).toEqual(['PyTorch Image Models']);
    const pages = new Set(run.index.models.map((m) => m.origin.block.block.file.path));
    expect(pages.size).toBe(65);
    expect(run.resolution.roots.map((u) => basename(u.file.path))).toEqual(['model-index.yml']);
    expect(run.index.rootDir).toBe(TIMM);
  });

  it('skips the .templates folder (a dot-folder), and reports no error', () => {
    expect(run.results).toHaveLength(66);
    expect(run.results.every((r) => !r.file.includes('.templates'))).toBe(true);
    expect(run.results.flatMap((r) => r.diagnostics).filter((d) => d.severity === 'error')).toEqual([]);
  });

  /** The real mistakes of timm's docs, as `page:line rule-id` (warnings under both presets). */
  const FINDINGS = [
    // Top 1 accuracies of about 1% where every other ImageNet model scores 60-90%.
    'ensemble-adversarial.md:157 results/outlier', 'inception-resnet-v2.md:131 results/outlier',
    'inception-v4.md:130 results/outlier', 'pnasnet.md:130 results/outlier',
    // Weights that point at another model's checkpoint (reported once, by name-mismatch).
    'efficientnet.md:219 weights/name-mismatch', 'resnest.md:227 weights/name-mismatch', 'tresnet.md:345 weights/name-mismatch',
    // Plain-http weight links.
    ...[132, 176, 220, 264, 307, 350, 393, 437, 556, 599].map((l) => `dla.md:${l} url/https`),
    'legacy-se-resnext.md:131 url/https', 'legacy-se-resnext.md:221 url/https',
    'legacy-senet.md:128 url/https', 'nasnet.md:124 url/https',
  ].sort();
  const found = (r: typeof run) => r.results.flatMap((f) => f.diagnostics.map((d) => `${basename(f.file)}:${d.start.line} ${d.ruleId}`)).sort();

  it('finds the real mistakes and nothing else (recommended preset)', () => {
    expect(found(run)).toEqual(FINDINGS);
  });

  it('finds the same with --preset timm: the data follows timm\'s conventions otherwise', () => {
    expect(found(lintFiles({ patterns: ['.'], cwd: TIMM, preset: 'timm' }))).toEqual(FINDINGS);
  });

  it('places every model name and every Top 1 value at its line and column in the page', () => {
    const texts = new Map<string, string[]>();
    const lineOf = (file: string, n: number) => {
      if (!texts.has(file)) texts.set(file, readFileSync(file, 'utf8').split('\n'));
      return texts.get(file)![n - 1]!;
    };
    let checked = 0;
    for (const m of run.index.models) {
      const file = m.origin.block.block.file;
      const name = locate(m.name!.origin);
      const pos = file.lines.position(name.span.start);
      expect(lineOf(file.path, pos.line).slice(pos.column - 1)).toBe(String(m.name!.value));
      expect(lineOf(file.path, pos.line).slice(0, pos.column - 1)).toBe('- Name: ');
      const top1 = m.results[0]!.metrics.find((x) => x.name === 'Top 1 Accuracy')!;
      const p1 = file.lines.position(locate(top1.value.origin).span.start);
      expect(lineOf(file.path, p1.line)).toBe(`      Top 1 Accuracy: ${top1.value.value}`);
      expect(p1.column).toBe('      Top 1 Accuracy: '.length + 1);
      checked++;
    }
    expect(checked).toBe(272);
  });

  it('lints a single page on its own, with its own collection', () => {
    const one = lintFiles({ patterns: ['docs/models/resnet.md'], cwd: TIMM, preset: 'timm' });
    expect(one.index.collections.map((c) => c.name?.value)).toEqual(['ResNet']);
    expect(one.results.flatMap((r) => r.diagnostics)).toEqual([]);
  });

  it('reads the template copies like the pages when they are named', () => {
    const t = lintFiles({ patterns: ['docs/models/.templates/models/*.md'], cwd: TIMM });
    expect(t.index.models).toHaveLength(272);
  });
});
