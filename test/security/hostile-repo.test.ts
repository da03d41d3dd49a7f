/**
 * One generated repository holding every attack at once: links out of the project to a secret, to
 * the disk's root, to /dev/zero; a FIFO; binary and UTF-16 pages; control characters, escape
 * sequences and bidi overrides in file names and content. Every output format is checked for the
 * secret and for raw control bytes; the run ends with exit 1, within a timeout, under 300 MB.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/exec.js';
import { tmpTree } from '../helpers/tmp.js';

const SECRET = 'ghp_SECRETtoken0123456789abcdef';
const FORMATS = ['stylish', 'compact', 'json', 'json-with-metadata', 'sarif', 'github', 'gitlab', 'junit'];
/** Raw bytes no output may carry: C0 controls but tab, newline and carriage return; DEL; C1; bidi controls. */
const RAW = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u0080-\u009f\u202a-\u202e\u2066-\u2069]/u;

function hostileRepo(): string {
  const base = tmpTree({ 'outside/creds.yml': `Models:\n- Name: ${SECRET}\n`, 'outside/env.md': `<!--\nType: model-index\nModels:\n- Name: ${SECRET}\n-->\n` });
  const dir = join(base, 'repo');
  const put = (name: string, content: string | Uint8Array) => {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), content);
  };
  mkdirSync(join(dir, '.git'), { recursive: true });
  put('model-index.yml', 'Import:\n- creds.yml\n- zero.yml\n- pipe.yml\n- docs/*.md\n- data/logo.yml\n');
  symlinkSync(join(base, 'outside', 'creds.yml'), join(dir, 'creds.yml'));
  symlinkSync('/dev/zero', join(dir, 'zero.yml'));
  spawnSync('mkfifo', [join(dir, 'pipe.yml')]);
  symlinkSync('/', join(dir, 'rootlink'));
  symlinkSync(join(base, 'outside'), join(dir, 'docs-outside'));
  put('data/logo.yml', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13]));
  put('docs/wide.md', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<!--\nType: model-index\nModels:\n- Name: w\n-->\n', 'utf16le')]));
  // Escape sequences and bidi overrides in content, and in a file name that tries to start a workflow command.
  put('docs/evil.md', '<!--\nType: model-index\nModels:\n- Name: "\x1b[2J\x1b]0;pwned\x07\u202etxt.exe"\n  Metadata: {Epochs: -1, FLOPs: "\x1b]8;;http://x\x07link\x1b]8;;\x07"}\n-->\n');
  put('docs/a\n::error file=X,line=1::Injected\n.md', '<!--\nType: model-index\nModels:\n- Name: b\n  Metadata: {Epochs: -1}\n-->\n');
  return dir;
}

describe('a hostile repository, every attack at once', () => {
  it('no secret, no raw control byte, in any format; exit 1; no hang; bounded memory', () => {
    const dir = hostileRepo();
    for (const format of FORMATS) {
      // The CLI runs as usual; on exit, its peak memory is written to a file beside the test's folder.
      const rssFile = join(dir, '..', `rss-${format}`);
      const wrapper = `process.on('exit', () => require('fs').writeFileSync(${JSON.stringify(rssFile)}, String(process.resourceUsage().maxRSS))); import(${JSON.stringify(join(ROOT, 'bin', 'milint.js'))});`;
      const r = spawnSync(process.execPath, ['-e', wrapper, 'milint', '-f', format, '.'], {
        cwd: dir, encoding: 'utf8', timeout: 60_000, env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' },
      });
      expect(r.error, format).toBeUndefined();
      expect(r.status, format).toBe(1);
      expect(r.stdout + r.stderr, format).not.toContain(SECRET);
      expect(RAW.test(r.stdout), format).toBe(false);
      expect(r.stderr, format).toBe('');
      const rssKb = Number(readFileSync(rssFile, 'utf8'));
      expect(rssKb, format).toBeGreaterThan(0);
      expect(rssKb, format).toBeLessThan(300 * 1024);
      // No line of the github format but a workflow command starts with `::`.
      if (format === 'github') {
        const commands = r.stdout.split('\n').filter((l) => l.startsWith('::'));
        for (const line of commands) expect(/^::(error|warning|notice) file=(?!X,)|^::(end)?group::/.test(line), line).toBe(true);
        expect(r.stdout).not.toMatch(/^::error file=X/m);
      }
    }
    const compact = spawnSync(process.execPath, [join(ROOT, 'bin', 'milint.js'), '-f', 'compact', '.'], { cwd: dir, encoding: 'utf8', timeout: 60_000, env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' } });
    const rules = compact.stdout.trim().split('\n').map((l) => `${l.split(':')[0]} ${/\[([^\]]+)\]$/.exec(l)?.[1]}`);
    expect(rules).toEqual(expect.arrayContaining([
      'creds.yml file/unreadable', 'zero.yml file/unreadable', 'pipe.yml file/unreadable',
      'data/logo.yml file/binary', 'docs/wide.md file/encoding', 'docs/evil.md metadata/number',
    ]));
  }, 120_000);
});
