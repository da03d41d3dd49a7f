import { describe, expect, it } from 'vitest';
import { LineIndex } from '../../src/source/line-index.js';

describe('LineIndex', () => {
  it.each([
    ['LF', 'ab\ncd\n', 4, { line: 2, column: 2 }],
    ['CRLF counts as one break', 'ab\r\ncd', 5, { line: 2, column: 2 }],
    ['lone CR is a break', 'ab\rcd', 3, { line: 2, column: 1 }],
    ['offset on the break itself stays on its line', 'ab\r\ncd', 2, { line: 1, column: 3 }],
    ['astral characters count two UTF-16 units', '😀x', 2, { line: 1, column: 3 }],
    ['offset past the end is clamped', 'ab', 99, { line: 1, column: 3 }],
    ['empty text', '', 0, { line: 1, column: 1 }],
  ])('%s', (_name, text, offset, pos) => {
    const li = new LineIndex(text);
    expect(li.position(offset)).toEqual(pos);
    expect(li.offset(li.position(offset))).toBe(Math.min(offset, text.length));
  });

  it('counts lines like an editor', () => {
    expect(new LineIndex('a\nb\r\nc\rd').lineCount).toBe(4);
    expect(new LineIndex('a\n').lineCount).toBe(2);
  });
});
