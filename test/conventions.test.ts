/**
 * Each ecosystem's conventions are accepted under its preset, and what is wrong inside them is
 * still reported (see README "Conventions"); one message per mistake.
 */
import { describe, expect, it } from 'vitest';
import { lintText } from '../src/lint/lint.js';

const rows = (text: string, file: string, preset: string) =>
  lintText(text, file, { config: false, preset }).results.flatMap((r) => r.diagnostics.map((d) => `${d.start.line} ${d.ruleId}: ${d.message}`));

describe('OpenMMLab conventions (--preset openmmlab)', () => {
  const metafile = [
    'Collections:', '- Name: GAN', '  Paper:', '  - https://arxiv.org/abs/1511.06434', '  - https://arxiv.org/abs/1706.08500',
    'Models:',
    '- Name: gan_a', '  In Collection: GAN', '  Config: https://github.com/open-mmlab/mmgeneration/blob/master/configs/gan/a.py',
    '  Metadata:', '    Batch Size: 8x4', '    inference time (ms/im):', '    - value: 0.62', '      batch size: 16',
    '  Results:', '  - Task: Unconditional GANs', '    Dataset: CIFAR10', '    Metrics:',
    '      P&R10k: 62.856/49.400', '      SWD: 3.42, 4.04, 4.78, 20.38/8.15', '      Log: \'[Log]\'', '      FID: \'-\'',
    '- Name: gan_b', '  In Collection: GAN', '  Config: mmcls::resnet/resnet18_8xb32_in1k.py',
    '  Results:', '  - Task: Unconditional GANs', '    Dataset: CIFAR10', '    Metrics:', '      Log: \'[Log]\'', '      IS: 8.1',
    '- Name: gan_c', '  In Collection: GAN', '  Config: https://example.com/c.py', '  Results: null',
    '',
  ].join('\n');

  it('accepts composite cells, Batch Size 8x4, Paper lists, URL and package::path configs, Results: null, lower-case keys in custom Metadata', () => {
    expect(rows(metafile, 'metafile.yml', 'openmmlab')).toEqual([
      // A text column is one finding per file (at its first value, with the count); a placeholder each time.
      '21 results/metric-value: Metric "Log" must be a number or a percent string, got "[Log]" (and 1 more text value of this metric in this file).',
      '22 results/metric-value: Metric "FID" must be a number or a percent string, got "-".',
    ]);
  });

  it('reports a unit string in a count (no OpenMMLab repository writes one on purpose)', () => {
    const text = 'Models:\n- Name: m\n  Config: https://example.com/m.py\n  Metadata:\n    FLOPs: 12.5G\n';
    expect(lintText(text, 'metafile.yml', { config: false, preset: 'openmmlab' }).results.flatMap((r) => r.diagnostics.map((d) => `${d.start.line}:${d.start.column} ${d.ruleId}: ${d.message}`))).toEqual([
      '5:12 metadata/number: FLOPs is written with a unit ("12.5G"); write the number itself (12500000000), since other tools read "12.5G" as a string.',
    ]);
  });

  it('reports composite cells and 8x4 under the recommended preset', () => {
    const found = rows(metafile, 'metafile.yml', 'recommended').map((r) => r.split(':')[0]);
    expect(found).toEqual(expect.arrayContaining(['11 metadata/number', '19 results/metric-value', '20 results/metric-value']));
  });
});

