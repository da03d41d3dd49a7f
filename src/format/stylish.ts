import { relative } from 'node:path';
import type { Diagnostic } from '../types.js';
import { LineIndex } from '../source/line-index.js';
import type { FormatContext, Formatter } from './types.js';
import { noCommands, safeLine, safeText } from '../io/sanitize.js';
import { Chalk } from 'chalk';

/** No colour: what an API caller gets without passing `chalk`. */
const PLAIN = new Chalk({ level: 0 });

/**
 * The default, for people: problems grouped by file, `line:col  severity  message  rule-id`, a
 * code frame under each problem with its span underlined, and a summary line.
 */
export const stylish: Formatter = (results, ctx) => {
  const chalk = ctx.chalk ?? PLAIN;
  const out: string[] = [];
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  let fixable = 0;
  for (const r of results) {
    if (r.diagnostics.length === 0) continue;
    out.push(chalk.underline(safeText(relative(ctx.cwd, r.file) || r.file)));
    const lines = r.source !== undefined ? new LineIndex(r.source) : undefined;
    for (const d of r.diagnostics) {
      if (d.fix) fixable++;
      if (d.severity === 'error') errors++;
      else if (d.severity === 'warning') warnings++;
      else infos++;
      const sev = d.severity === 'error' ? chalk.red('error') : d.severity === 'warning' ? chalk.yellow('warning') : chalk.blue('info');
      out.push(`  ${chalk.dim(`${d.start.line}:${d.start.column}`)}  ${sev}  ${safeText(d.message)}  ${chalk.dim(d.ruleId)}`);
      if (lines && r.source !== undefined) out.push(...frame(r.source, lines, d, ctx));
    }
    out.push('');
  }
  const files = results.length;
  const hidden = ctx.hidden ?? 0;
  const total = errors + warnings + infos;
  if (files === 0) {
    out.push(chalk.yellow('No model-index blocks found: no Markdown comment with `Type: model-index`, no `model-index:` front matter, no model-index/metafile YAML.'));
  } else if (total === 0 && hidden > 0) {
    out.push(chalk.green(`✔ No errors found in ${files} ${files === 1 ? 'file' : 'files'}${time(ctx)}.`));
  } else if (total === 0) {
    out.push(chalk.green(`✔ No problems found in ${files} ${files === 1 ? 'file' : 'files'}${time(ctx)}.`));
  } else {
    const parts = [`${errors} ${errors === 1 ? 'error' : 'errors'}`, `${warnings} ${warnings === 1 ? 'warning' : 'warnings'}`];
    if (infos) parts.push(`${infos} info`);
    const line = `✖ ${total} ${total === 1 ? 'problem' : 'problems'} (${parts.join(', ')}) in ${files} ${files === 1 ? 'file' : 'files'}${time(ctx)}.`;
    out.push(errors ? chalk.red.bold(line) : chalk.yellow.bold(line));
    if (fixable) out.push(chalk.dim(`  ${fixable} ${fixable === 1 ? 'problem is' : 'problems are'} fixable with --fix.`));
  }
  if (files > 0 && hidden > 0) out.push(chalk.dim(`  ${hidden} ${hidden === 1 ? 'warning' : 'warnings'} not shown (--quiet).`));
  return noCommands(`${out.join('\n')}\n`);
};

function time(ctx: FormatContext): string {
  return ctx.elapsedMs === undefined ? '' : ` (${ctx.elapsedMs < 1000 ? `${Math.round(ctx.elapsedMs)} ms` : `${(ctx.elapsedMs / 1000).toFixed(1)} s`})`;
}

/**
 * The line before, the problem's line, and a caret line under the span (first line only). Source
 * text is shown escaped (see sanitize.ts), and the caret sits under the escaped text.
 */
function frame(text: string, lines: LineIndex, d: Diagnostic, ctx: FormatContext): string[] {
  const chalk = ctx.chalk ?? PLAIN;
  const n = d.start.line;
  const width = String(n).length;
  const show = (ln: number): string => {
    const { start, end } = lines.lineSpan(ln, text);
    return text.slice(start, end);
  };
  const out: string[] = [];
  if (n > 1) out.push(chalk.dim(`    ${String(n - 1).padStart(width)} | ${clip(show(n - 1))}`));
  const line = show(n);
  out.push(`  ${chalk.red('>')} ${String(n).padStart(width)} | ${clip(line)}`);
  const col = d.start.column - 1;
  const endCol = d.end.line === n ? Math.max(d.end.column - 1, col + 1) : Math.max(line.length, col + 1);
  if (col < 200) {
    // Columns of the escaped text: an escaped character takes several.
    const pad = safeLine(line.slice(0, col)).replace(/[^\t]/g, ' ');
    const span = line.slice(col, endCol);
    const carets = safeLine(span).length + (endCol - col - span.length);
    out.push(`    ${' '.repeat(width)} | ${pad}${chalk.red('^'.repeat(Math.max(1, Math.min(carets, 200 - col))))}`);
  }
  return out;
}

/** Very long lines are cut in the frame (the position in the report stays exact). */
function clip(line: string): string {
  return line.length > 200 ? `${safeLine(line.slice(0, 200))}…` : safeLine(line);
}
