/**
 * The weights-name helpers: `covers` (with its shortcut for a stem that holds the name as written)
 * against the plain definition, and `ownsWeights`, which summaries carry for weights/name-mismatch.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { covers, nameInStem, ownsWeights, tokens, weightsStem } from '../../src/rules/helpers/weights-name.js';

/** `covers` as defined: with separators removed, one contains the other. */
function coversByDefinition(name: string, stem: string): boolean {
  const n = name.toLowerCase().replace(/[-_.\s]/g, '');
  const s = stem.replace(/[-_.\s]/g, '');
  return n.includes(s) || s.includes(n);
}

const RUNS = Number(process.env.FUZZ_RUNS ?? 400) * 5;
const piece = fc.string({ unit: fc.constantFrom('a', 'b', 'C', '1', '_', '-', '.', ' '), maxLength: 12 });

describe('weights names', () => {
  it(`covers = its definition (${RUNS} runs)`, () => {
    fc.assert(fc.property(piece, piece, piece, (a, b, c) => {
      const name = b;
      for (const stem of [a + b.toLowerCase() + c, a + c, b.toLowerCase(), '', a]) {
        expect(covers(name, stem)).toBe(coversByDefinition(name, stem));
      }
    }), { numRuns: RUNS });
  });

  it.each([
    ['resnet50', 'https://x.org/w/resnet50_a1-0123456789ab.pth', true],
    ['tf_efficientnet_b3', 'https://x.org/w/tf_efficientnet_b3_aa-84b4657e.pth', true],
    ['resnet50', 'https://x.org/w/resnet101-0123abcd.pth', false],
    ['resnest101e', 'https://x.org/w/resnest101-22405ba7.pth', true],
    [undefined, 'https://x.org/w/a.pth', true],
    ['a', undefined, true],
    ['a', 'https://x.org/', true],
  ])('ownsWeights(%j, %j) is %s', (name, weights, owns) => {
    expect(ownsWeights(name, weights)).toBe(owns);
    if (typeof name === 'string' && typeof weights === 'string') {
      const stem = weightsStem(weights);
      expect(owns).toBe(!stem || covers(name, stem) || nameInStem(name, tokens(stem)));
    }
  });
});
