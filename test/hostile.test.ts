/**
 * Hostile and broken input: each limit ends in a diagnostic, never a crash or a hang; references
 * never leave the project root; the run always goes on.
 */
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintFiles, lintText } from '../src/lint/lint.js';
import { runRules } from '../src/lint/run-rules.js';
import { resolveConfig } from '../src/config/resolve-config.js';
import { defineRule, type Rule } from '../src/rules/define-rule.js';
import { exitCodeFor } from '../src/cli/exit-code.js';
import { milint } from './helpers/exec.js';
import { tmpTree } from './helpers/tmp.js';

const OK = { 'ok.md': '<!--\nType: model-index\nModels:\n- Name: ok\n  Metadata: {Epochs: -1}\n-->\n' };
const OK_ROW = 'ok.md:5:22 metadata/number';
const rows = (run: ReturnType<typeof lintFiles> & { dir?: string }, dir: string) =>
  run.results.flatMap((r) => r.diagnostics.map((d) => `${r.file.slice(dir.length + 1)}:${d.start.line}:${d.start.column} ${d.ruleId}`));
const lint = (files: Record<string, string | Uint8Array>, opts: Parameters<typeof lintFiles>[0] = {}) => {
  const dir = tmpTree({ ...files, ...OK });
  return { dir, rows: rows(lintFiles({ patterns: ['.'], cwd: dir, config: false, ...opts }), dir) };
};

describe('limits', () => {
  it('nesting depth: thousands of [ end in yaml/resource-limit', () => {
    expect(lint({ 'model-index.yml': `Models: ${'['.repeat(20000)}\n` }).rows).toEqual(['model-index.yml:1:1 yaml/resource-limit', OK_ROW]);
    const deepMap = Array.from({ length: 3000 }, (_, i) => `${' '.repeat(i)}a:`).join('\n');
    expect(lint({ 'model-index.yml': `${deepMap} 1\n` }).rows).toEqual(['model-index.yml:1:1 yaml/resource-limit', OK_ROW]);
  });

  it('block size: a block over --max-block-size is reported, not parsed', () => {
    const big = `Models:\n${'- Name: m\n'.repeat(2000)}`;
    const r = lint({ 'model-index.yml': big }, { limits: { maxBlockSize: 10_000 } });
    expect(r.rows).toEqual(['model-index.yml:1:1 yaml/resource-limit', OK_ROW]);
  });

  it('a 2 MB line is read, and a problem after it is placed right', () => {
    const r = lint({ 'model-index.yml': `Models:\n- Name: ${'x'.repeat(2 * 1024 * 1024)}\n  Metadata: {FLOPs: -1}\n` });
    expect(r.rows).toEqual(['model-index.yml:3:21 metadata/number', OK_ROW]);
  });

  it('number of imports: past --max-imports the rest is reported, not read', () => {
    const files: Record<string, string> = { 'model-index.yml': 'Import: [parts/*.yml]\n' };
    for (let i = 0; i < 6; i++) files[`parts/p${i}.yml`] = `Models:\n- Name: p${i}\n`;
    const dir = tmpTree(files);
    const run = lintFiles({ patterns: ['model-index.yml'], cwd: dir, config: false, limits: { maxImports: 3 } });
    expect(rows(run, dir)).toEqual(['model-index.yml:1:10 import/limit']);
    expect(run.index.models).toHaveLength(3);
  });
});

describe('encodings', () => {
  it('lone CR line endings: positions count each CR as a line break', () => {
    expect(lint({ 'model-index.yml': 'Models:\r- Name: a\r  Metadata: {FLOPs: -1}\r' }).rows).toEqual(['model-index.yml:3:21 metadata/number', OK_ROW]);
  });

  it('a binary file is an error when named and when found by a folder walk', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13]);
    const dir = tmpTree({ 'logo.md': png, ...OK });
    expect(rows(lintFiles({ patterns: ['.'], cwd: dir, config: false }), dir)).toEqual(['logo.md:1:1 file/binary', OK_ROW]);
    const named = lintFiles({ patterns: ['logo.md'], cwd: dir, config: false });
    expect(named.results[0]!.diagnostics.map((d) => `${d.ruleId} ${d.severity}`)).toEqual(['file/binary error']);
  });
});

describe('files', () => {
  it('the same file reached through two paths (a symlinked folder) is linted once', () => {
    const dir = tmpTree({ 'docs/a.md': OK['ok.md'] });
    symlinkSync(join(dir, 'docs'), join(dir, 'alias'));
    const run = lintFiles({ patterns: ['docs/a.md', 'alias/a.md'], cwd: dir, config: false });
    expect(run.results).toHaveLength(1);
    expect(run.index.models).toHaveLength(1);
  });
});

