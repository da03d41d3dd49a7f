import { describe, expect, it } from 'vitest';
import { chooseChalk } from '../../src/cli/color.js';

describe('colour decision', () => {
  it.each<[string, boolean | undefined, NodeJS.ProcessEnv, boolean, number]>([
    ['a terminal', undefined, {}, true, 1],
    ['a pipe', undefined, {}, false, 0],
    ['NO_COLOR on a terminal', undefined, { NO_COLOR: '1' }, true, 0],
    ['FORCE_COLOR on a pipe', undefined, { FORCE_COLOR: '1' }, false, 1],
    ['FORCE_COLOR=0 on a terminal', undefined, { FORCE_COLOR: '0' }, true, 0],
    ['NO_COLOR wins over FORCE_COLOR', undefined, { NO_COLOR: '1', FORCE_COLOR: '1' }, true, 0],
    ['--color wins over NO_COLOR', true, { NO_COLOR: '1' }, false, 1],
    ['--no-color wins over FORCE_COLOR', false, { FORCE_COLOR: '1' }, true, 0],
  ])('%s', (_name, flag, env, tty, level) => {
    expect(chooseChalk(flag, env, tty).level).toBe(level);
  });
});
