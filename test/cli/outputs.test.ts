/**
 * Where reports and the cache are written: never over an input, a device, a FIFO or through a
 * link out of the project; a write that fails is one line naming the path (exit 2) after the
 * report went to standard output.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { milint, type Exec } from '../helpers/exec.js';
import { tmpTree } from '../helpers/tmp.js';

const PAGE = '# m\n\n<!--\nType: model-index\nModels:\n- Name: m\n  Metadata: {Epochs: -1}\n-->\n';
const META = 'Models:\n- Name: a\n  Metadata: {Epochs: -2}\n';
const isRoot = process.getuid?.() === 0;
const hasFull = existsSync('/dev/full') && lstatSync('/dev/full').isCharacterDevice();

/** A one-line error naming the path, exit 2, no stack, the report on stdout. */
function refused(r: Exec, message: RegExp): void {
  expect(r.stderr).toMatch(message);
  expect(r.stderr.split('\n').filter(Boolean)).toHaveLength(1);
  expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
  expect(r.code).toBe(2);
}

describe('-o never replaces what it must not', () => {
  it('an input file (`-o metafile.yml metafile.yml`, an imported file, one reached through a link) is left alone', () => {
    const dir = tmpTree({ 'metafile.yml': META, 'model-index.yml': 'Import: [parts/*.yml]\n', 'parts/p.yml': META });
    const r = milint(['metafile.yml', '-f', 'json', '-o', 'metafile.yml', '--no-config'], dir);
    refused(r, /^milint: cannot write metafile\.yml: it is a file this run read\.\n$/);
    expect(r.stdout).toContain('Epochs must be');
    expect(readFileSync(join(dir, 'metafile.yml'), 'utf8')).toBe(META);
    refused(milint(['model-index.yml', '-f', 'json', '-o', 'parts/p.yml', '--no-config'], dir), /cannot write parts\/p\.yml: it is a file this run read/);
    expect(readFileSync(join(dir, 'parts', 'p.yml'), 'utf8')).toBe(META);
    symlinkSync('metafile.yml', join(dir, 'alias.yml'));
    refused(milint(['metafile.yml', '-f', 'json', '-o', 'alias.yml', '--no-config'], dir), /cannot write alias\.yml: it is a file this run read/);
    expect(readFileSync(join(dir, 'metafile.yml'), 'utf8')).toBe(META);
  });

  it('a symbolic link inside the project that leads out of it, as the file or as a folder on the way', () => {
    const outside = tmpTree({ 'victim.txt': 'keep me\n' });
    const dir = tmpTree({ 'page.md': PAGE });
    symlinkSync(join(outside, 'victim.txt'), join(dir, 'report.txt'));
    symlinkSync(outside, join(dir, 'reports'));
    symlinkSync(join(outside, 'new.txt'), join(dir, 'dangling.txt'));
    for (const target of ['report.txt', 'reports/milint.sarif', 'dangling.txt']) {
      refused(milint(['page.md', '-f', 'sarif', '-o', target, '--no-config'], dir), /: it is a symbolic link to a place outside the project root\.\n$/);
    }
    // From a subfolder of a repository, the project is the repository.
    mkdirSync(join(dir, '.git'));
    mkdirSync(join(dir, 'docs'));
    refused(milint(['../page.md', '-f', 'sarif', '-o', '../report.txt', '--no-config'], join(dir, 'docs')), /report\.txt: it is a symbolic link to a place outside the project root\.\n$/);
    expect(readFileSync(join(outside, 'victim.txt'), 'utf8')).toBe('keep me\n');
    expect(existsSync(join(outside, 'milint.sarif')) || existsSync(join(outside, 'new.txt'))).toBe(false);
    // A link that stays inside is followed: the link stays, its target gets the report.
    mkdirSync(join(dir, 'out'));
    symlinkSync(join('out', 'r.json'), join(dir, 'inside.json'));
    expect(milint(['page.md', '-f', 'json', '-o', 'inside.json', '--no-config'], dir).code).toBe(1);
    expect(lstatSync(join(dir, 'inside.json')).isSymbolicLink()).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, 'out', 'r.json'), 'utf8'))).toHaveLength(1);
  });

  it('a FIFO in the project is refused, not waited on or replaced', () => {
    const dir = tmpTree({ 'page.md': PAGE });
    execFileSync('mkfifo', [join(dir, 'pipe')]);
    refused(milint(['page.md', '-f', 'json', '-o', 'pipe', '--no-config'], dir), /^milint: cannot write pipe: it is a FIFO; milint writes only regular files\.\n$/);
    refused(milint(['page.md', '--cache', '--cache-location', 'pipe', '--no-config'], dir), /^milint: cannot use the cache pipe: it is a FIFO; milint writes only regular files\.\n$/);
    expect(lstatSync(join(dir, 'pipe')).isFIFO()).toBe(true);
  });

  it.skipIf(!isRoot)('a character device in the project stays a device (mknod needs root)', () => {
    const dir = tmpTree({ 'page.md': PAGE });
    execFileSync('mknod', [join(dir, 'full'), 'c', '1', '7']);
    refused(milint(['page.md', '-f', 'json', '-o', 'full', '--no-config'], dir), /cannot write full: it is a character device/);
    refused(milint(['page.md', '--cache', '--cache-location', 'full', '--no-config'], dir), /cannot use the cache full: it is a character device/);
    expect(lstatSync(join(dir, 'full')).isCharacterDevice()).toBe(true);
  });
});

