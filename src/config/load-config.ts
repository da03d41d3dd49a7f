/**
 * Finds and reads a configuration file: `milint.config.{json,yaml,yml}`, `.milintrc` (YAML or JSON),
 * `.milintrc.{json,yaml,yml}`, or the `milint` key of package.json, in the first folder at or above
 * the start folder that has one (stopping at the repository root).
 */
import { existsSync, readFileSync } from 'node:fs';
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

/** The config file that applies to `start`, or undefined. */
export function findConfig(start: string): RawConfig | undefined {
  for (let dir = resolve(start); ; dir = dirname(dir)) {
    for (const name of CONFIG_FILES) {
      const p = join(dir, name);
      if (existsSync(p)) return readConfig(p);
    }
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg)) {
      const data = readJson(pkg) as Record<string, unknown> | undefined;
      if (data && typeof data === 'object' && 'milint' in data) return { file: pkg, data: data.milint };
    }
    if (existsSync(join(dir, '.git')) || dirname(dir) === dir) return undefined;
  }
}

/** Reads a named config file (`--config`). */
export function readConfig(path: string): RawConfig {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new ConfigError(`Cannot read the config file ${path} (${(e as NodeJS.ErrnoException).code ?? 'error'}).`, undefined, { cause: e });
  }
  if (path.endsWith('package.json')) {
    const data = readJson(path) as Record<string, unknown> | undefined;
    return { file: path, data: data?.milint ?? {} };
  }
  try {
    return { file: path, data: parseYaml(text, { prettyErrors: true }) ?? {} };
  } catch (e) {
    throw new ConfigError(`The config file ${path} is not valid YAML or JSON: ${(e as Error).message.split('\n')[0]}`, undefined, { cause: e });
  }
}

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as unknown;
  } catch (e) {
    throw new ConfigError(`${path} is not valid JSON: ${(e as Error).message}`, undefined, { cause: e });
  }
}
