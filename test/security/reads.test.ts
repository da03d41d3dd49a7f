/**
 * A repository is untrusted input: what milint reads. Symbolic links out of the project, devices,
 * FIFOs, oversized, unreadable, binary and UTF-16 files each end in a diagnostic at that file, never
 * in the content of a file outside the project, a hang or a silent pass; files that change during a
 * run affect their own findings only.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, rmSync, symlinkSync, writeFileSync, appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintFiles } from '../../src/lint/lint.js';
import { lintFilesAsync } from '../../src/engine/lint-async.js';
import { milint, ROOT } from '../helpers/exec.js';
import { tmpTree } from '../helpers/tmp.js';

const SECRET = 'TOKEN-7f3a9c-do-not-print';
const PAGE = (name: string, extra = '') => `# ${name}\n\n<!--\nType: model-index\nModels:\n- Name: ${name}\n  Metadata: {Epochs: 3}\n${extra}-->\n`;
const FORMATS = ['stylish', 'compact', 'json', 'json-with-metadata', 'sarif', 'github', 'gitlab', 'junit'];
const isRoot = process.getuid?.() === 0;

/** A project folder and, beside it, a folder with a secret that must never be read. */
function project(files: Record<string, string | Uint8Array>): { dir: string; outside: string } {
  const base = tmpTree({ 'outside/secret.yml': `Models:\n- Name: ${SECRET}\n`, 'outside/deep/page.md': PAGE(SECRET) });
  const dir = join(base, 'repo');
  mkdirSync(join(dir, '.git'), { recursive: true });
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return { dir, outside: join(base, 'outside') };
}

const rowsOf = (stdout: string) => stdout.trim().split('\n').filter(Boolean);

describe('symbolic links do not get around the project root', () => {
  it('an imported link to a file outside: refused at the link, in every format, without its content', () => {
    const { dir, outside } = project({ 'model-index.yml': 'Import: [passwd.yml, docs/*.md]\n', 'docs/a.md': PAGE('a') });
    symlinkSync(join(outside, 'secret.yml'), join(dir, 'passwd.yml'));
    for (const f of FORMATS) {
      const r = milint(['-f', f, '.'], dir);
      expect(r.code).toBe(1);
      expect(r.stdout + r.stderr).not.toContain(SECRET);
    }
    expect(rowsOf(milint(['-f', 'compact', '.'], dir).stdout)).toEqual([
      'passwd.yml:1:1: error The file was not read: it is a symbolic link to a place outside the project root. [file/unreadable]',
    ]);
  });

  it('a link to the disk\'s root: neither a folder walk nor a glob follows it, and export shows nothing outside', () => {
    const { dir } = project({ 'docs/a.md': PAGE('a') });
    symlinkSync('/', join(dir, 'rootlink'));
    symlinkSync(join(dir, '..', 'outside'), join(dir, 'docs', 'elsewhere'));
    for (const args of [['.'], ['**/*.md'], ['docs']]) {
      const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'milint.js'), '-f', 'json', ...args], { cwd: dir, encoding: 'utf8', timeout: 20_000 });
      expect(r.status).toBe(0);
      const files = (JSON.parse(r.stdout) as { filePath: string }[]).map((x) => x.filePath.slice(dir.length + 1));
      expect(files).toEqual(['docs/a.md']);
    }
    const exported = milint(['export', '.'], dir);
    expect(exported.stdout).not.toContain(SECRET);
    expect(exported.stdout).toContain('"name": "a"');
  });

  it('a named folder that is a link out of the project is a usage error, not a walk of its target', () => {
    const { dir } = project({});
    symlinkSync('/', join(dir, 'docs'));
    const r = milint(['docs'], dir);
    expect([r.code, r.stderr.split('\n')[0]]).toEqual([2, 'milint: docs leads to a folder outside the project root (a symbolic link).']);
  });

  it('the repository\'s own config cannot widen the root; the command line can', () => {
    const { dir } = project({ '.milintrc': 'rootDir: /\n', 'model-index.yml': 'Import: [passwd.yml]\n' });
    symlinkSync('/etc/hostname', join(dir, 'passwd.yml'));
    const r = milint(['.'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('rootDir "/" in');
    expect(r.stderr).toContain('lies outside the project root');
    expect(milint(['--allow-outside-root', '-f', 'compact', '.'], dir).stdout).not.toContain('file/unreadable');
  });

  it('a link inside the project to a file inside is read as usual', () => {
    const { dir } = project({ 'model-index.yml': 'Import: [alias.md]\n', 'docs/a.md': PAGE('a', '  Metadata: {Epochs: -1}\n').replace('  Metadata: {Epochs: 3}\n', '') });
    symlinkSync(join(dir, 'docs', 'a.md'), join(dir, 'alias.md'));
    expect(rowsOf(milint(['-f', 'compact', 'model-index.yml'], dir).stdout)).toEqual([
      'alias.md:7:22: error Epochs must be a non-negative integer, got -1. [metadata/number]',
    ]);
  });
});

