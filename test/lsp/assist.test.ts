/**
 * Hover and completion read half-typed YAML by indentation: the keys above the cursor, in
 * Markdown comments, YAML files and front matter, with compact and indented lists.
 */
import { describe, expect, it } from 'vitest';
import { cursorAt } from '../../src/lsp/cursor.js';
import { completionsAt, hoverAt } from '../../src/lsp/assist.js';
import { keysAt } from '../../src/lsp/help.js';
import { resolveConfig } from '../../src/config/resolve-config.js';

/** The text with `|` removed, and the 0-based line and character where it was. */
function at(marked: string): { text: string; line: number; character: number } {
  const i = marked.indexOf('|');
  const before = marked.slice(0, i).split('\n');
  return { text: marked.slice(0, i) + marked.slice(i + 1), line: before.length - 1, character: before.at(-1)!.length };
}

const md = (yaml: string) => `# Page\n\nProse with a: colon.\n\n<!--\nType: model-index\n${yaml}\n-->\n`;

describe('cursorAt: the keys above the cursor', () => {
  const cases: [string, string, string[]][] = [
    ['page root', md('Collections:\n- Name: A\n|'), []],
    ['a model (compact list)', md('Models:\n- Name: a\n  |'), ['Models', '-']],
    ['a new list item', md('Models:\n- Name: a\n- |'), ['Models', '-']],
    ['a model (indented list)', md('Models:\n  - Name: a\n    |'), ['Models', '-']],
    ['Metadata', md('Models:\n- Name: a\n  Metadata:\n    FLOPs: 1\n    |'), ['Models', '-', 'Metadata']],
    ['after a nested list', md('Models:\n- Name: a\n  Metadata:\n    Training Data:\n    - ImageNet\n    |'), ['Models', '-', 'Metadata']],
    ['a result', md('Models:\n- Name: a\n  Results:\n  - Task: X\n    |'), ['Models', '-', 'Results', '-']],
    ['Paper of a collection', md('Collections:\n- Name: A\n  Paper:\n    |'), ['Collections', '-', 'Paper']],
    ['a quoted key', md('Models:\n- Name: a\n  "Metadata":\n    |'), ['Models', '-', 'Metadata']],
  ];
  it.each(cases)('%s', (_name, marked, parents) => {
    const { text, line, character } = at(marked);
    const c = cursorAt('/p/page.md', text, line, character);
    expect(c.block).toBeDefined();
    expect(c.parents).toEqual(parents);
  });

  it('knows no block in prose, and counts a YAML file and CRLF lines', () => {
    const prose = at(md('Models:\n- Name: a').replace('Prose with', 'Pro|se with'));
    expect(cursorAt('/p/page.md', prose.text, prose.line, prose.character).block).toBeUndefined();
    const yml = at('Models:\r\n- Name: a\r\n  Metadata:\r\n    |');
    expect(cursorAt('/p/metafile.yml', yml.text, yml.line, yml.character).parents).toEqual(['Models', '-', 'Metadata']);
  });

  it('maps the keys above to the keys known there', () => {
    expect(keysAt([])).toEqual(['Type', 'Import', 'Models', 'Collections', 'Library']);
    expect(keysAt(['Models', '-', 'Results', '-'])).toEqual(['Task', 'Dataset', 'Metrics']);
    expect(keysAt(['models', '-', 'metadata'])).toContain('Crop Pct');
    expect(keysAt(['-'])).toContain('In Collection'); // a models file: its root is a list of models
    expect(keysAt(['Models', '-', 'Unknown'])).toEqual([]);
  });
});

describe('hover and completion', () => {
  const config = resolveConfig();
  it('hovers a key in any spelling, inside a block only', () => {
    const { text, line } = at(md('Models:\n- Name: a\n  in_collection|: A'));
    expect(hoverAt('/p/page.md', text, line, 4)?.contents).toEqual({ kind: 'markdown', value: expect.stringMatching(/^\*\*In Collection\*\*\n\nThe Name of the collection/) });
    expect(hoverAt('/p/page.md', text, 2, 12)).toBeNull(); // "a: colon" in prose
    expect(hoverAt('/p/page.md', text, line, 18)).toBeNull(); // on the value
  });

  it('completes keys at the level, Interpolation values, and nothing after other keys', () => {
    const labels = (marked: string, path = '/p/page.md') => {
      const { text, line, character } = at(marked);
      return completionsAt(path, text, line, character, undefined, config).map((c) => c.label);
    };
    expect(labels(md('Models:\n- Name: a\n  Results:\n  - Task: X\n    Da|'))).toEqual(['Task', 'Dataset', 'Metrics']);
    expect(labels(md('Models:\n- Name: a\n  Metadata:\n    Interpolation: |'))).toContain('bilinear');
    expect(labels(md('Models:\n- Name: a\n  Weights: |'))).toEqual([]);
    expect(labels('Models:\n- Name: a\n  Metadata:\n    |', '/p/metafile.yml')).toContain('FLOPs');
    expect(labels(md('Models:\n- Name: a\n').replace('# Page', '<!-- milint-disable-next-line url/https, |'))).not.toContain('url/https');
    expect(labels(md('Models:\n- Name: a\n').replace('# Page', '<!-- milint-disable-next-line url/https, |'))).toContain('metadata/number');
  });
});
