import { rules } from '../rules/index.js';
import { resolveConfig } from '../config/resolve-config.js';

/** `milint rules`: every rule with its severity (under a preset), fixable flag and description. */
export function rulesTable(preset: string | undefined, json: boolean): string {
  const config = resolveConfig(preset ? { preset } : {});
  const rows = rules.map((r) => ({
    id: r.meta.id,
    severity: config.rules.get(r.meta.id)!.severity,
    fixable: r.meta.fixable,
    // `project`: compares files, runs once over the whole index; `file`: runs where each file is linted.
    scope: r.meta.scope ?? 'file',
    description: r.meta.description,
  }));
  if (json) return `${JSON.stringify(rows, null, 2)}\n`;
  const idWidth = Math.max(...rows.map((r) => r.id.length));
  const lines = rows.map((r) => `${r.id.padEnd(idWidth)}  ${r.severity.padEnd(7)}  ${r.fixable ? 'fix' : '   '}  ${r.description}`);
  return `${'rule'.padEnd(idWidth)}  ${'severity'.padEnd(7)}  fix  description\n${lines.join('\n')}\n`;
}
