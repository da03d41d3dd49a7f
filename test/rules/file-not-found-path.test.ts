/** file/not-found shows the whole path: the mistake is often at its end (`.py.py`). */
import { describe, expect, it } from 'vitest';
import { lintFiles } from '../../src/lint/lint.js';
import { tmpTree } from '../helpers/tmp.js';

describe('file/not-found message', () => {
  it('quotes a long path whole', () => {
    const config = 'configs/selfsup/mae/mae_vit-huge-p16_8xb512-amp-coslr-1600e_in1k.py.py';
    const dir = tmpTree({
      'model-index.yml': `Models:\n- Name: m\n  Config: ${config}\n`,
      'configs/selfsup/mae/mae_vit-huge-p16_8xb512-amp-coslr-1600e_in1k.py': '',
    });
    const found = lintFiles({ patterns: ['.'], cwd: dir, config: false, preset: 'openmmlab' }).results
      .flatMap((r) => r.diagnostics.map((d) => `${d.start.line}:${d.start.column} ${d.ruleId}: ${d.message}`));
    expect(found).toEqual([
      `3:11 file/not-found: Config names "${config}", which does not exist (looked in configs/selfsup/mae).`,
    ]);
  });
});
