/**
 * Table-driven position tests: each case is a file whose problem sits at a known place, and the
 * diagnostic must point exactly there (1-based line and column in UTF-16 units, in the file).
 */
import { describe, expect, it } from 'vitest';
import { lintTree, rows } from './helpers/tmp.js';

const MODEL = (flops: string) => `Models:\n- Name: m\n  Metadata:\n    FLOPs: ${flops}\n`;

describe('positions', () => {
  it.each<[string, Record<string, string | Uint8Array>, string[]]>([
    ['block on the line after <!--',
      { 'a.md': `# Title\n\nSome prose.\n\n<!--\nType: model-index\n${MODEL('-5')}-->\n` },
      ['a.md:10:12-10:14 metadata/number']],
    ['content on the same line as <!--',
      { 'a.md': `Intro\n<!-- Type: model-index\nModels:\n- Name: m\n  Metadata: {FLOPs: -5}\n-->\n` },
      ['a.md:5:21-5:23 metadata/number']],
    ['key on the <!-- line that is wrong',
      { 'a.md': `Intro\n\n<!--  Type: model-index\nModelz: []\n-->\n` },
      ['a.md:4:1-4:7 schema/unknown-key']],
    ['CRLF line endings',
      { 'a.md': `# T\r\n\r\n<!--\r\nType: model-index\r\n${MODEL('-5').replace(/\n/g, '\r\n')}-->\r\n` },
      ['a.md:8:12-8:14 metadata/number']],
    ['a BOM does not count as a column',
      { 'model-index.yml': `\uFEFF${MODEL('-5')}` },
      ['model-index.yml:4:12-4:14 metadata/number']],
    ['non-ASCII text before the target (UTF-16 columns)',
      { 'model-index.yml': 'Models:\n- Name: "模型"\n  Metadata: {Note: "é😀", FLOPs: -5}\n' },
      ['model-index.yml:3:34-3:36 metadata/number']],
    ['missing key points at the first line of its mapping',
      { 'model-index.yml': 'Models:\n- Name: m\n  Results:\n  - Task: Image Classification\n    Metrics: {Top 1: 1}\n' },
      ['model-index.yml:4:5-4:31 schema/missing-key']],
    ['missing key in a list item points at the first line of the item',
      { 'model-index.yml': 'Models:\n- Metadata: {}\n  Weights: https://x.org/w.pth\n' },
      ['model-index.yml:2:3-2:15 schema/missing-key']],
    ['missing key in a mapping value points at its key',
      { 'card.md': '---\nmodel-index:\n- name: m\n  results:\n  - task: {name: ASR}\n    dataset: {type: cv, name: CV}\n    metrics: []\n---\n' },
      ['card.md:5:5-5:9 schema/missing-key']],
    ['unknown key points at the key',
      { 'model-index.yml': 'Models:\n- Name: m\n  Wieghts: https://x.org/w.pth\n' },
      ['model-index.yml:3:3-3:10 schema/unknown-key']],
    ['a sequence item',
      { 'model-index.yml': 'Models:\n- Name: a\n- 42\n' },
      ['model-index.yml:3:3-3:5 schema/invalid-type']],
    ['duplicate key: reported at the second, and the last one is validated',
      { 'model-index.yml': 'Models:\n- Name: m\n  Weights: https://x.org/w.pth\n  Weights: not-a-url\n' },
      ['model-index.yml:4:3-4:10 yaml/duplicate-key', 'model-index.yml:4:12-4:21 schema/invalid-value']],
    ['a value that came through an import points into the imported file',
      { 'model-index.yml': 'Import:\n- models/*.yml\n', 'models/m.yml': '# m\nModels:\n- Name: m\n  Metadata:\n    Epochs: -1\n' },
      ['models/m.yml:5:13-5:15 metadata/number']],
    ['a Metadata file reference keeps positions in the referenced file',
      { 'model-index.yml': 'Models:\n- Name: m\n  Metadata: meta.yml\n', 'meta.yml': 'Metadata:\n  FLOPs: many\n' },
      ['meta.yml:2:10-2:14 metadata/number']],
    ['a value reached through an alias points at the anchor',
      { 'model-index.yml': 'Modls: &m {FLOPs: -1}\nModels:\n- Name: m\n  Metadata: *m\n' },
      ['model-index.yml:1:1-1:6 schema/unknown-key', 'model-index.yml:1:19-1:21 metadata/number']],
    ['front matter (exact keys)',
      { 'card.md': '---\nlicense: mit\nmodel-index:\n- name: m\n  results:\n  - task: {type: asr}\n    dataset: {type: cv, name: CV}\n    metrics:\n    - {type: wer, value: 1, verified: maybe}\n---\n# Card\n' },
      ['card.md:9:39-9:44 schema/invalid-type']],
    ['a key over-indented under a mapping: at the key, not at column 1',
      { 'model-index.yml': 'Models:\n  - Name: m\n    Results:\n      - Task: X\n        Dataset: Y\n        Metrics:\n          Top 1: 1\n     README: a.md\n' },
      ['model-index.yml:8:6-8:7 yaml/syntax']],
    ['a folded (>-) value: at its text, not at the indicator',
      { 'model-index.yml': 'Models:\n  - Name: m\n    Weights: >-\n      http://example.com/m.pth\n' },
      ['model-index.yml:4:7-4:31 url/https']],
  ])('%s', (_name, files, expected) => {
    expect(rows(lintTree(files))).toEqual(expected);
  });
});
