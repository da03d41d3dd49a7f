import { describe, expect, it } from 'vitest';
import { sourceFromText } from '../../src/source/source-file.js';

describe('sourceFromText', () => {
  it('strips and remembers a BOM; length and directive flag are known without the text', () => {
    const f = sourceFromText('/x.md', '\uFEFFab <!-- milint-disable -->');
    expect([f.bom, f.text, f.length, f.mayHaveDirectives]).toEqual([true, 'ab <!-- milint-disable -->', 26, true]);
  });

  it('a released text is read again on demand; a file edited meanwhile is marked changed and keeps its length', () => {
    let disk = '\uFEFFModels: []\n';
    let reads = 0;
    const f = sourceFromText('/x.yml', disk, () => { reads++; return disk; });
    f.release!();
    expect(f.length).toBe(11);
    expect(reads).toBe(0);
    expect(f.text).toBe('Models: []\n');
    expect(f.lines.lineCount).toBe(2);
    expect(reads).toBe(1);
    f.release!();
    expect(f.changed).toBe(false);
    disk = 'Models: [x, y]\n';
    expect(f.text).toBe('Models: [x,');
    expect(f.changed).toBe(true);
    const g = sourceFromText('/y.yml', 'Models: []\n', () => { throw new Error('ENOENT'); });
    g.release!();
    expect([g.text, g.changed]).toEqual([' '.repeat(11), true]);
  });

  it('text given directly (stdin, --fix passes) cannot be released', () => {
    expect(sourceFromText('/x.md', 'a').release).toBeUndefined();
  });
});
