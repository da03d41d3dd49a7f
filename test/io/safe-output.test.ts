/**
 * The output checks the CLI and the cache share: `checkOutput` (where a write may go), `realPathOf`
 * (real paths of files not made yet) and `makeDirs` (no spin where a parent refuses children).
 */
import { existsSync, mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkOutput, OutputError, realPathOf } from '../../src/io/safe-output.js';
import { makeDirs, writeAtomic } from '../../src/io/write-atomic.js';
import { tmpTree } from '../helpers/tmp.js';

describe('checkOutput', () => {
  it('a new or regular file inside the project is written at its real path; a link inside stays a link', () => {
    const root = tmpTree({ 'a.txt': 'a' });
    mkdirSync(join(root, 'real'));
    symlinkSync('real', join(root, 'linked'));
    expect(checkOutput(join(root, 'a.txt'), { root })).toEqual({ mode: 'replace', path: realPathOf(join(root, 'a.txt')) });
    expect(checkOutput(join(root, 'linked', 'new', 'r.json'), { root }).path).toBe(join(realPathOf(root), 'real', 'new', 'r.json'));
  });

  it('refuses inputs, links out of the project and folders with an OutputError naming the path', () => {
    const outside = tmpTree({ 'x.txt': 'x' });
    const root = tmpTree({ 'in.md': 'x' });
    symlinkSync(outside, join(root, 'out'));
    const refusal = (path: string, inputs: string[] = []) => {
      try { checkOutput(path, { root, inputs }); } catch (e) { expect(e).toBeInstanceOf(OutputError); return (e as Error).message; }
      return 'written';
    };
    expect(refusal(join(root, 'in.md'), [join(root, 'in.md')])).toMatch(/in\.md: it is a file this run read\.$/);
    expect(refusal(join(root, 'out', 'x.txt'))).toMatch(/x\.txt: it is a symbolic link to a place outside the project root\.$/);
    expect(refusal(join(root, 'out', 'new.txt'))).toMatch(/: it is a symbolic link to a place outside the project root\.$/);
    expect(refusal(root)).toMatch(/: it is a folder\.$/);
    // A path outside the project, named as such, is the caller's choice.
    expect(refusal(join(outside, 'x.txt'))).toBe('written');
  });
});

describe('makeDirs and writeAtomic', () => {
  it('a parent that refuses children fails at once (no spin), a file on the way is ENOTDIR', () => {
    expect(() => makeDirs('/proc/milint-nope/a/b')).toThrow(expect.objectContaining({ code: 'ENOENT' }));
    const dir = tmpTree({ f: 'x' });
    expect(() => makeDirs(join(dir, 'f', 'g'))).toThrow(expect.objectContaining({ code: 'ENOTDIR' }));
    makeDirs(join(dir, 'a', 'b', 'c'));
    expect(existsSync(join(dir, 'a', 'b', 'c'))).toBe(true);
  });

  it('a file planted at a temporary name is never written through', () => {
    const dir = tmpTree({});
    const victim = join(tmpTree({ 'v.txt': 'keep' }), 'v.txt');
    // Every name of the old scheme (`.<name>.milint-<pid>.tmp`), planted as a link.
    symlinkSync(victim, join(dir, `.r.json.milint-${process.pid}.tmp`));
    writeAtomic(join(dir, 'r.json'), '{}');
    expect(existsSync(join(dir, 'r.json'))).toBe(true);
    expect(readFileSync(join(dir, 'r.json'), 'utf8')).toBe('{}');
    expect(readFileSync(victim, 'utf8')).toBe('keep');
  });
});
