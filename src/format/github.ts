/**
 * GitHub Actions workflow commands: one `::error`/`::warning`/`::notice` annotation per problem,
 * then the whole report in a collapsed group (GitHub shows only the first annotations of a step).
 * @see https://docs.github.com/en/actions/using-workflows/workflow-commands-for-github-actions
 */
import type { Severity } from '../types.js';
import type { Formatter } from './types.js';
import { repoPath } from './paths.js';
import { stylish } from './stylish.js';
import { noCommands, safeText } from '../io/sanitize.js';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

/**
 * Escapes the message part of a command: control characters and bidi marks as `safeText` shows
 * them (the log renders ANSI sequences), after GitHub's own escapes of `%`, CR and LF.
 */
export function escapeData(s: string): string {
  return noCommands(safeText(s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')));
}

/** Escapes a property value: as data, plus `:` and `,`. */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export const github: Formatter = (results, ctx) => {
  const lines: string[] = [];
  for (const r of results) {
    const file = escapeProperty(repoPath(r.file, ctx.root ?? ctx.cwd));
    for (const d of r.diagnostics) {
      const props = `file=${file},line=${d.start.line},endLine=${d.end.line},col=${d.start.column},endColumn=${d.end.column},title=${escapeProperty(d.ruleId)}`;
      lines.push(`::${COMMAND[d.severity]} ${props}::${escapeData(d.message)}`);
    }
  }
  // The full report, in a group; `::` at the start of a report line would be read as a command.
  const report = stylish(results, { ...ctx, elapsedMs: undefined }).replace(/^::/gm, ': :');
  lines.push('::group::milint report', report.trimEnd(), '::endgroup::');
  return `${lines.join('\n')}\n`;
};
