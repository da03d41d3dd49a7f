/**
 * The README a new user reads: short, its demo output what `milint fixtures/demo` prints, its API
 * example runnable in a project that has only this package (no chalk, nothing else imported).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { maskTimes as mask, milint, ROOT } from './helpers/exec.js';
import { tmpTree } from './helpers/tmp.js';

const README = readFileSync(join(ROOT, 'README.md'), 'utf8');

describe('README', () => {
  it('is under 400 lines, and links only to docs that exist', () => {
    expect(README.split('\n').length).toBeLessThan(400);
    for (const [, link] of README.matchAll(/\]\(((?:docs|fixtures)\/[^)#]+)/g)) expect(() => readFileSync(join(ROOT, link!))).not.toThrow();
  });

  it('its demo output is what milint fixtures/demo prints', () => {
    const block = /<!-- demo-output: [^\n]*\n```\n([\s\S]*?)```\n<!-- demo-output: end -->/.exec(README)?.[1];
    const r = milint(['fixtures/demo'], ROOT);
    expect(r.code).toBe(1);
    expect(mask(block ?? '')).toBe(mask(r.stdout));
  });

  it('its API example runs with only model-index-lint installed', () => {
    const code = /## Programmatic API\n\n```js\n([\s\S]*?)```/.exec(README)?.[1] ?? '';
    const imported = [...code.matchAll(/from '([^']+)'/g)].map((m) => m[1]);
    expect(imported).toEqual(['model-index-lint']);
    const dir = tmpTree({ 'package.json': '{"type": "module"}', 'example.mjs': code });
    cpSync(join(ROOT, 'fixtures', 'corpus', 'timm'), dir, { recursive: true });
    // The package as installed: its own folder (dist, package.json) under node_modules.
    mkdirSync(join(dir, 'node_modules'));
    symlinkSync(ROOT, join(dir, 'node_modules', 'model-index-lint'), 'dir');
    const r = spawnSync(process.execPath, ['example.mjs'], { cwd: dir, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' } });
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/problems? \(\d+ errors?, \d+ warnings?\) in 65 files\.\n272 65 1\n$/);
    expect(r.status).toBe(0);
  });
});