describe('Hugging Face conventions (--preset huggingface)', () => {
  const card = (metrics: string, extra = '') => `---\nmodel-index:\n- name: ppo-LunarLander-v2\n  results:\n  - task:\n      type: reinforcement-learning\n      name: reinforcement-learning\n${extra}    dataset:\n      type: LunarLander-v2\n      name: LunarLander-v2\n      args: null\n    metrics:\n${metrics}---\n# card\n`;

  it('accepts mean +/- std rewards (stable-baselines3, RL Zoo), task.args and null optional keys', () => {
    expect(rows(card('    - type: mean_reward\n      value: 250.00 +/- 20.0\n      name: mean_reward\n', '      args: eng-deu\n'), 'README.md', 'huggingface')).toEqual([]);
  });

  it('reports a placeholder value once, and a missing value once', () => {
    expect(rows(card('    - type: wer\n      value: WIP\n    - type: cer\n'), 'README.md', 'huggingface')).toEqual([
      '14 results/metric-value: Metric "wer" must be a number in this dialect, got "WIP".',
      '15 results/metric-value: Metric "cer" has no value.',
    ]);
  });

  it('a typo\'d key is one finding, and a key repeated across the file one message with a count', () => {
    const text = '---\nmodel-index:\n- name: m\n  results:\n  - tasks:\n      type: ner\n  - tasks:\n      type: pos\n---\n';
    expect(rows(text, 'README.md', 'huggingface')).toEqual([
      '5 schema/unknown-key: Unknown key "tasks" in model-index[0].results[0]; did you mean "task"? (2 times in this file)',
    ]);
  });
});

describe('collection/duplicate', () => {
  it('names the fields that differ, and lets per-dataset Metadata differ', () => {
    const text = 'Collections:\n- Name: C\n  Paper: https://arxiv.org/abs/1\n  Metadata:\n    Training Data: CUB\n- Name: C\n  Paper: https://arxiv.org/abs/2\n  Metadata:\n    Training Data: VOC\n- Name: C\n  Paper: https://arxiv.org/abs/1\n  Metadata:\n    Training Data: COCO\n';
    expect(rows(text, 'model-index.yml', 'recommended')).toEqual([
      '6 collection/duplicate: Collection "C" is also defined at model-index.yml:2 with a different Paper; define it once.',
    ]);
  });
});

describe('a metafile commented out on purpose', () => {
  it('holds no model-index data: neither an orphan nor an empty file', async () => {
    const { tmpTree } = await import('./helpers/tmp.js');
    const { lintFiles } = await import('../src/lint/lint.js');
    const dir = tmpTree({
      'model-index.yml': 'Import:\n- configs/a/metafile.yml\n',
      'configs/a/metafile.yml': 'Models:\n- Name: a\n  Config: configs/a/a.py\n',
      'configs/a/a.py': '',
      'configs/b/metafile.yml': '# Models:\n  # - Name: b\n  #   Config: configs/b/b.py\n',
      'configs/c/metafile.yml': 'Models:\n- Name: c\n',
    });
    const run = lintFiles({ patterns: ['.'], cwd: dir, preset: 'openmmlab', config: false });
    expect(run.results.flatMap((r) => r.diagnostics.map((d) => `${r.file.slice(dir.length + 1)}:${d.start.line} ${d.ruleId}`)))
      .toEqual(['configs/c/metafile.yml:1 import/orphan', 'configs/c/metafile.yml:2 model/required-fields']);
  });
});

describe('front matter as the Hub reads it', () => {
  it('after leading blank lines: read, and a placeholder in it reported', () => {
    const card = '\n\n---\nmodel-index:\n- name: m\n  results:\n  - task: {type: text-classification}\n    dataset: {type: emotion, name: emotion}\n    metrics:\n    - {type: accuracy, value: WIP}\n---\n# m\n';
    expect(rows(card, 'README.md', 'huggingface').map((r) => r.split(':')[0])).toEqual(['10 results/metric-value']);
  });
});

describe('collection/exists did-you-mean', () => {
  it('prefers a name defined on the same page', async () => {
    const { tmpTree } = await import('./helpers/tmp.js');
    const { lintFiles } = await import('../src/lint/lint.js');
    const page = (collection: string, used: string) => `# p\n\n<!--\nType: model-index\nCollections:\n- Name: ${collection}\nModels:\n- Name: m_${collection}\n  In Collection: ${used}\n-->\n`;
    const dir = tmpTree({ 'model-index.yml': 'Import:\n- a.md\n- b.md\n', 'a.md': page('RKD', 'RKD'), 'b.md': page('PKDD', 'PKD') });
    const run = lintFiles({ patterns: ['.'], cwd: dir, config: false });
    expect(run.results.flatMap((r) => r.diagnostics.map((d) => d.message)))
      .toEqual(['In Collection names "PKD", but no collection of that name is defined; did you mean "PKDD"?']);
  });
});
