/**
 * results/outlier's message, the same whether the entries are read in full (lintFiles) or from
 * file summaries (lintFilesAsync): one result with two outlying metrics gets one report that names
 * both, with each one's median.
 */
import { describe, expect, it } from 'vitest';
import { lintFiles } from '../../src/lint/lint.js';
import { lintFilesAsync } from '../../src/engine/lint-async.js';
import { tmpTree } from '../helpers/tmp.js';

function page(i: number, top1: string, top5: string): string {
  return `# m${i}\n\n<!--\nType: model-index\nModels:\n- Name: m${i}\n  Results:\n  - Task: Image Classification\n    Dataset: ImageNet\n    Metrics:\n      Top 1 Accuracy: ${top1}\n      Top 5 Accuracy: ${top5}\n-->\n`;
}

describe('results/outlier message', () => {
  const files: Record<string, string> = {};
  for (let i = 0; i < 10; i++) files[`docs/m${i}.md`] = page(i, `${(78 + (i % 5) * 0.5).toFixed(1)}%`, `${(93 + (i % 5) * 0.5).toFixed(1)}%`);
  files['docs/odd.md'] = page(10, '7.9%', '9.4%');
  // Outliers are judged within one index: the root index that imports every page.
  files['model-index.yml'] = 'Import:\n- docs/*.md\n';
  const dir = tmpTree(files);

  it.each([
    ['read in full', () => Promise.resolve(lintFiles({ patterns: ['.'], cwd: dir }))],
    ['from summaries', () => lintFilesAsync({ patterns: ['.'], cwd: dir, concurrency: 'off' })],
  ])('%s', async (_how, run) => {
    const found = (await run()).results.flatMap((r) => r.diagnostics.filter((d) => d.ruleId === 'results/outlier').map((d) => [r.file.slice(dir.length + 1), d.start.line, d.message]));
    expect(found).toEqual([[
      'docs/odd.md', 11,
      'Top 1 Accuracy 7.9% and Top 5 Accuracy 9.4% are far from the other ImageNet results in the index (median 79% / 94% over 11 models); a typo or a wrong unit?',
    ]]);
  });
});
