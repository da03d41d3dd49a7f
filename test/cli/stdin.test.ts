/**
 * `--stdin` reads a real pipe as a stream: past the pipe's 64 KiB buffer, from a slow producer,
 * and up to a bound (4 x --max-block-size), past which it stops with one line and exit 2.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/exec.js';
import { tmpTree } from '../helpers/tmp.js';

const BIN = join(ROOT, 'bin', 'milint.js');

/** A page over 64 KiB (prose first) with one problem at its end. */
function bigPage(): { text: string; line: number } {
  const prose = Array.from({ length: 2000 }, (_, i) => `Paragraph ${i}: ${'words '.repeat(8)}`).join('\n');
  const text = `${prose}\n\n<!--\nType: model-index\nModels:\n- Name: m\n  Metadata: {Epochs: -1}\n-->\n`;
  return { text, line: text.split('\n').findIndex((l) => l.includes('Epochs')) + 1 };
}

/** Runs `producer | milint args` through a shell: milint's standard input is a real pipe. */
function piped(producer: string, args: string, dir: string) {
  const r = spawnSync('sh', ['-c', `${producer} | "${process.execPath}" "${BIN}" ${args}`], {
    cwd: dir, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' }, timeout: 60_000,
  });
  return { stdout: r.stdout, stderr: r.stderr, code: r.status };
}

describe('--stdin from a pipe', () => {
  it('more than 64 KiB, written at once and by a slow producer, is read whole', () => {
    const { text, line } = bigPage();
    expect(Buffer.byteLength(text)).toBeGreaterThan(100 * 1024);
    const dir = tmpTree({ 'big.md': text });
    for (const producer of ['cat big.md', '(sleep 0.5; cat big.md)', '(head -c 40000 big.md; sleep 0.3; tail -c +40001 big.md)']) {
      const r = piped(producer, '--stdin --stdin-filename big.md -f compact --no-config', dir);
      expect(r.stderr).toBe('');
      expect(r.stdout).toBe(`big.md:${line}:22: error Epochs must be a non-negative integer, got -1. [metadata/number]\n`);
      expect(r.code).toBe(1);
    }
  });

  it('past 4 x --max-block-size bytes it stops reading: one line, exit 2', () => {
    const dir = tmpTree({ 'big.md': bigPage().text });
    const r = piped('cat big.md', '--stdin --max-block-size 10000 --no-config', dir);
    expect(r.stderr).toMatch(/^milint: standard input is larger than 40000 bytes; milint stopped reading it\.\n--stdin reads at most 4 times --max-block-size/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stdout).toBe('');
    expect(r.code).toBe(2);
    // An endless producer ends the same way.
    const endless = piped('yes', '--stdin --max-block-size 100000 --no-config', dir);
    expect(endless.code).toBe(2);
    expect(endless.stderr).toMatch(/^milint: standard input is larger than 400000 bytes/);
  });

  it('a folder as standard input is one line, exit 2', () => {
    const dir = tmpTree({ 'sub/a.md': 'x' });
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" --stdin < sub`], { cwd: dir, encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } });
    expect(r.stderr).toBe('milint: standard input is a folder, not a text.\n');
    expect(r.status).toBe(2);
  });
});
