import { Chalk, type ChalkInstance } from 'chalk';

/**
 * Decides colour once, here: `--color`/`--no-color` win, then NO_COLOR (any non-empty value
 * turns colour off, https://no-color.org), then FORCE_COLOR, then whether stdout is a terminal.
 */
export function chooseChalk(flag: boolean | undefined, env: NodeJS.ProcessEnv, isTTY: boolean): ChalkInstance {
  let on: boolean;
  if (flag !== undefined) on = flag;
  else if (env.NO_COLOR) on = false;
  else if (env.FORCE_COLOR !== undefined) on = env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  else on = isTTY;
  return new Chalk({ level: on ? 1 : 0 });
}
