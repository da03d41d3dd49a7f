/**
 * The programmatic API: the same engine the CLI uses.
 *
 * ```ts
 * import { lint, loadIndex, formatters } from 'model-index-lint';
 * const { results } = await lint({ patterns: ['docs'], preset: 'timm' });
 * console.log(formatters.stylish(results, { cwd: process.cwd(), chalk: new Chalk({ level: 0 }) }));
 * ```
 */
import { indexFiles, lintText, type LintOptions, type LintRun } from './lint/lint.js';
import { lintFilesAsync } from './engine/lint-async.js';
import { exportIndex, type ExportedIndex } from './model/export.js';
import { resolve } from 'node:path';
import { loadRuleModules, ruleModuleUrls } from './rules/modules.js';

export { formatters, type FormatName, type Formatter, type FormatContext } from './format/index.js';
export { rules } from './rules/index.js';
export { defineRule, type Rule, type RuleMeta, type RuleContext, type Reads } from './rules/define-rule.js';
export { defineFact } from './model/facts.js';
export { resolveConfig } from './config/resolve-config.js';
export { PRESET_NAMES, type PresetName, type EffectiveConfig } from './config/types.js';
export { UsageError, ConfigError, InputError } from './errors.js';
export type { Diagnostic, FileResult, Fix, Suggestion, Severity, RuleId, Position, Span } from './types.js';
export type { ModelIndex, Entry, Result, Fact, LocatedMap } from './model/types.js';
export type { ExportedIndex, ExportedEntry, ExportedResult, ExportedMetric } from './model/export.js';
export type { LintOptions } from './lint/lint.js';

export interface LintResult {
  /** One result per file that holds a model-index block, sorted by path. */
  readonly results: LintRun['results'];
  /** The complete resolved index (every entry with all its data), read from the files again when first asked for. */
  readonly index: LintRun['index'];
}

/**
 * Lints files (paths, folders or globs in `patterns`, default `.`), or `text` as if it were the file
 * `filename`. Problems in the input are results, not exceptions; a bad option, configuration or a
 * path that matches nothing rejects with a UsageError, ConfigError or InputError.
 */
export async function lint(options: LintOptions & { text?: string; filename?: string } = {}): Promise<LintResult> {
  await loadRuleModules(ruleModuleUrls(options.ruleModules, resolve(options.cwd ?? process.cwd())));
  if (options.text !== undefined) {
    const run = lintText(options.text, options.filename ?? 'stdin.md', options);
    return { results: run.results, index: run.index };
  }
  const run = await lintFilesAsync(options);
  // Files linted on their own leave summaries, not whole entries: the full index is built on demand,
  // once, by reading and resolving the files again (no rule runs twice).
  let index: LintRun['index'] | undefined;
  return { results: run.results, get index() { return (index ??= indexFiles(options)); } };
}

/** Resolves the index (imports followed) and returns it as `milint export` prints it. */
export async function loadIndex(options: LintOptions = {}): Promise<ExportedIndex> {
  return exportIndex(indexFiles(options), options.cwd ?? process.cwd());
}