describe('confinement', () => {
  const outside = tmpTree({ 'secret.yml': 'password: hunter2\nModels: [\n', 'meta.yml': 'Metadata: {Epochs: 1}\n' });
  const files = {
    '.git/HEAD': '',
    'model-index.yml': [
      'Import:', `- ${join(outside, 'secret.yml')}`, '- ../../../../../../etc/*.yml',
      'Models:', '- Name: m', `  Metadata: ${join(outside, 'meta.yml')}`, `  README: ${join(outside, 'README.md')}`, '',
    ].join('\n'),
  };

  it('absolute paths and ../ escapes are reported and never read', () => {
    const dir = tmpTree(files);
    const run = lintFiles({ patterns: ['.'], cwd: dir, config: false });
    expect(rows(run, dir)).toEqual([
      'model-index.yml:2:3 import/outside-root', 'model-index.yml:3:3 import/outside-root',
      'model-index.yml:6:13 import/outside-root', 'model-index.yml:7:11 file/not-found',
    ]);
    expect([...run.resolution.files.keys()]).toEqual([join(dir, 'model-index.yml')]);
    const text = JSON.stringify(run.results);
    expect(text).not.toContain('hunter2');
  });

  it('--allow-outside-root follows them', () => {
    const dir = tmpTree(files);
    const run = lintFiles({ patterns: ['.'], cwd: dir, config: false, allowOutsideRoot: true });
    expect(rows(run, join(dir, '..')).some((r) => r.includes('secret.yml') && r.endsWith('yaml/syntax'))).toBe(true);
    expect(run.index.models[0]!.metadata.peek('Epochs')).toBe(1);
  });

  it('a zoo named on the command line outside the current project is its own root', () => {
    const here = tmpTree({ '.git/HEAD': '' });
    const zoo = tmpTree({ 'model-index.yml': 'Import: [docs/*.md, ../elsewhere.yml]\n', 'docs/a.md': OK['ok.md'] });
    const run = lintFiles({ patterns: [zoo], cwd: here, config: false });
    expect(rows(run, zoo)).toEqual(['docs/a.md:5:22 metadata/number', 'model-index.yml:1:21 import/outside-root']);
    expect(run.index.models).toHaveLength(1);
  });

  it('--root-dir sets the root', () => {
    const dir = tmpTree({ 'zoo/model-index.yml': 'Import: [../shared/m.yml]\n', 'shared/m.yml': 'Models:\n- Name: s\n' });
    expect(rows(lintFiles({ patterns: ['zoo'], cwd: dir, config: false, rootDir: 'zoo' }), dir)).toEqual(['zoo/model-index.yml:1:10 import/outside-root']);
    expect(rows(lintFiles({ patterns: ['zoo'], cwd: dir, config: false, rootDir: '.' }), dir)).toEqual([]);
  });
});

describe('prototype keys', () => {
  it('__proto__, constructor and prototype are plain unknown keys (reported when every unknown key is)', () => {
    const r = lintText('Models:\n- Name: m\n  __proto__: {polluted: 1}\n  constructor: x\n  prototype: z\n', 'model-index.yml', { config: false, preset: 'strict' });
    expect(r.results[0]!.diagnostics.map((d) => `${d.start.line} ${d.ruleId}`)).toEqual(['3 schema/unknown-key', '4 schema/unknown-key', '5 schema/unknown-key']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('a rule that crashes', () => {
  it('is reported as file/internal-error naming it; the other rules still run; the exit code is 2', () => {
    const run = lintText('Models:\n- Name: m\n  Weights: http://example.org/w.pth\n', 'model-index.yml', { config: false });
    const boom = defineRule({
      meta: { id: 'url/boom', description: 'Crashes.', defaultSeverity: 'error', fixable: false },
      messages: { x: () => 'x' },
      check() { throw new TypeError('cannot read properties of undefined'); },
    }) as unknown as Rule;
    const { rules } = { rules: [boom] };
    const config = resolveConfig();
    (config.rules as Map<string, { severity: string; options: unknown }>).set('url/boom', { severity: 'error', options: {} });
    const facts = { blocks: [run.index.models[0]!.origin.block], orphans: [], fileExists: () => false, leadsOutside: () => false, where: () => '' };
    const reports = runRules([boom, ...rules.slice(1)], run.index, facts, config);
    expect(reports.map((r) => [r.ruleId, r.data.rule, r.data.error])).toEqual([['file/internal-error', 'url/boom', 'cannot read properties of undefined']]);
    const results = [{ file: 'x', diagnostics: [{ ruleId: 'file/internal-error', severity: 'error' }] }] as unknown as Parameters<typeof exitCodeFor>[0];
    expect(exitCodeFor(results)).toBe(2);
  });
});

describe('the CLI on hostile input', () => {
  it('exits 0 or 1 with a message per problem, never a stack trace', () => {
    const dir = tmpTree({ 'model-index.yml': `Models: ${'['.repeat(5000)}\n`, 'bin.md': new Uint8Array([0, 1, 2]), ...OK });
    mkdirSync(join(dir, 'loop'));
    symlinkSync(dir, join(dir, 'loop', 'back'));
    writeFileSync(join(dir, 'empty.md'), '');
    const r = milint(['-f', 'compact', '.'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(['bin.md:1:1: error The file is binary (it contains NUL bytes), not text; it was skipped. [file/binary]', 'model-index.yml:1:1: error This block nests too deeply to be read; it was not checked further. [yaml/resource-limit]', 'ok.md:5:22: error Epochs must be a non-negative integer, got -1. [metadata/number]', ''].join('\n'));
  });
});