describe('-o write failures: one line naming the path and the reason, exit 2, the report still printed', () => {
  it('onto a folder, below a regular file', () => {
    const dir = tmpTree({ 'page.md': PAGE, 'afile': 'x' });
    mkdirSync(join(dir, 'folder'));
    const a = milint(['page.md', '-o', 'folder', '-f', 'compact', '-f', 'json', '--no-config'], dir);
    refused(a, /^milint: cannot write folder: it is a folder\.\n$/);
    expect(a.stdout).toBe('page.md:7:22: error Epochs must be a non-negative integer, got -1. [metadata/number]\n');
    refused(milint(['page.md', '-o', 'afile/r.json', '-f', 'json', '--no-config'], dir), /^milint: cannot write afile\/r\.json: a part of the path is a file, not a folder \(ENOTDIR\)\.\n$/);
  });

  it('into a read-only folder (mode 555; as root, which writes anywhere, an immutable folder: chattr +i)', (t) => {
    const dir = tmpTree({ 'page.md': PAGE });
    const ro = join(dir, 'ro');
    mkdirSync(ro, { mode: 0o555 });
    if (isRoot) {
      try { execFileSync('chattr', ['+i', ro], { stdio: 'ignore' }); } catch { t.skip(); return; }
    }
    try {
      const r = milint(['page.md', '-o', 'ro/r.json', '-f', 'json', '--no-config'], dir);
      refused(r, /^milint: cannot write ro\/r\.json: (permission denied \(EACCES\)|operation not permitted \(EPERM\))\.\n$/);
      expect(r.stdout).toMatch(/✖ 1 problem/);
    } finally {
      if (isRoot) execFileSync('chattr', ['-i', ro]);
    }
  });

  it.skipIf(!hasFull)('onto a full disk (/dev/full), which stays a device', () => {
    const dir = tmpTree({ 'page.md': PAGE });
    const r = milint(['page.md', '-o', '/dev/full', '-f', 'json', '--no-config'], dir);
    refused(r, /^milint: cannot write \/dev\/full: no space left on device \(ENOSPC\)\.\n$/);
    expect(r.stdout).toMatch(/✖ 1 problem/);
    expect(lstatSync('/dev/full').isCharacterDevice()).toBe(true);
  });
});

