/**
 * How a summary writes a value and its path (`WireValue`): alone when it can be, wrapped when it
 * could be taken for a slot marker (0 absent, 1 filled) or for a wrapper (a list). And how an
 * outcome is written as text for the cache (`OutcomeText`).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { wire, wiredPath, wiredValue } from '../../src/engine/summary.js';
import { FileLinter, fileJob, outcomeFromText, outcomeToText } from '../../src/engine/per-file.js';
import { loadEffectiveConfig } from '../../src/lint/lint.js';
import { DEFAULT_LIMITS } from '../../src/parse/load-file.js';
import { filesBelow } from '../helpers/files.js';
import { ROOT } from '../helpers/exec.js';
import { tmpTree } from '../helpers/tmp.js';
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

describe('outcome text', () => {
  it('gives back every outcome of linting the bundled fixtures on their own, field for field', () => {
    const linter = new FileLinter(fileJob(loadEffectiveConfig({ config: false, preset: 'timm' }), 'fast', DEFAULT_LIMITS));
    const kinds = new Map<string, number>();
    let roles = 0;
    let diagnostics = 0;
    let bom = 0;
    let unterminated = 0;
    const own = tmpTree({
      'bom.md': '\ufeff# Page\n<!--\nType: model-index\nModels:\n- Name: a\n  Metadata: {Epochs: -1}\n-->\n',
      'open.md': '<!--\nType: model-index\nModels:\n- Name: b\n',
    });
    for (const file of [...filesBelow(join(ROOT, 'fixtures')), ...filesBelow(own)].filter((f) => /\.(md|ya?ml|json)$/.test(f))) {
      const o = linter.lint(file);
      kinds.set(o.kind, (kinds.get(o.kind) ?? 0) + 1);
      if (o.kind === 'hit') continue;
      const text = outcomeToText(o);
      expect(outcomeFromText(JSON.parse(JSON.stringify(text)) as typeof text)).toEqual({ ...o, stamp: o.stamp ?? '' });
      if (o.kind === 'leaf') {
        roles += o.summary.blocks.filter((b) => b.roles).length;
        diagnostics += o.summary.diagnostics.length;
        if (o.summary.bom) bom++;
        if (o.summary.unterminated) unterminated++;
      }
    }
    // The fixtures hold every kind of outcome and summary part the text must carry.
    expect(kinds.get('leaf')).toBeGreaterThan(50);
    expect(kinds.get('full')).toBeGreaterThan(5);
    expect(roles).toBeGreaterThan(5);
    expect(diagnostics).toBeGreaterThan(50);
    expect(bom).toBeGreaterThan(0);
    expect(unterminated).toBeGreaterThan(0);
  });
});
