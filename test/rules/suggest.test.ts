/** Did-you-mean counts two swapped letters as one edit, so short keys get their suggestion too. */
import { describe, expect, it } from 'vitest';
import { closest, osaDistance } from '../../src/core/suggest.js';
import { lintText } from '../../src/lint/lint.js';

describe('closest', () => {
  it('counts a transposition as one edit', () => {
    expect(osaDistance('cdoe', 'code')).toBe(1);
    expect(osaDistance('coed', 'code')).toBe(1);
    expect(osaDistance('kitten', 'sitting')).toBe(3);
    expect(osaDistance('abc', 'ca')).toBe(3); // OSA: no edit of a transposed pair
    expect(osaDistance('weigths', 'weights', 0)).toBe(1); // over `max`: max + 1
  });

  it('suggests within a third of the length (at least one edit), nothing further', () => {
    expect(closest('Cdoe', ['Code', 'Config'])).toBe('Code');
    expect(closest('DI', ['ID', 'URL'])).toBe('ID');
    expect(closest('Cdeo', ['Code'])).toBeUndefined(); // two edits in a four-letter word
    expect(closest('Paer', ['Paper', 'Name'])).toBe('Paper');
  });
});

describe('schema/unknown-key on short keys', () => {
  const rows = (key: string) => lintText(`Models:\n- Name: m\n  ${key}: https://github.com/a/b\n`, 'model-index.yml', { config: false })
    .results.flatMap((r) => r.diagnostics.map((d) => `${d.start.line}:${d.start.column} ${d.ruleId}: ${d.message}`));

  it('reports Cdoe, Coed (transpositions) as Weigths is reported', () => {
    expect(rows('Cdoe')).toEqual(['3:3 schema/unknown-key: Unknown key "Cdoe" in Models[0]; did you mean "Code"?']);
    expect(rows('Coed')).toEqual(['3:3 schema/unknown-key: Unknown key "Coed" in Models[0]; did you mean "Code"?']);
    expect(rows('Weigths')).toEqual(['3:3 schema/unknown-key: Unknown key "Weigths" in Models[0]; did you mean "Weights"?']);
  });
});
