import { rules } from '../rules/index.js';
import { docsUrl } from '../rules/index.js';
import type { Formatter } from './types.js';
import { toEslint } from './json.js';
import { safeJson } from '../io/sanitize.js';

/**
 * ESLint's `json-with-metadata` shape: `{ results, metadata: { cwd, rulesMeta } }`, where rulesMeta
 * gives each rule's description, docs URL and fixable flag, for tools that show rule help.
 */
export const jsonWithMetadata: Formatter = (results, ctx) => {
  const rulesMeta: Record<string, unknown> = {};
  for (const r of rules) {
    rulesMeta[r.meta.id] = {
      type: r.meta.defaultSeverity === 'error' ? 'problem' : 'suggestion',
      docs: { description: r.meta.description, url: docsUrl(r.meta.id) },
      ...(r.meta.fixable ? { fixable: 'code' } : {}),
      ...(r.meta.deprecated ? { deprecated: true } : {}),
    };
  }
  return safeJson(JSON.stringify({ results: results.map(toEslint), metadata: { cwd: ctx.cwd, rulesMeta } }));
};