describe('--cache-location', () => {
  it('an input file, a foreign file or a symbolic link is refused before the run; the file stays', () => {
    const outside = tmpTree({ 'lint-cache.tsv': 'milint-cache\tnot really\n' });
    const dir = tmpTree({ 'model-index.yml': META, 'README.md': '# readme\n' });
    refused(milint(['.', '--cache', '--cache-location', 'model-index.yml', '--no-config'], dir), /^milint: cannot use the cache model-index\.yml: it is not a milint cache file/);
    refused(milint(['.', '--cache', '--cache-location', 'README.md', '--no-config'], dir), /cannot use the cache README\.md: it is not a milint cache file/);
    expect(readFileSync(join(dir, 'model-index.yml'), 'utf8')).toBe(META);
    symlinkSync(join(outside, 'lint-cache.tsv'), join(dir, 'cache.tsv'));
    refused(milint(['.', '--cache', '--cache-location', 'cache.tsv', '--no-config'], dir), /cannot use the cache cache\.tsv: it is a symbolic link; the cache is never read or written through one/);
    symlinkSync(outside, join(dir, 'cachedir'));
    refused(milint(['.', '--cache', '--cache-location', 'cachedir/', '--no-config'], dir), /cannot use the cache cachedir\/lint-cache\.tsv: it is a symbolic link/);
    expect(readFileSync(join(outside, 'lint-cache.tsv'), 'utf8')).toBe('milint-cache\tnot really\n');
  });

  it('a folder that cannot be made (/proc/nope/) ends the run with a one-line note, never a spin', () => {
    const dir = tmpTree({ 'model-index.yml': META });
    const r = milint(['.', '--cache', '--cache-location', '/proc/nope/', '--no-config', '-f', 'compact'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('metadata/number');
    expect(r.stderr).toMatch(/^milint: could not write the cache \/proc\/nope\/lint-cache\.tsv \(ENOENT\); results are not affected\.\n$/);
  });
});

describe('standard output that fails', () => {
  const commands: [string, string[], string?][] = [
    ['lint', ['page.md', '--no-config']],
    ['lint --fix-dry-run from stdin', ['--stdin', '--fix-dry-run', '--no-config'], PAGE.replace('Epochs: -1', 'FLOPs: 1.5G')],
    ['export -f yaml', ['export', 'model-index.yml', '-f', 'yaml']],
    ['rules', ['rules']],
    ['schema', ['schema']],
    ['print-config', ['--print-config', 'page.md', '--no-config']],
  ];

  it.each(commands)('%s: a reader that went away (EPIPE) ends it quietly', async (_name, args, input) => {
    const dir = tmpTree({ 'page.md': PAGE, 'model-index.yml': META });
    const { spawn } = await import('node:child_process');
    const { ROOT } = await import('../helpers/exec.js');
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'milint.js'), ...args], { cwd: dir, env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' } });
    // Our end of its standard output is closed before it starts: its first write fails with EPIPE.
    child.stdout.destroy();
    child.stdin.end(input ?? '');
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => { stderr += c.toString(); });
    const code = await new Promise<number | null>((done) => child.on('close', done));
    expect(stderr).toBe('');
    expect([0, 1]).toContain(code);
  });

  it.skipIf(!hasFull).each(commands)('%s: a full disk (ENOSPC) is one line and exit 2', async (_name, args, input) => {
    const dir = tmpTree({ 'page.md': PAGE, 'model-index.yml': META, 'in.md': input ?? '' });
    const { spawnSync } = await import('node:child_process');
    const { openSync, closeSync } = await import('node:fs');
    const { ROOT } = await import('../helpers/exec.js');
    const [fdIn, fdOut] = [openSync(join(dir, 'in.md'), 'r'), openSync('/dev/full', 'w')];
    const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'milint.js'), ...args], { cwd: dir, stdio: [fdIn, fdOut, 'pipe'], encoding: 'utf8', env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' } });
    closeSync(fdIn);
    closeSync(fdOut);
    expect(r.stderr).toBe('milint: cannot write standard output: no space left on device (ENOSPC).\n');
    expect(r.status).toBe(2);
  });
});
