/**
 * What the cache trusts: only lines authenticated under the user's key (kept outside the
 * repository). A forged line, a cache made under another key (another machine, CI storage) or a
 * cache reached through a symbolic link is never used; without a key there is no cache.
 */
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type LintOptions } from '../src/lint/lint.js';
import { lintFilesAsync } from '../src/engine/lint-async.js';
import { secretPath } from '../src/cache/cache-secret.js';
import { milint } from './helpers/exec.js';
import { tmpTree } from './helpers/tmp.js';

const BAD = '# bad\n\n<!--\nType: model-index\nModels:\n- Name: bad\n  Metadata: {Epochs: -1}\n-->\n';
const GOOD = '# good\n\n<!--\nType: model-index\nModels:\n- Name: good\n  Metadata: {Epochs: 10}\n-->\n';
const ARGS = ['.', '--no-config', '-f', 'compact', '--cache', '--cache-location', 'c.tsv'];
const sha1 = (s: string | Buffer) => createHash('sha1').update(s).digest('hex');
const savedXdg = process.env.XDG_CACHE_HOME;
afterEach(() => { process.env.XDG_CACHE_HOME = savedXdg; });

/** Rewrites bad.md's line with good.md's clean outcome, with checks made by `sign` (the attacker's guess). */
function forge(dir: string, sign: (data: string) => string, checkLength: number): void {
  const file = join(dir, 'c.tsv');
  const [header, ...lines] = readFileSync(file, 'utf8').slice(0, -1).split('\n');
  const fields = (name: string) => lines.find((l) => l.startsWith(JSON.stringify(join(dir, name))))!.split('\t');
  const good = fields('good.md');
  const badPath = join(dir, 'bad.md');
  const digest = sha1(readFileSync(badPath));
  const outcome = good[4]!;
  const forged = [JSON.stringify(badPath), digest, '', sign(`${badPath}\t${digest}\t${outcome}`).slice(0, checkLength), outcome].join('\t');
  const body = `${[...lines.filter((l) => !l.startsWith(JSON.stringify(badPath))), forged].join('\n')}\n`;
  const prefix = header!.split('\t').slice(0, 3).join('\t');
  writeFileSync(file, `${prefix}\t${sign(`${prefix}\t${body}`)}\n${body}`);
}

describe('cache trust', () => {
  it('a forged line (a real sha1, another file\'s clean result, recomputed checks) does not hide an error', () => {
    const dir = tmpTree({ 'bad.md': BAD, 'good.md': GOOD });
    const cold = milint(ARGS, dir);
    expect(cold.code).toBe(1);
    expect(cold.stdout).toContain('bad.md:7:22: error');
    // The checks an attacker can compute: plain digests, or a MAC under a key of their own.
    const guesses: [(data: string) => string, number][] = [[(d) => sha1(d), 16], [(d) => createHmac('sha256', randomBytes(32)).update(d).digest('hex'), 32]];
    for (const [sign, length] of guesses) {
      forge(dir, sign, length);
      const warm = milint(ARGS, dir);
      expect(warm.stdout).toBe(cold.stdout);
      expect(warm.code).toBe(1);
    }
  });

  it('a cache made under another key (another machine, restored from CI storage) is not used, and is rebuilt', async () => {
    const dir = tmpTree({ 'bad.md': BAD, 'good.md': GOOD });
    const opts: LintOptions = { cwd: dir, patterns: ['.'], config: false, cache: true, cacheLocation: 'c.tsv', concurrency: 'off' };
    process.env.XDG_CACHE_HOME = tmpTree({});
    const first = await lintFilesAsync(opts);
    expect((await lintFilesAsync(opts)).stats!.cached).toBe(2);
    process.env.XDG_CACHE_HOME = tmpTree({});
    const elsewhere = await lintFilesAsync(opts);
    expect(elsewhere.stats).toMatchObject({ cached: 0, linted: 2 });
    expect(elsewhere.results).toEqual(first.results);
    expect((await lintFilesAsync(opts)).stats!.cached).toBe(2);
  });

  it('the key is made once, mode 0600, in the user\'s cache folder; a key others can read, or a link, is not used', () => {
    const home = tmpTree({});
    const env = { XDG_CACHE_HOME: home };
    const key = secretPath(env);
    expect(key).toBe(join(home, 'milint', 'key'));
    const dir = tmpTree({ 'bad.md': BAD });
    const run = (xdg: string) => milint(ARGS, dir, undefined, { XDG_CACHE_HOME: xdg });
    expect(run(home).stderr).toBe('');
    expect(statSync(key).mode & 0o777).toBe(0o600);
    expect(statSync(join(home, 'milint')).mode & 0o777).toBe(0o700);
    const bytes = readFileSync(key);
    expect(bytes).toHaveLength(32);
    run(home);
    expect(readFileSync(key)).toEqual(bytes);
    chmodSync(key, 0o644);
    const loose = run(home);
    expect(loose.stderr).toMatch(/^milint: --cache is off: no key to check cache files with at .*key \(.*key can be read by other users \(chmod 600 it\)\); every file is linted\.\n$/);
    expect(loose.code).toBe(1);
    const linked = tmpTree({});
    mkdirSync(join(linked, 'milint'), { mode: 0o700 });
    symlinkSync(key, join(linked, 'milint', 'key'));
    expect(run(linked).stderr).toMatch(/key is a symbolic link\); every file is linted\.\n$/);
  });

  it('without a key (none can be made) the cache is off: one note, the same report, no cache file', () => {
    const dir = tmpTree({ 'bad.md': BAD, 'not-a-folder': 'x' });
    const plain = milint(['.', '--no-config', '-f', 'compact'], dir);
    const r = milint(ARGS, dir, undefined, { XDG_CACHE_HOME: join(dir, 'not-a-folder') });
    expect(r.stderr).toMatch(/^milint: --cache is off: no key to check cache files with at not-a-folder\/milint\/key \(a part of the path is a file, not a folder \(ENOTDIR\)\); every file is linted\.\n$/);
    expect(r.stdout).toBe(plain.stdout);
    expect(r.code).toBe(1);
    expect(existsSync(join(dir, 'c.tsv'))).toBe(false);
  });

  it('a cache file that is a symbolic link is neither read nor written through (library use)', async () => {
    const outside = tmpTree({ 'victim.tsv': 'keep\n' });
    const dir = tmpTree({ 'bad.md': BAD });
    symlinkSync(join(outside, 'victim.tsv'), join(dir, 'c.tsv'));
    const errors: string[] = [];
    const run = await lintFilesAsync({ cwd: dir, patterns: ['.'], config: false, cache: true, cacheLocation: 'c.tsv', concurrency: 'off', onCacheError: (_f, reason) => errors.push(reason) });
    expect(run.stats!.cached).toBe(0);
    expect(errors).toEqual(['it is a symbolic link']);
    expect(readFileSync(join(outside, 'victim.tsv'), 'utf8')).toBe('keep\n');
  });
});
