/**
 * Golden output of each formatter for one fixed run (the demo zoo), colour off.
 */
import { join } from 'node:path';
import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { lintFiles } from '../../src/lint/lint.js';
import { formatters } from '../../src/format/index.js';
import { maskTimes, ROOT } from '../helpers/exec.js';

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

  it('stylish: the run time in milliseconds, in seconds from one second on; tests mask both', () => {
    const clean = results.map((r) => ({ ...r, diagnostics: [] }));
    const at = (elapsedMs: number) => formatters.stylish(clean, { ...ctx, elapsedMs });
    expect([at(12.4), at(999.4), at(1000), at(61_250)]).toEqual([
      '✔ No problems found in 4 files (12 ms).\n', '✔ No problems found in 4 files (999 ms).\n',
      '✔ No problems found in 4 files (1.0 s).\n', '✔ No problems found in 4 files (61.3 s).\n',
    ]);
    for (const ms of [0, 999.4, 999.6, 1000, 61_250]) expect(maskTimes(at(ms))).toBe('✔ No problems found in 4 files (TIME).\n');
  });
});

describe('format names', () => {
  it('the cheap list of names matches the formatters', async () => {
    const { FORMAT_NAMES } = await import('../../src/format/names.js');
    expect([...FORMAT_NAMES].sort()).toEqual(Object.keys(formatters).sort());
  });
});
