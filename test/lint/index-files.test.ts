/**
 * The public API's `index` (and `loadIndex`) is built without linting again: `indexFiles` reads and
 * resolves the files, and must give exactly the index `lintFiles` gives, entry for entry.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { indexFiles, lintFiles, type LintOptions } from '../../src/lint/lint.js';
import { exportIndex } from '../../src/model/export.js';
import { lint } from '../../src/index.js';
import { ROOT } from '../helpers/exec.js';

const TEST_MI = join(ROOT, 'fixtures', 'corpus', 'pwc-model-index-tests', 'test-mi');
const cases: [string, LintOptions][] = [
  ['timm', { patterns: ['fixtures/corpus/timm'], cwd: ROOT }],
  ['demo', { patterns: ['fixtures/demo'], cwd: ROOT, config: false }],
  ['timm, one page inside its index', { patterns: ['fixtures/corpus/timm/docs/models/resnet.md'], cwd: ROOT, index: 'fixtures/corpus/timm/model-index.yml' }],
  ...readdirSync(TEST_MI).sort().map((d): [string, LintOptions] => [`reference ${d}`, { patterns: [d], cwd: TEST_MI }]),
];

describe('indexFiles', () => {
  it.each(cases)('%s: the same index as lintFiles', (_name, options) => {
    const cwd = options.cwd!;
    const full = lintFiles(options).index;
    const built = indexFiles(options);
    expect(exportIndex(built, cwd)).toEqual(exportIndex(full, cwd));
    expect(built.libraries.map((l) => l.name?.value)).toEqual(full.libraries.map((l) => l.name?.value));
  });

  it('lint() hands out that index, built once', async () => {
    const options = { patterns: ['fixtures/corpus/timm'], cwd: ROOT };
    const run = await lint(options);
    const first = run.index;
    expect(run.index).toBe(first);
    expect(first.models).toHaveLength(272);
    expect(exportIndex(first, ROOT)).toEqual(exportIndex(lintFiles(options).index, ROOT));
  });
});
