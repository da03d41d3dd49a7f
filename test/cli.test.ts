/**
 * End to end: the built `milint` spawned as a user would run it. Each case is recorded in a golden
 * Markdown file (command, stdout, stderr, exit code) under test/golden/cli/.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { golden, milint, ROOT } from './helpers/exec.js';

const CLI = join(ROOT, 'fixtures', 'cli');

describe('milint CLI', () => {
  it.each<[string, string[], string, number]>([
    ['demo-stylish', ['fixtures/demo'], ROOT, 1],
    ['clean', ['.'], join(CLI, 'clean'), 0],
    ['no-blocks', [], join(CLI, 'no-blocks'), 0],
    ['missing-path', ['no/such/dir'], ROOT, 2],
    ['empty-glob', ['docs/**/*.md'], join(CLI, 'clean'), 2],
    ['bad-format', ['-f', 'xml', '.'], join(CLI, 'clean'), 2],
    ['bad-option', ['--frobnicate'], join(CLI, 'clean'), 2],
    ['reference-check', ['09_check/mi6.yml', '10_import_meta_check/model-index.yml'], join(ROOT, 'fixtures', 'corpus', 'pwc-model-index-tests', 'test-mi'), 1],
  ])('%s', async (name, args, cwd, code) => {
    const r = milint(args, cwd);
    expect(r.code).toBe(code);
    await expect(golden(args, r)).toMatchFileSnapshot(join('golden', 'cli', `${name}.md`));
  });

  it('--format json prints ESLint-shaped results and nothing else', () => {
    const r = milint(['-f', 'json', 'fixtures/demo'], ROOT);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    const results = JSON.parse(r.stdout) as { filePath: string; errorCount: number; warningCount: number; messages: { ruleId: string; line: number; column: number }[] }[];
    expect(results.map((f) => f.filePath.slice(ROOT.length + 1))).toEqual([
      'fixtures/demo/configs/vit/metafile.yml', 'fixtures/demo/docs/efficientnet.md',
      'fixtures/demo/docs/resnet.md', 'fixtures/demo/model-index.yml',
    ]);
    expect(results.map((f) => [f.errorCount, f.warningCount])).toEqual([[2, 0], [3, 1], [0, 0], [0, 0]]);
    expect(results[1]!.messages[0]).toMatchObject({ ruleId: 'metadata/number', line: 18, column: 12, endLine: 18, endColumn: 16, severity: 2 });
  });

  it('--version prints the package version', () => {
    const r = milint(['--version'], ROOT);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('the timm docs: no error through the root index, only the real findings as warnings', () => {
    const r = milint(['--preset', 'timm', 'fixtures/corpus/timm'], ROOT);
    expect(r.stdout).toMatch(/✖ 21 problems \(0 errors, 21 warnings\) in 66 files \(\d+(\.\d+)? m?s\)\.\n$/);
    expect(r.code).toBe(0);
  });

  it('colour: off with NO_COLOR, on with --color', () => {
    expect(milint(['fixtures/demo'], ROOT).stdout).not.toContain('\u001b[');
    expect(milint(['--color', 'fixtures/demo'], ROOT).stdout).toContain('\u001b[');
  });
});
