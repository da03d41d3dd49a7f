/**
 * Keys OpenMMLab writes on purpose (`Training Log`, `Training Memory (GB)`) are known: no
 * did-you-mean of another key, at model level or in Metadata; a near miss of one is suggested.
 */
import { describe, expect, it } from 'vitest';
import { lintText } from '../src/lint/lint.js';

const rows = (text: string, preset: string) =>
  lintText(text, 'metafile.yml', { config: false, preset }).results.flatMap((r) => r.diagnostics.map((d) => `${d.start.line}:${d.start.column} ${d.ruleId}: ${d.message}`));

const model = (key: string, metaKey: string) => [
  'Models:', '- Name: m', '  Config: https://example.com/m.py',
  `  ${key}: https://download.openmmlab.com/m.log.json`,
  '  Metadata:', `    ${metaKey}: 4.1`, '',
].join('\n');

describe('OpenMMLab extension keys', () => {
  for (const preset of ['recommended', 'openmmlab', 'timm']) {
    it(`accepts Training Log (model and Metadata) and Training Memory (GB) under ${preset}`, () => {
      expect(rows(model('Training Log', 'Training Log'), preset).filter((r) => !r.includes('model/required-fields') && !r.includes('url/'))).toEqual([]);
      expect(rows(model('Training Log', 'Training Memory (GB)'), preset).filter((r) => !r.includes('model/required-fields') && !r.includes('url/'))).toEqual([]);
    });
  }

  it('reports them only as keys outside the format under strict, never as a typo', () => {
    expect(rows(model('Training Log', 'Training Log'), 'strict').filter((r) => r.includes('unknown-key') || r.includes('misspelled'))).toEqual([
      '4:3 schema/unknown-key: Unknown key "Training Log" in Models[0]: it is not part of the format and is ignored.',
    ]);
  });

  it('suggests them for a near miss', () => {
    expect(rows(model('Training Lgo', 'Trainig Log'), 'openmmlab')).toEqual([
      '4:3 schema/unknown-key: Unknown key "Training Lgo" in Models[0]; did you mean "Training Log"?',
      '6:5 metadata/misspelled-key: Metadata key "Trainig Log" is not a known field; did you mean "Training Log"?',
    ]);
  });
});
