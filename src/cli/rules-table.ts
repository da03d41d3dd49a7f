import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { docsPath, PACKAGE_ROOT, rules } from '../rules/index.js';
import { closest } from '../core/suggest.js';
import { UsageError } from '../errors.js';
import type { RuleId } from '../types.js';
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

/** `milint rules <id>`: the rule's page, docs/rules/<family>/<name>.md, as shipped in the package. */
export function rulePageText(id: string): string {
  const known = rules.map((r) => r.meta.id as string);
  if (!known.includes(id)) {
    const suggestion = closest(id, known);
    throw new UsageError(`Unknown rule "${id}".`, suggestion ? `Did you mean "${suggestion}"?` : 'milint rules lists them.');
  }
  return readFileSync(join(PACKAGE_ROOT, docsPath(id as RuleId)), 'utf8');
}
