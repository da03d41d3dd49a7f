/**
 * What `--fix` writes in an untrusted repository: only regular UTF-8 files inside the project,
 * through links to their targets, keeping mode, owner and hard links (or refusing, with the reason),
 * and never losing an edit made meanwhile. Every refusal is an error (exit 1) at that file.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, linkSync, lstatSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixFiles, writeFixes } from '../../src/fix/fix-files.js';
import { milint, ROOT } from '../helpers/exec.js';
import { tmpTree } from '../helpers/tmp.js';

const isRoot = process.getuid?.() === 0;
/** A page with one fixable key (`Crop pct`) and nothing else to report. */
const PAGE = (name: string) => `# ${name}\n\n<!--\nType: model-index\nModels:\n- Name: ${name}\n  Metadata:\n    Crop pct: 0.9\n-->\n`;
const FIXED = (name: string) => PAGE(name).replace('Crop pct', 'Crop Pct');
const repo = (files: Record<string, string | Uint8Array>) => tmpTree({ '.git/HEAD': '', ...files });
const rowsOf = (stdout: string) => stdout.trim().split('\n').filter(Boolean);

describe('--fix writes only what it may, and says why it did not', () => {
  it('a Latin-1 page is never rewritten: bytes unchanged, file/fix-failed, exit 1', () => {
    const latin = Buffer.concat([Buffer.from('# Caf'), Buffer.from([0xe9]), Buffer.from(PAGE('a').slice(3))]);
    const dir = repo({ 'a.md': latin });
    const r = milint(['--fix', '-f', 'compact', '.'], dir);
    expect(r.code).toBe(1);
    expect(Buffer.compare(readFileSync(join(dir, 'a.md')), latin)).toBe(0);
    expect(rowsOf(r.stdout)).toEqual([
      'a.md:1:1: error The file is not valid UTF-8, so --fix did not rewrite it (its invalid bytes would be lost); save it as UTF-8 first, or fix it by hand. [file/fix-failed]',
      'a.md:1:6: error The file is not valid UTF-8: invalid byte sequence at byte 5; the rest of the file was checked with replacement characters. [file/encoding]',
      'a.md:8:5: warning Key "Crop pct" is a variant spelling of "Crop Pct"; write "Crop Pct". [schema/key-spelling]',
    ]);
  });

  it('a link inside the project is written through to its target, and stays a link; other files are still fixed', () => {
    const dir = repo({ 'real/t.md': PAGE('t'), 'b.md': PAGE('b') });
    symlinkSync(join(dir, 'real', 't.md'), join(dir, 'link.md'));
    const r = milint(['--fix', '-f', 'compact', 'link.md', 'b.md'], dir);
    expect([r.code, r.stdout]).toEqual([0, '']);
    expect(lstatSync(join(dir, 'link.md')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'real', 't.md'), 'utf8')).toBe(FIXED('t'));
    expect(readFileSync(join(dir, 'b.md'), 'utf8')).toBe(FIXED('b'));
  });

  it('a folder linked from outside the project: its file is neither read nor written', () => {
    const outside = tmpTree({ 'o.md': PAGE('o') });
    const dir = repo({ 'b.md': PAGE('b') });
    symlinkSync(outside, join(dir, 'ext'));
    const r = milint(['--fix', '-f', 'compact', '.', 'ext/o.md'], dir);
    expect(r.code).toBe(1);
    expect(readFileSync(join(outside, 'o.md'), 'utf8')).toBe(PAGE('o'));
    expect(rowsOf(r.stdout)).toEqual(['ext/o.md:1:1: error The file was not read: it is a symbolic link to a place outside the project root. [file/unreadable]']);
    expect(readFileSync(join(dir, 'b.md'), 'utf8')).toBe(FIXED('b'));
  });

  it('hard links, a read-only file: left as they are, each with its reason and its remaining problem', () => {
    const dir = repo({ 'hl.md': PAGE('h'), 'ro.md': PAGE('r'), 'b.md': PAGE('b') });
    linkSync(join(dir, 'hl.md'), join(dir, 'other-name.txt'));
    chmodSync(join(dir, 'ro.md'), 0o444);
    const r = milint(['--fix', '-f', 'compact', '.'], dir);
    expect(r.code).toBe(1);
    expect(rowsOf(r.stdout)).toEqual([
      'hl.md:1:1: error --fix did not write the file: it has 2 hard links, which writing a new file would split. Fix it by hand. [file/fix-failed]',
      'hl.md:8:5: warning Key "Crop pct" is a variant spelling of "Crop Pct"; write "Crop Pct". [schema/key-spelling]',
      'ro.md:1:1: error --fix did not write the file: it is read-only. Fix it by hand. [file/fix-failed]',
      'ro.md:8:5: warning Key "Crop pct" is a variant spelling of "Crop Pct"; write "Crop Pct". [schema/key-spelling]',
    ]);
    expect([readFileSync(join(dir, 'hl.md'), 'utf8'), readFileSync(join(dir, 'ro.md'), 'utf8'), statSync(join(dir, 'hl.md')).nlink]).toEqual([PAGE('h'), PAGE('r'), 2]);
    expect(readFileSync(join(dir, 'b.md'), 'utf8')).toBe(FIXED('b'));
  });

  it.skipIf(!isRoot)('keeps the owner, group and mode of a file it rewrites (as root, of a file owned by another user)', () => {
    const dir = repo({ 'a.md': PAGE('a') });
    chownSync(join(dir, 'a.md'), 65534, 65534);
    chmodSync(join(dir, 'a.md'), 0o640);
    expect(milint(['--fix', '.'], dir).code).toBe(0);
    const st = statSync(join(dir, 'a.md'));
    expect([st.uid, st.gid, st.mode & 0o777, readFileSync(join(dir, 'a.md'), 'utf8')]).toEqual([65534, 65534, 0o640, FIXED('a')]);
  });

  it('a folder it may not write: the file is unchanged and said, the others are written (run as an unprivileged user)', () => {
    const dir = repo({ 'locked/a.md': PAGE('a'), 'open/b.md': PAGE('b') });
    for (const d of [join(dir, '..'), dir, join(dir, 'open'), join(dir, '.git')]) chmodSync(d, 0o755);
    if (isRoot) { chownSync(join(dir, 'open'), 65534, 65534); chownSync(join(dir, 'open', 'b.md'), 65534, 65534); chownSync(join(dir, 'locked', 'a.md'), 65534, 65534); }
    chmodSync(join(dir, 'locked'), 0o555);
    const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'milint.js'), '--fix', '-f', 'compact', '.'], {
      cwd: dir, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' }, ...(isRoot ? { uid: 65534, gid: 65534 } : {}),
    });
    expect([r.status, r.stderr]).toEqual([1, '']);
    expect(rowsOf(r.stdout)).toEqual([
      'locked/a.md:1:1: error --fix could not write the file (EACCES); it is unchanged. [file/fix-failed]',
      'locked/a.md:8:5: warning Key "Crop pct" is a variant spelling of "Crop Pct"; write "Crop Pct". [schema/key-spelling]',
    ]);
    expect(readFileSync(join(dir, 'locked', 'a.md'), 'utf8')).toBe(PAGE('a'));
    expect(readFileSync(join(dir, 'open', 'b.md'), 'utf8')).toBe(FIXED('b'));
  });

  it('an edit made after the fixes were worked out is kept: the file is not written, and that is an error', () => {
    const dir = repo({ 'a.md': PAGE('a'), 'b.md': PAGE('b') });
    const { fixed, run } = fixFiles({ patterns: ['.'], cwd: dir, config: false });
    writeFileSync(join(dir, 'a.md'), `${PAGE('a')}edited meanwhile\n`);
    const outcome = writeFixes(fixed, run.within);
    expect(outcome.notWritten).toEqual([{ path: join(dir, 'a.md'), kind: 'changed' }]);
    expect(readFileSync(join(dir, 'a.md'), 'utf8')).toBe(`${PAGE('a')}edited meanwhile\n`);
    expect(readFileSync(join(dir, 'b.md'), 'utf8')).toBe(FIXED('b'));
  });
});
