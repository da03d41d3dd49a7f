/**
 * `npm install --global .` in a fresh clone (no node_modules): npm runs `prepare` before installing
 * anything, so prepare fetches the build tools itself; the linked CLI then works. Uses the npm registry.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/exec.js';
import { tmpTree } from '../helpers/tmp.js';

describe('install from a fresh clone', () => {
  it('npm install --global . builds and links milint', () => {
    const dir = tmpTree({});
    const clone = join(dir, 'milint');
    const prefix = join(dir, 'global');
    expect(spawnSync('git', ['clone', '-q', ROOT, clone]).status).toBe(0);
    const env = { ...process.env, npm_config_prefix: prefix, NO_COLOR: '1' };
    const install = spawnSync('npm', ['install', '--global', '.', '--no-audit', '--no-fund'], { cwd: clone, env, encoding: 'utf8', timeout: 400_000 });
    expect(install.stderr).not.toContain('tsc: not found');
    expect(install.status).toBe(0);
    const bin = join(prefix, 'bin', 'milint');
    expect(spawnSync(bin, ['--version'], { encoding: 'utf8' }).stdout).toBe('0.1.0\n');
    const lint = spawnSync(bin, ['-f', 'compact', 'fixtures/demo'], { cwd: clone, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' } });
    expect(lint.stdout).toContain('fixtures/demo/docs/efficientnet.md:18:12: error');
    expect(lint.status).toBe(1);
  }, 450_000);
});