describe('only regular files are read, and never past a limit', () => {
  it('links to /dev/zero and a FIFO, imported, walked and as the config file: a diagnostic each, no hang', () => {
    const { dir } = project({ 'model-index.yml': 'Import: [zero.yml, pipe.yml]\n', 'docs/a.md': PAGE('a') });
    symlinkSync('/dev/zero', join(dir, 'zero.yml'));
    spawnSync('mkfifo', [join(dir, 'pipe.yml')]);
    spawnSync('mkfifo', [join(dir, 'docs', 'fifo.md')]);
    const run = (args: string[]) => spawnSync(process.execPath, [join(ROOT, 'bin', 'milint.js'), ...args], { cwd: dir, encoding: 'utf8', timeout: 20_000 });
    const r = run(['-f', 'compact', '--allow-outside-root', '.']);
    expect(r.status).toBe(1);
    expect(rowsOf(r.stdout)).toEqual([
      'docs/fifo.md:1:1: error The file was not read: it is a FIFO (named pipe), not a regular file. [file/unreadable]',
      'pipe.yml:1:1: error The file was not read: it is a FIFO (named pipe), not a regular file. [file/unreadable]',
      'zero.yml:1:1: error The file was not read: it is a device, not a regular file. [file/unreadable]',
    ]);
    symlinkSync('/dev/zero', join(dir, '.milintrc'));
    const c = run(['.']);
    expect([c.status, c.stderr.trim()]).toEqual([2, `milint: Cannot read the config file ${join(dir, '.milintrc')} (it is a symbolic link to a place outside the project root).`]);
    rmSync(join(dir, '.milintrc'));
    spawnSync('mkfifo', [join(dir, '.milintrc')]);
    const f = run(['.']);
    expect([f.status, f.stderr.trim()]).toEqual([2, `milint: Cannot read the config file ${join(dir, '.milintrc')} (it is a FIFO (named pipe), not a regular file).`]);
  });

  it.skipIf(!isRoot)('a character device made in the project (mknod, as root) is refused without being opened', () => {
    const { dir } = project({ 'docs/a.md': PAGE('a') });
    expect(spawnSync('mknod', [join(dir, 'docs', 'dev.md'), 'c', '1', '5']).status).toBe(0);
    expect(rowsOf(milint(['-f', 'compact', '.'], dir).stdout)).toEqual([
      'docs/dev.md:1:1: error The file was not read: it is a device, not a regular file. [file/unreadable]',
    ]);
  });

  it('a file larger than four times --max-block-size is refused before it is read', () => {
    const { dir } = project({ 'docs/big.md': `${'x'.repeat(5000)}\n${PAGE('big')}`, 'docs/a.md': PAGE('a') });
    expect(rowsOf(milint(['-f', 'compact', '--max-block-size', '1000', '.'], dir).stdout)).toEqual([
      'docs/big.md:1:1: error The file was not read: it is larger than the limit of 4,000 bytes. [file/unreadable]',
    ]);
  });
});

