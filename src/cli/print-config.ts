import { relative, resolve } from 'node:path';
import type { EffectiveConfig } from '../config/types.js';

/** `--print-config <file>`: the effective configuration for a file, as JSON. */
export function printConfig(config: EffectiveConfig, file: string, cwd: string): string {
  const rules: Record<string, unknown> = {};
  for (const [id, s] of config.rules) {
    const options = s.options as Record<string, unknown> | undefined;
    rules[id] = options && Object.keys(options).length ? [s.severity, options] : s.severity;
  }
  return `${JSON.stringify({
    file: relative(cwd, resolve(cwd, file)) || file,
    configFile: config.file ? relative(cwd, config.file) : null,
    extends: config.extends,
    rootDir: config.rootDir ?? null,
    ignores: config.ignores,
    rules,
  }, null, 2)}\n`;
}
