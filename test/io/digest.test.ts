/**
 * Reading a file with its stamp (what `--cache` records to skip reading unchanged files later),
 * and hashing it unless it still has a given stamp.
 */
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileDigest, hasStamp, readStamped, sha1, stampOf } from '../../src/io/digest.js';
import { tmpTree } from '../helpers/tmp.js';

const errorOf = (f: () => unknown): string => {
  try { f(); } catch (e) { return (e as NodeJS.ErrnoException).code ?? String(e); }
  return 'no error';
};

describe('readStamped', () => {
  it('gives the bytes readFileSync gives, and the stamp the file had', () => {
    const dir = tmpTree({ 'a.md': 'x'.repeat(70_000) + 'é\n', 'empty.md': '' });
    for (const name of ['a.md', 'empty.md']) {
      const path = join(dir, name);
      const { bytes, stamp } = readStamped(path);
      expect(Buffer.compare(bytes, readFileSync(path))).toBe(0);
      expect(stamp).toBe(stampOf(statSync(path)));
      expect(hasStamp(path, stamp)).toBe(true);
    }
  });

  it('throws what readFileSync throws for a folder or a missing file', () => {
    const dir = tmpTree({ 'a.md': 'x' });
    mkdirSync(join(dir, 'folder'));
    for (const name of ['folder', 'missing.md']) {
      const path = join(dir, name);
      expect(errorOf(() => readStamped(path))).toBe(errorOf(() => readFileSync(path)));
      expect(fileDigest(path)).toEqual(['', '']);
      expect(hasStamp(path, 'anything')).toBe(false);
    }
  });

  it('fileDigest: null when the file still has the stamp given; else its digest and new stamp', () => {
    const dir = tmpTree({ 'a.md': 'one\n' });
    const path = join(dir, 'a.md');
    const [digest, stamp] = fileDigest(path)!;
    expect(digest).toBe(sha1(Buffer.from('one\n')));
    expect(fileDigest(path, stamp)).toBeNull();
    writeFileSync(path, 'two\n');
    const again = fileDigest(path, stamp);
    expect(again).toEqual([sha1(Buffer.from('two\n')), stampOf(statSync(path))]);
    expect(again![1]).not.toBe(stamp);
  });
});