describe('every file that cannot be read gets its diagnostic', () => {
  it('an imported binary file and UTF-16 pages (imported, or walked with a block) are reported; the run goes on', () => {
    const utf16 = (s: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')]);
    const { dir } = project({
      'model-index.yml': 'Import: [data.yml, wide.yml]\n', 'data.yml': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13]),
      'wide.yml': utf16('Models:\n- Name: w\n'), 'docs/wide.md': utf16(PAGE('w2')), 'docs/notes.md': utf16('# notes, no model-index block\n'),
      'docs/a.md': PAGE('a', '  Results: []\n'),
    });
    const r = milint(['-f', 'compact', '.'], dir);
    expect(r.code).toBe(1);
    expect(rowsOf(r.stdout)).toEqual([
      'data.yml:1:1: error The file is binary (it contains NUL bytes), not text; it was skipped. [file/binary]',
      'docs/a.md:8:3: warning Results is empty; remove it or fill it in. [schema/empty-value]',
      'docs/wide.md:1:1: error The file is UTF-16 text; milint reads UTF-8 only, so it was not checked. Save it as UTF-8. [file/encoding]',
      'wide.yml:1:1: error The file is UTF-16 text; milint reads UTF-8 only, so it was not checked. Save it as UTF-8. [file/encoding]',
    ]);
  });

  it('a file milint may not read (mode 000), imported and walked: file/unreadable (run as an unprivileged user)', () => {
    const { dir } = project({ 'model-index.yml': 'Import: [secret.yml]\n', 'secret.yml': 'Models: []\n', 'docs/locked.md': PAGE('l') });
    chmodSync(join(dir, 'secret.yml'), 0o000);
    chmodSync(join(dir, 'docs', 'locked.md'), 0o000);
    // The unprivileged user must reach the project (a temporary folder is private to its owner).
    for (const d of [join(dir, '..'), dir]) chmodSync(d, 0o755);
    const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'milint.js'), '-f', 'compact', '.'], {
      cwd: dir, encoding: 'utf8', timeout: 20_000, env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' },
      ...(isRoot ? { uid: 65534, gid: 65534 } : {}),
    });
    expect(r.status).toBe(1);
    expect(rowsOf(r.stdout)).toEqual([
      'docs/locked.md:1:1: error The file could not be read (EACCES). [file/unreadable]',
      'secret.yml:1:1: error The file could not be read (EACCES). [file/unreadable]',
    ]);
  });
});

describe('a file that changes during a run affects its own findings only', () => {
  const twoPages = () => tmpTree({
    '.git/HEAD': '', 'model-index.yml': 'Import: [a.md, b.md, c.md]\n',
    'a.md': PAGE('dup'), 'b.md': PAGE('dup'), 'c.md': PAGE('c', '  Results: []\n'),
  });

  it('appended to after it was read: one message there, the other files keep theirs, no internal error', async () => {
    for (const engine of ['lintFiles', 'lintFilesAsync'] as const) {
      const dir = twoPages();
      let done = false;
      const onProgress = (n: number, total: number) => {
        if (n === total && !done) { done = true; appendFileSync(join(dir, 'b.md'), 'appended meanwhile\n'); }
      };
      const options = { patterns: ['.'], cwd: dir, config: false as const, onProgress, concurrency: 'off' as const };
      const run = engine === 'lintFiles' ? lintFiles(options) : await lintFilesAsync(options);
      const rows = run.results.flatMap((r) => r.diagnostics.map((d) => `${r.file.slice(dir.length + 1)}:${d.start.line}:${d.start.column} ${d.ruleId} ${d.messageId}`));
      expect(rows, engine).toEqual([
        'b.md:1:1 file/unreadable changed',
        'c.md:8:3 schema/empty-value emptyList',
      ]);
    }
  });
});

