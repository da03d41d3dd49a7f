import { describe, expect, it } from 'vitest';
import { sourceFromText } from '../../src/source/source-file.js';
import { InputError } from '../../src/errors.js';

describe('sourceFromText', () => {
  it('strips and remembers a BOM; length and directive flag are known without the text', () => {
    const f = sourceFromText('/x.md', '\uFEFFab <!-- milint-disable -->');
    expect([f.bom, f.text, f.length, f.mayHaveDirectives]).toEqual([true, 'ab <!-- milint-disable -->', 26, true]);
  });

  it('a released text is read again on demand, and a file edited meanwhile is refused', () => {
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
    disk = 'Models: [x]\n';
    expect(() => f.text).toThrow(InputError);
  });

  it('text given directly (stdin, --fix passes) cannot be released', () => {
    expect(sourceFromText('/x.md', 'a').release).toBeUndefined();
  });
});
