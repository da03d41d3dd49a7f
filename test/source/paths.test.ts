import { sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inside, insideAny } from '../../src/io/paths.js';

const j = (...parts: string[]): string => parts.join(sep);
const root = j('', 'zoo', 'docs');

describe('inside', () => {
  it.each([
    [root, true],
    [j(root, 'a.md'), true],
    [j(root, 'models', 'a.md'), true],
    [`${root}${sep}`, true],
    [j('', 'zoo', 'docsx', 'a.md'), false],
    [j('', 'zoo', 'doc'), false],
    [j('', 'zoo'), false],
    [j(root, '..', 'x.md'), false],
    [j(root, 'models', '..', 'a.md'), true],
    [j(root, 'a..b.md'), true],
    [j('', 'other', 'docs', 'a.md'), false],
  ])('%s in %s', (path, expected) => {
    expect(inside(root, path)).toBe(expected);
  });

  it('a root given with a trailing separator', () => {
    expect(inside(`${root}${sep}`, j(root, 'a.md'))).toBe(true);
    expect(inside(j('', ''), j('', 'anything'))).toBe(true);
  });

  it('any of several roots', () => {
    expect(insideAny([j('', 'a'), root], j(root, 'x.md'))).toBe(true);
    expect(insideAny([j('', 'a'), j('', 'b')], j(root, 'x.md'))).toBe(false);
  });
});