describe('found by review: what a link or a name could still do', () => {
  it('an Import glob lists nothing through a link out: neither `**` beside a link to / nor a glob that starts in one', () => {
    const { dir, outside } = project({ 'model-index.yml': 'Import: ["**/*.md"]\n', 'docs/a.md': PAGE('a') });
    symlinkSync('/', join(dir, 'rootlink'));
    const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'milint.js'), '-f', 'compact', 'model-index.yml'], { cwd: dir, encoding: 'utf8', timeout: 20_000 });
    expect([r.status, r.stdout]).toEqual([0, '']);
    writeFileSync(join(dir, 'model-index.yml'), 'Import: ["od/*.md"]\n');
    symlinkSync(join(outside, 'deep'), join(dir, 'od'));
    expect(rowsOf(milint(['-f', 'compact', 'model-index.yml'], dir).stdout)).toEqual([
      'model-index.yml:1:10: error Import[0] names "od/*.md", which is outside the project root; it was not read (use --allow-outside-root to follow it). [import/outside-root]',
    ]);
  });

  it('whether a file outside exists cannot be learnt through a README, Config or Image path that crosses a link', () => {
    const { dir } = project({ 'model-index.yml': 'Models:\n- Name: a\n  Config: rl/outside/secret.yml\n- Name: b\n  Config: rl/outside/missing.yml\n' });
    symlinkSync(join(dir, '..'), join(dir, 'rl'));
    expect(rowsOf(milint(['-f', 'compact', '.'], dir).stdout)).toEqual([
      'model-index.yml:3:11: error Config names "rl/outside/secret.yml", which is outside the project root; it was not checked (use --allow-outside-root). [file/not-found]',
      'model-index.yml:5:11: error Config names "rl/outside/missing.yml", which is outside the project root; it was not checked (use --allow-outside-root). [file/not-found]',
    ]);
  });

  it('a .gitignore that is a link out of the project is not read', () => {
    const { dir, outside } = project({ 'p.md': PAGE('p', '  Results: []\n') });
    writeFileSync(join(outside, 'gi'), 'p.md\n');
    symlinkSync(join(outside, 'gi'), join(dir, '.gitignore'));
    expect(rowsOf(milint(['-f', 'compact', '.'], dir).stdout)).toEqual(['p.md:8:3: warning Results is empty; remove it or fill it in. [schema/empty-value]']);
  });

  it('no file name, value or config key can start a workflow command line (`::` at a line start, `##[`)', () => {
    const { dir } = project({ '::error title=FORGED::pwned.md': PAGE('##[error]X', '  Results: []\n') });
    for (const f of ['stylish', 'compact', 'junit', 'github']) {
      const out = milint(['-f', f, '.'], dir).stdout;
      expect(out, f).not.toMatch(/^\s*::error title=FORGED/m);
      expect(out, f).not.toContain('##[');
    }
    writeFileSync(join(dir, '.milintrc.yml'), 'rules:\n  "x\\n::error::FORGED": off\n');
    const r = milint(['.'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(/^\s*::error::FORGED/m);
  });

  it('a default cache location the repository made a link: a note, no cache, the report as usual', () => {
    const { dir } = project({ 'p.md': PAGE('p', '  Results: []\n'), 'node_modules/.cache/milint/.keep': '' });
    symlinkSync('/etc/hostname', join(dir, 'node_modules', '.cache', 'milint', 'lint-cache.tsv'));
    const r = milint(['--cache', '-f', 'compact', '.'], dir);
    expect(r.code).toBe(0);
    expect(rowsOf(r.stdout)).toEqual(['p.md:8:3: warning Results is empty; remove it or fill it in. [schema/empty-value]']);
    expect(r.stderr).toMatch(/^milint: --cache is off: .*symbolic link.*; every file is linted\.\n$/);
  });

  it('a --root-dir or --index that names nothing is a usage error, not ignored', () => {
    const { dir } = project({ 'p.md': PAGE('p') });
    expect(milint(['--index', 'nonexistent.yml', 'p.md'], dir)).toMatchObject({ code: 2, stderr: 'milint: The root index nonexistent.yml is not a file.\nName the root model-index file, or use auto.\n' });
    expect(milint(['--root-dir', 'nowhere', '.'], dir)).toMatchObject({ code: 2, stderr: 'milint: The root folder nowhere is not a folder.\nGive the project\'s root folder (rootDir), or leave it out.\n' });
  });
});
