/**
 * OpenMMLab `Downstream` entries (mmselfsup) are checked like models: schema, metadata numbers,
 * metric values, key typos; but they are not models of the index (no duplicate names, no pooling).
 */
import { describe, expect, it } from 'vitest';
import { lintText } from '../src/lint/lint.js';

const rows = (text: string, preset: string) =>
  lintText(text, 'metafile.yml', { config: false, preset }).results.flatMap((r) => r.diagnostics.map((d) => `${d.start.line}:${d.start.column} ${d.ruleId}: ${d.message}`));

const metafile = (epochs: string, top1: string, config: string, extra = '') => [
  'Models:',
  '  - Name: simmim_swin-base',
  '    Config: https://example.com/simmim.py',
  '    Results: null',
  '    Downstream:',
  '      - Type: Image Classification',
  '        Metadata:',
  `          Epochs: ${epochs}`,
  '          Batch Size: 2048',
  '        Results:',
  '          - Task: Fine-tuning',
  '            Dataset: ImageNet-1k',
  '            Metrics:',
  `              Top 1 Accuracy: ${top1}`,
  `        ${config}: https://example.com/ft.py`,
  extra,
].join('\n');

describe('Downstream entries (--preset openmmlab)', () => {
  it('accepts a well-formed Downstream list', () => {
    expect(rows(metafile('100', '83.5', 'Config'), 'openmmlab')).toEqual([]);
  });

  it('reports metadata numbers, metric values and key typos inside an entry', () => {
    expect(rows(metafile('100 ep', '83.5s', 'Confg'), 'openmmlab')).toEqual([
      '8:19 metadata/number: Epochs must be a non-negative integer, got "100 ep".',
      '14:31 results/metric-value: Metric "Top 1 Accuracy" must be a number or a percent string, got "83.5s".',
      '15:9 schema/unknown-key: Unknown key "Confg" in Models[0].Downstream[0]; did you mean "Config"?',
    ]);
  });

  it('reports a misspelled Metadata key inside an entry', () => {
    expect(rows(metafile('100', '83.5', 'Config').replace('Batch Size', 'Bacth Size'), 'openmmlab')).toEqual([
      '9:11 metadata/misspelled-key: Metadata key "Bacth Size" is not a known field; did you mean "Batch Size"?',
    ]);
  });

  it('reports a plain http Weights link inside an entry', () => {
    expect(rows(metafile('100', '83.5', 'Config', '        Weights: http://example.com/ft.pth\n'), 'openmmlab')).toEqual([
      '16:18 url/https: Weights uses plain http ("http://example.com/ft.pth"); use https if the server offers it.',
    ]);
  });

  it('does not treat a named Downstream entry as a second model of that name', () => {
    const text = metafile('100', '83.5', 'Config', '        Name: simmim_swin-base\n');
    expect(rows(text, 'openmmlab')).toEqual([]);
  });
});
