/**
 * Lists the rules share per index are worked out once per index, and let go of when the rules
 * are done: no index outlives the run that linted it.
 */
import { describe, expect, it } from 'vitest';
import { forgetIndexLists, perIndex } from '../../src/rules/helpers/per-index.js';
import { runRules } from '../../src/lint/run-rules.js';
import { resolveConfig } from '../../src/config/resolve-config.js';
import { lintText } from '../../src/lint/lint.js';
import type { ModelIndex } from '../../src/model/types.js';

const index = (): ModelIndex => ({ models: [], collections: [], libraries: [], complete: true, rootDir: '/' });

describe('perIndex', () => {
  it('works a list out once per index, for the last index only, until forgotten', () => {
    let computed = 0;
    const list = perIndex((i) => { computed++; return [i.rootDir]; });
    const a = index();
    const b = index();
    expect(list(a)).toBe(list(a));
    expect(computed).toBe(1);
    list(b);
    list(a);
    expect(computed).toBe(3);
    forgetIndexLists();
    list(a);
    expect(computed).toBe(4);
  });

  it('runRules forgets the lists when its rules are done', () => {
    let computed = 0;
    const list = perIndex(() => { computed++; return []; });
    const run = lintText('<!--\nType: model-index\nModels:\n- Name: a\n-->\n', '/tmp/a.md', { config: false });
    list(run.index);
    list(run.index);
    expect(computed).toBe(1);
    runRules([], run.index, { blocks: [], orphans: [], fileExists: () => false, leadsOutside: () => false, where: () => '' }, resolveConfig());
    list(run.index);
    expect(computed).toBe(2);
  });
});
