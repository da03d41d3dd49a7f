import { readFileSync, statSync, chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyFixes } from '../../src/fix/apply-fixes.js';
import { applyVerified, fixFiles, writeFixes } from '../../src/fix/fix-files.js';
import { sourceFromText } from '../../src/source/source-file.js';
import { golden, milint } from '../helpers/exec.js';
import { tmpTree } from '../helpers/tmp.js';

const PAGE = (nl: string) => ['# Page', '', '<!--', 'Type: model-index', 'Collections:', '- Name: ResNet', 'Models:',
  '- Name: resnet50', '  in_collection: resnet', '  Metadata:', "    crop_pct: '0.875'", "    Parameters: '25560000'", '-->', ''].join(nl);

describe('applyFixes', () => {
  it('sorts, skips overlapping fixes and splices in one pass', () => {
    const r = applyFixes('abcdef', [
      { span: { start: 4, end: 5 }, text: 'E' },
      { span: { start: 0, end: 2 }, text: 'AB' },
      { span: { start: 1, end: 3 }, text: 'xx' },
    ]);
    expect(r.text).toBe('ABcdEf');
    expect(r.skipped).toHaveLength(1);
  });
});

describe('--fix', () => {
  it.each([['LF', '\n', false], ['CRLF', '\r\n', false], ['CRLF with a BOM', '\r\n', true]])(
    'keeps line endings, the BOM and every other byte (%s)', (_name, nl, bom) => {
      const text = `${bom ? '\uFEFF' : ''}${PAGE(nl)}`;
      const dir = tmpTree({ 'page.md': text });
      const { fixed, run } = fixFiles({ patterns: ['.'], cwd: dir, config: false });
      expect(fixed).toHaveLength(1);
      const expected = text.replace('in_collection: resnet', 'In Collection: ResNet').replace('crop_pct:', 'Crop Pct:').replace("'25560000'", '25560000');
      expect(fixed[0]!.after).toBe(expected);
      expect(fixed[0]!.after.split(nl)).toHaveLength(text.split(nl).length);
      expect(run.results.flatMap((r) => r.diagnostics.filter((d) => d.fix))).toEqual([]);
      writeFixes(fixed);
      expect(readFileSync(join(dir, 'page.md'), 'utf8')).toBe(expected);
    });

  it('drops an edit that would break the YAML, keeps the others, and reports it', () => {
    const file = sourceFromText('/x/model-index.yml', 'Models:\n- Name: a\n  Weights: x\n');
    const ok = { fix: { span: { start: 16, end: 17 }, text: 'b' }, ruleId: 'schema/key-spelling', line: 2 };
    const bad = { fix: { span: { start: 29, end: 30 }, text: '[x' }, ruleId: 'metadata/number', line: 3 };
    const r = applyVerified(file.path, file, [ok, bad]);
    expect(r.text).toBe('Models:\n- Name: b\n  Weights: x\n');
    expect(r.dropped).toEqual([{ ruleId: 'metadata/number', line: 3 }]);
  });

  it('does not overwrite a file that changed on disk, and keeps the file mode', () => {
    const dir = tmpTree({ 'a.md': PAGE('\n'), 'b.md': PAGE('\n').replace('resnet50', 'resnet18').replace('ResNet', 'ResNetB') });
    chmodSync(join(dir, 'b.md'), 0o640);
    const { fixed } = fixFiles({ patterns: ['.'], cwd: dir, config: false });
    writeFileSync(join(dir, 'a.md'), 'edited meanwhile\n');
    const outcome = writeFixes(fixed);
    expect(outcome.notWritten).toEqual([{ path: join(dir, 'a.md'), kind: 'changed' }]);
    expect(readFileSync(join(dir, 'a.md'), 'utf8')).toBe('edited meanwhile\n');
    expect(outcome.written).toEqual([join(dir, 'b.md')]);
    expect(statSync(join(dir, 'b.md')).mode & 0o777).toBe(0o640);
  });

  it('writes a fix in an imported file to that file', () => {
    const dir = tmpTree({ 'model-index.yml': 'Import: [models/m.yml]\n', 'models/m.yml': 'Models:\n- name: m\n' });
    const { fixed } = fixFiles({ patterns: ['model-index.yml'], cwd: dir, config: false });
    expect(fixed.map((f) => [f.path, f.after])).toEqual([[join(dir, 'models/m.yml'), 'Models:\n- Name: m\n']]);
  });

  it('the CLI: --fix writes and reports what remains; a second run finds nothing to fix', () => {
    const dir = tmpTree({ 'page.md': PAGE('\n').replace("    Parameters: '25560000'\n", "    Parameters: '25560000'\n    FLOPs: many\n") });
    const r = milint(['--fix', '-f', 'compact', '.'], dir);
    expect(r.stdout).toBe('page.md:13:12: error FLOPs must be a non-negative integer, got "many". [metadata/number]\n');
    expect(r.code).toBe(1);
    const again = milint(['--fix-dry-run', '.'], dir);
    expect(again.stdout).not.toContain('@@');
  });

  it('--fix-dry-run prints a unified diff and writes nothing (mtimes unchanged)', async () => {
    const dir = tmpTree({ 'page.md': PAGE('\n'), 'zoo/metafile.yml': 'Models:\n- name: m\n  Metadata: {Batch_Size: "32"}\n' });
    const before = [statSync(join(dir, 'page.md')).mtimeMs, statSync(join(dir, 'zoo/metafile.yml')).mtimeMs];
    const r = milint(['--fix-dry-run', '.'], dir);
    expect([statSync(join(dir, 'page.md')).mtimeMs, statSync(join(dir, 'zoo/metafile.yml')).mtimeMs]).toEqual(before);
    expect(readFileSync(join(dir, 'page.md'), 'utf8')).toBe(PAGE('\n'));
    expect(r.code).toBe(0);
    await expect(golden(['--fix-dry-run', '.'], r)).toMatchFileSnapshot('../golden/cli/fix-dry-run.md');
  });

  it('--fix and --stdin, or --fix with --fix-dry-run, are usage errors', () => {
    expect(milint(['--fix', '--stdin'], tmpTree({}), '').code).toBe(2);
    expect(milint(['--fix', '--fix-dry-run', '.'], tmpTree({ 'a.md': PAGE('\n') })).code).toBe(2);
  });
});
