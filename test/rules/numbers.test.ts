/** `median`: found by selection, it must be exactly the median a full sort gives. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { median } from '../../src/core/numbers.js';

function sortedMedian(values: readonly number[]): number {
  const s = Float64Array.from(values).sort();
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

describe('median', () => {
  it('is the median of a sort (as a number), on lists of every length with repeats, negatives and infinities', () => {
    const value = fc.oneof(
      fc.integer({ min: -5, max: 5 }), fc.double({ noNaN: true }), fc.constantFrom(0, -0, 70.04, 83.64, Infinity, -Infinity),
    );
    fc.assert(fc.property(fc.array(value, { minLength: 1, maxLength: 300 }), (values) => {
      // The same number (a sort puts -0 before 0, selection may take either; the two middle
      // values of an even list may be -Infinity and Infinity, whose mean is NaN either way).
      const got = median(Float64Array.from(values));
      const want = sortedMedian(values);
      expect(got === want || (Number.isNaN(got) && Number.isNaN(want)), `${got} against ${want}`).toBe(true);
    }), { numRuns: 2000 });
  });

  it('of sorted, reversed and constant lists, and of one or two values', () => {
    const up = Array.from({ length: 1001 }, (_, i) => i);
    expect(median(Float64Array.from(up))).toBe(500);
    expect(median(Float64Array.from([...up].reverse()))).toBe(500);
    expect(median(Float64Array.from(up.slice(0, 1000)))).toBe(499.5);
    expect(median(new Float64Array(64).fill(7))).toBe(7);
    expect(median(Float64Array.from([3]))).toBe(3);
    expect(median(Float64Array.from([4, 1]))).toBe(2.5);
  });
});
