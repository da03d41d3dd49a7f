/**
 * End to end: --max-warnings, --quiet, --stdin, -o with two formats, colour.
 */
import { readFileSync, existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { maskTimes, milint, ROOT } from './helpers/exec.js';
import { tmpTree } from './helpers/tmp.js';

const WARN_ONLY = 'Models:\n- Name: m\n  Weights: http://example.org/m.pth\n';

describe('CLI behaviour', () => {
  it('--max-warnings: exit 1 when warnings exceed it, even without errors', () => {
    const dir = tmpTree({ 'model-index.yml': WARN_ONLY });
    expect(milint(['.'], dir).code).toBe(0);
    expect(milint(['--max-warnings', '1', '.'], dir).code).toBe(0);
    const over = milint(['--max-warnings', '0', '.'], dir);
    expect(over.code).toBe(1);
    expect(over.stderr).toBe('milint: 1 warning found, more than the maximum of 0 (--max-warnings).\n');
    expect(milint(['--max-warnings', 'many', '.'], dir).code).toBe(2);
  });

  it('--concurrency: a number of worker threads, auto or off (0 is off); anything else is a usage error', () => {
    for (const value of ['0', '1', '2', 'auto', 'off']) {
      const r = milint(['--concurrency', value, '-f', 'compact', 'fixtures/demo'], ROOT);
      expect([value, r.code, r.stderr]).toEqual([value, 1, '']);
    }
    for (const value of ['abc', '-1', '1.5', '', 'OFF', '1e3', '0x2', ' 2']) {
      const r = milint(['--concurrency', value, 'fixtures/demo'], ROOT);
      expect([value, r.code, r.stdout, r.stderr]).toEqual([value, 2, '', `milint: --concurrency takes a number of worker threads, auto or off, got "${value}".\n`]);
    }
  });

  it('--quiet with --max-warnings: the summary and the failure both say how many warnings were counted', () => {
    const dir = tmpTree({ 'model-index.yml': WARN_ONLY });
    const r = milint(['--quiet', '--max-warnings', '0', '.'], dir);
    expect(maskTimes(r.stdout)).toBe('✔ No errors found in 1 file (TIME).\n  1 warning not shown (--quiet).\n');
    expect(r.stderr).toBe('milint: 1 warning found (not shown: --quiet), more than the maximum of 0 (--max-warnings).\n');
    expect(r.code).toBe(1);
  });

  it('--quiet reports errors only', () => {
    const r = milint(['--quiet', '-f', 'compact', 'fixtures/demo'], ROOT);
    expect(r.code).toBe(1);
    expect(r.stdout.split('\n').filter(Boolean)).toHaveLength(5);
    expect(r.stdout).not.toContain('warning');
  });

  it('--stdin with --stdin-filename lints the text as that file, imports read from its folder', () => {
    const dir = tmpTree({ 'meta/m.yml': 'Metadata:\n  Epochs: -3\n' });
    const r = milint(['--stdin', '--stdin-filename', 'zoo.md', '-f', 'compact'], dir,
      '# Zoo\n\n<!--\nType: model-index\nModels:\n- Name: m\n  Metadata: meta/m.yml\n  Weights: ftp://x\n-->\n');
    expect(r.stdout).toBe([
      'meta/m.yml:2:11: error Epochs must be a non-negative integer, got -3. [metadata/number]',
      'zoo.md:8:12: error Models[0].Weights must be an absolute http(s) URL, got string "ftp://x". [schema/invalid-value]',
      '',
    ].join('\n'));
    expect(r.code).toBe(1);
    expect(existsSync(join(dir, 'zoo.md'))).toBe(false);
  });

  it('-o with two formats: the file gets its format, stdout the other; folders are created', () => {
    const dir = tmpTree({});
    const out = join(dir, 'reports', 'ci', 'milint.sarif');
    const r = milint(['-f', 'compact', '-f', 'sarif', '-o', out, 'fixtures/demo'], ROOT);
    expect(r.code).toBe(1);
    expect(r.stdout.split('\n')[0]).toMatch(/^fixtures\/demo\/configs\/vit\/metafile\.yml:27:20: error /);
    expect((JSON.parse(readFileSync(out, 'utf8')) as { version: string }).version).toBe('2.1.0');
    const only = milint(['-f', 'junit', '-o', join(dir, 'junit.xml'), '-f', 'json', '-o', join(dir, 'r.json'), 'fixtures/demo'], ROOT);
    expect(only.stdout).toMatch(/✖ 6 problems/);
    expect(statSync(join(dir, 'junit.xml')).size).toBeGreaterThan(0);
    expect(JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8'))).toHaveLength(4);
    expect(milint(['-f', 'json', '-f', 'sarif', 'fixtures/demo'], ROOT).code).toBe(2);
    expect(milint(['-o', 'a', '-o', 'b', 'fixtures/demo'], ROOT).code).toBe(2);
  });

  it('machine formats on stdout stay clean (no colour, no progress) even with --color', () => {
    const r = milint(['--color', '-f', 'json', 'fixtures/demo'], ROOT);
    expect(() => JSON.parse(r.stdout) as unknown).not.toThrow();
    expect(r.stderr).toBe('');
  });
});
