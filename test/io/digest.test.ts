/**
 * Reading a file with its stamp (what `--cache` records to skip reading unchanged files later),
 * and hashing it unless it still has a given stamp.
 */
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileDigest, hasStamp, readStamped, sha1, stampOf } from '../../src/io/digest.js';
import { tmpTree } from '../helpers/tmp.js';
import { ReadRefused } from '../../src/io/read-guard.js';

const guard = { maxBytes: 1 << 20 };

const errorOf = (f: () => unknown): string => {
  try { f(); } catch (e) { return e instanceof ReadRefused ? e.refusal.kind === 'error' ? e.refusal.code : e.refusal.kind : (e as NodeJS.ErrnoException).code ?? String(e); }
  return 'no error';
};

describe('readStamped', () => {
  it('gives the bytes readFileSync gives, and the stamp the file had', () => {
    const dir = tmpTree({ 'a.md': 'x'.repeat(70_000) + 'é\n', 'empty.md': '' });
    for (const name of ['a.md', 'empty.md']) {
      const path = join(dir, name);
      const { bytes, stamp } = readStamped(path, guard);
      expect(Buffer.compare(bytes, readFileSync(path))).toBe(0);
      expect(stamp).toBe(stampOf(statSync(path)));
      expect(hasStamp(path, stamp)).toBe(true);
    }
  });

  it('refuses a folder without reading it, and throws the system error for a missing file', () => {
    const dir = tmpTree({ 'a.md': 'x' });
    mkdirSync(join(dir, 'folder'));
    for (const [name, error] of [['folder', 'not-regular'], ['missing.md', 'ENOENT']] as const) {
      const path = join(dir, name);
      expect(errorOf(() => readStamped(path, guard))).toBe(error);
      expect(fileDigest(path, undefined, guard)).toEqual(['', '']);
      expect(hasStamp(path, 'anything')).toBe(false);
    }
  });

  it('fileDigest: null when the file still has the stamp given; else its digest and new stamp', () => {
    const dir = tmpTree({ 'a.md': 'one\n' });
    const path = join(dir, 'a.md');
    const [digest, stamp] = fileDigest(path, undefined, guard)!;
    expect(digest).toBe(sha1(Buffer.from('one\n')));
    expect(fileDigest(path, stamp, guard)).toBeNull();
    writeFileSync(path, 'two\n');
    const again = fileDigest(path, stamp, guard);
    expect(again).toEqual([sha1(Buffer.from('two\n')), stampOf(statSync(path))]);
    expect(again![1]).not.toBe(stamp);
  });
});
