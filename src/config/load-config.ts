/**
 * Finds and reads a configuration file: `milint.config.{json,yaml,yml}`, `.milintrc` (YAML or JSON),
 * `.milintrc.{json,yaml,yml}`, or the `milint` key of package.json, in the first folder at or above
 * the start folder that has one (stopping at the repository root).
 */
import { existsSync } from 'node:fs';
import { describeRefusal, readGuarded, ReadRefused, realRoots, type ReadGuard } from '../io/read-guard.js';
import { dirname, join, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { ConfigError } from '../errors.js';

export const CONFIG_FILES = [
  'milint.config.json', 'milint.config.yaml', 'milint.config.yml',
  '.milintrc', '.milintrc.json', '.milintrc.yaml', '.milintrc.yml',
] as const;

export interface RawConfig {
  readonly file: string;
  readonly data: unknown;
}

/** Largest config file read (a config is a few hundred bytes; /dev/zero is endless). */
const MAX_CONFIG_BYTES = 1 << 20;

/**
 * The config file that applies to `start`, or undefined. A config found in the repository is read
 * only if its real path lies inside the repository (a link to a file elsewhere is refused).
 */
export function findConfig(start: string): RawConfig | undefined {
  const dirs: string[] = [];
  for (let dir = resolve(start); ; dir = dirname(dir)) {
    dirs.push(dir);
    if (existsSync(join(dir, '.git')) || dirname(dir) === dir) break;
  }
  const guard: ReadGuard = { maxBytes: MAX_CONFIG_BYTES, roots: realRoots([dirs[dirs.length - 1]!]) };
  for (const dir of dirs) {
    for (const name of CONFIG_FILES) {
      const p = join(dir, name);
      if (existsSync(p)) return readConfig(p, guard);
    }
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg)) {
      const data = readJson(pkg, guard) as Record<string, unknown> | undefined;
      if (data && typeof data === 'object' && 'milint' in data) return { file: pkg, data: data.milint };
    }
  }
  return undefined;
}

/** Reads a config file: one named with `--config` (anywhere), or one found (inside the repository). */
export function readConfig(path: string, guard: ReadGuard = { maxBytes: MAX_CONFIG_BYTES }): RawConfig {
  const text = readText(path, guard);
  if (path.endsWith('package.json')) {
    const data = readJson(path, guard) as Record<string, unknown> | undefined;
    return { file: path, data: data?.milint ?? {} };
  }
  try {
    return { file: path, data: parseYaml(text, { prettyErrors: true }) ?? {} };
  } catch (e) {
    throw new ConfigError(`The config file ${path} is not valid YAML or JSON: ${(e as Error).message.split('\n')[0]}`, undefined, { cause: e });
  }
}

/** A config file's text; a file that cannot or may not be read is a ConfigError. */
function readText(path: string, guard: ReadGuard): string {
  try {
    return readGuarded(path, guard).bytes.toString('utf8');
  } catch (e) {
    const why = e instanceof ReadRefused ? describeRefusal(e.refusal) : (e as NodeJS.ErrnoException).code ?? 'error';
    throw new ConfigError(`Cannot read the config file ${path} (${why}).`, undefined, { cause: e });
  }
}

function readJson(path: string, guard: ReadGuard): unknown {
  const text = readText(path, guard);
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new ConfigError(`${path} is not valid JSON: ${(e as Error).message}`, undefined, { cause: e });
  }
}
