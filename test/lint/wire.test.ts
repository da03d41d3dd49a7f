/**
 * How a summary writes a value and its path (`WireValue`): alone when it can be, wrapped when it
 * could be taken for a slot marker (0 absent, 1 filled) or for a wrapper (a list).
 */
import { describe, expect, it } from 'vitest';
import { wire, wiredPath, wiredValue } from '../../src/lint/summary.js';
import type { Data } from '../../src/source/to-data.js';
import type { Path } from '../../src/types.js';

const values: Data[] = [0, 1, 2, -1, 0.5, 1e21, '', '0', '1', 'x', true, false, null, [], [1, 2], [[1]], {}, { a: 1 }, { 0: 'x' }];
const paths: (Path | undefined)[] = [undefined, ['Models', 0, 'Name'], []];

describe('wire', () => {
  it('gives back every value and path, also after JSON, and never writes a slot marker', () => {
    for (const v of values) {
      for (const p of paths) {
        const w = wire(v, p);
        expect(w).not.toBe(0);
        expect(w).not.toBe(1);
        const back = JSON.parse(JSON.stringify(w)) as ReturnType<typeof wire>;
        for (const x of [w, back]) {
          expect(wiredValue(x)).toEqual(v);
          expect(wiredPath(x)).toEqual(p);
        }
      }
    }
  });

  it('writes strings, booleans, null and other numbers alone when their path is the usual one', () => {
    expect([wire('x'), wire(true), wire(null), wire(2)]).toEqual(['x', true, null, 2]);
    expect([wire(0), wire(1), wire([1]), wire({ a: 1 })]).toEqual([[0], [1], [[1]], [{ a: 1 }]]);
  });
});
