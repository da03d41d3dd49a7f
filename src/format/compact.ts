import type { Formatter } from './types.js';
import { repoPath } from './paths.js';
import { noCommands, safeText } from '../io/sanitize.js';

/** One line per problem, `file:line:col: severity message [rule-id]`, for editors' problem matchers. */
export const compact: Formatter = (results, ctx) => {
  const lines: string[] = [];
  for (const r of results) {
    for (const d of r.diagnostics) {
      lines.push(`${safeText(repoPath(r.file, ctx.cwd))}:${d.start.line}:${d.start.column}: ${d.severity} ${safeText(d.message)} [${d.ruleId}]`);
    }
  }
  return lines.length ? noCommands(`${lines.join('\n')}\n`) : '';
};
