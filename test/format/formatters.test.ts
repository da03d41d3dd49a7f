/**
 * Golden output of each formatter for one fixed run (the demo zoo), colour off.
 */
import { join } from 'node:path';
import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { lintFiles } from '../../src/lint/lint.js';
import { formatters } from '../../src/format/index.js';
import { ROOT } from '../helpers/exec.js';

const { results } = lintFiles({ patterns: ['fixtures/demo'], cwd: ROOT });
const ctx = { cwd: ROOT, chalk: new Chalk({ level: 0 }) };

describe('formatters', () => {
  it.each(Object.keys(formatters) as (keyof typeof formatters)[])('%s', async (name) => {
    const out = formatters[name](results, ctx).replaceAll(ROOT, '<root>');
    const ext = name === 'json' ? 'json' : 'txt';
    await expect(name === 'json' ? `${JSON.stringify(JSON.parse(out), null, 2)}\n` : out)
      .toMatchFileSnapshot(join('..', 'golden', 'format', `${name}.${ext}`));
  });

  it('stylish: clean and empty runs have their own summary', () => {
    expect(formatters.stylish(results.map((r) => ({ ...r, diagnostics: [] })), ctx)).toBe('✔ No problems found in 4 files.\n');
    expect(formatters.stylish([], ctx)).toMatch(/^No model-index blocks found/);
  });
});

describe('format names', () => {
  it('the cheap list of names matches the formatters', async () => {
    const { FORMAT_NAMES } = await import('../../src/format/names.js');
    expect([...FORMAT_NAMES].sort()).toEqual(Object.keys(formatters).sort());
  });
});
