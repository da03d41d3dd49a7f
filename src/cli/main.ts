/**
 * The command line. The only module that touches `process` and the console; everything below
 * it returns data. Exit codes: 0 clean, 1 lint errors, 2 usage/config/input/internal failure.
 */
import { Command, CommanderError, Option } from 'commander';
import { readFileSync } from 'node:fs';
import { lintFiles, lintText, loadEffectiveConfig, type LintRun } from '../lint/lint.js';
import { fixFiles, writeFixes } from '../fix/fix-files.js';
import { unifiedDiff } from '../fix/diff.js';
import { reportSpan, toDiagnostic } from '../lint/report.js';
import { formatters, HUMAN_FORMATS } from '../format/index.js';
import { isKnownError, UsageError } from '../errors.js';
import { VERSION } from '../version.js';
import { PRESET_NAMES } from '../config/types.js';
import { chooseChalk } from './color.js';
import { exitCodeFor } from './exit-code.js';
import { planOutputs, writeAtomic } from './outputs.js';
import { printConfig } from './print-config.js';
import { progressLine } from './progress.js';
import { rulesTable } from './rules-table.js';

interface LintCliOptions {
  format: string[];
  outputFile: string[];
  maxWarnings?: string;
  quiet?: boolean;
  stdin?: boolean;
  stdinFilename?: string;
  fix?: boolean;
  fixDryRun?: boolean;
  rootDir?: string;
  color?: boolean;
  config?: string | false;
  preset?: string;
  rule: string[];
  printConfig?: string;
}

/** Collects a repeatable option's values. */
const collectRule = (value: string, previous: string[]): string[] => [...previous, value];

export async function main(argv: readonly string[]): Promise<void> {
  const program = new Command()
    .name('milint')
    .description('Lint model-index metadata (Papers-with-Code format) in Markdown, YAML and JSON files.')
    .version(VERSION, '-v, --version')
    .showHelpAfterError('(run milint --help for usage)')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s), writeOut: (s) => process.stdout.write(s) });

  program.command('lint [paths...]', { isDefault: true })
    .description('lint files, directories or globs (the default command)')
    .option('-f, --format <name>', `output format: ${Object.keys(formatters).join(', ')} (default: stylish); repeatable`, collectRule, [])
    .option('-o, --output-file <path>', 'write the last -f format(s) to this file instead of standard output; repeatable', collectRule, [])
    .option('--max-warnings <n>', 'exit with code 1 when there are more than n warnings')
    .option('--quiet', 'report errors only')
    .option('--fix', 'apply every fix and write the files, then report what remains')
    .option('--fix-dry-run', 'print the fixes as a unified diff and write nothing, then report what remains')
    .option('--stdin', 'lint text from standard input')
    .option('--stdin-filename <path>', 'with --stdin: lint the text as if it were this file (default: stdin.md)')
    .addOption(new Option('--preset <name>', 'rule preset, replacing the config file\'s "extends"').choices([...PRESET_NAMES]))
    .option('-c, --config <file>', 'use this config file instead of searching for one')
    .option('--no-config', 'use no config file')
    .option('--rule <id: severity>', 'set a rule\'s severity (off, info, warn, error), or "id: [severity, {options}]"; repeatable', collectRule, [])
    .option('--root-dir <dir>', 'project root for root-relative README, Config and Image paths (default: the folder of the root model-index.yml, else the current folder)')
    .option('--print-config <file>', 'print the configuration that applies to a file, and exit')
    .option('--color', 'force colour output')
    .option('--no-color', 'disable colour output')
    .exitOverride()
    .action((paths: string[], opts: LintCliOptions) => runLint(paths, opts));

  program.command('rules')
    .description('list every rule: id, default severity, fixable, description')
    .addOption(new Option('--preset <name>', 'show the severities of this preset').choices([...PRESET_NAMES]))
    .option('--json', 'print the list as JSON')
    .exitOverride()
    .action((opts: { preset?: string; json?: boolean }) => {
      process.stdout.write(rulesTable(opts.preset, Boolean(opts.json)));
    });

  try {
    await program.parseAsync([...argv]);
  } catch (e) {
    process.exitCode = exitForError(e);
  }
}

/** Reports files that `--fix` left alone because they changed on disk meanwhile. */
function withConflicts(run: LintRun, conflicts: readonly string[]): LintRun {
  if (conflicts.length === 0) return run;
  const results = run.results.map((r) => {
    const file = run.resolution.files.get(r.file)?.source;
    if (!conflicts.includes(r.file) || !file) return r;
    const d = toDiagnostic(reportSpan('file/fix-failed', 'changedOnDisk', {}, file, { start: 0, end: 0 }));
    return { ...r, diagnostics: [d, ...r.diagnostics] };
  });
  return { ...run, results };
}

function exitForError(e: unknown): 2 | 0 {
  if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2; // help/version exit 0; commander printed the rest
  if (isKnownError(e)) {
    process.stderr.write(`milint: ${e.message}\n${e.hint ? `${e.hint}\n` : ''}`);
    return 2;
  }
  process.stderr.write(`milint: internal error (please report it):\n${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  if (e instanceof Error && e.cause instanceof Error) process.stderr.write(`Caused by: ${e.cause.stack ?? e.cause.message}\n`);
  return 2;
}

function runLint(paths: string[], opts: LintCliOptions): void {
  const started = performance.now();
  const cwd = process.cwd();
  const plan = planOutputs(opts.format, opts.outputFile, cwd);
  const maxWarnings = opts.maxWarnings === undefined ? undefined : Number(opts.maxWarnings);
  if (maxWarnings !== undefined && !(Number.isInteger(maxWarnings) && maxWarnings >= 0)) {
    throw new UsageError(`--max-warnings takes a whole number of 0 or more, got "${opts.maxWarnings}".`);
  }
  if (opts.stdinFilename !== undefined && !opts.stdin) throw new UsageError('--stdin-filename goes with --stdin.');
  if (opts.fix && opts.fixDryRun) throw new UsageError('--fix and --fix-dry-run exclude each other.');
  if (opts.fix && opts.stdin) throw new UsageError('--fix cannot write standard input.', 'Use --fix-dry-run to see the fixes as a diff.');
  if (opts.stdin && paths.length > 0 && !(paths.length === 1 && paths[0] === '.')) {
    throw new UsageError('--stdin lints standard input: give no paths (use --stdin-filename to name the text).');
  }
  const configOptions = {
    cwd,
    ...(opts.config !== undefined ? { config: opts.config } : {}),
    ...(opts.preset !== undefined ? { preset: opts.preset } : {}),
    ruleFlags: opts.rule,
  };
  const effectiveConfig = loadEffectiveConfig(configOptions);
  if (opts.printConfig !== undefined) {
    process.stdout.write(printConfig(effectiveConfig, opts.printConfig, cwd));
    return;
  }
  const rootDir = opts.rootDir ? { rootDir: opts.rootDir } : {};
  const humanOnly = [plan.stdout, ...plan.files.map((f) => f.format)].every((f) => HUMAN_FORMATS.includes(f));
  const progress = !opts.stdin && humanOnly && process.stderr.isTTY ? progressLine(process.stderr) : undefined;
  const base = { cwd, effectiveConfig, ...rootDir, ...(progress ? { onProgress: progress.update } : {}) };
  const stdin = opts.stdin ? { text: readFileSync(0, 'utf8'), filename: opts.stdinFilename ?? 'stdin.md' } : undefined;
  let run: LintRun;
  if (opts.fix || opts.fixDryRun) {
    const fixed = fixFiles({ patterns: paths, ...base, ...(stdin ? { stdin } : {}) });
    progress?.clear();
    run = fixed.run;
    if (opts.fixDryRun && fixed.fixed.length) process.stdout.write(`${unifiedDiff(fixed.fixed, cwd)}\n`);
    else run = withConflicts(run, writeFixes(fixed.fixed).conflicts);
  } else {
    run = stdin ? lintText(stdin.text, stdin.filename, base) : lintFiles({ patterns: paths, ...base });
    progress?.clear();
  }
  const warnings = run.results.reduce((n, r) => n + r.diagnostics.filter((d) => d.severity !== 'error').length, 0);
  const results = opts.quiet
    ? run.results.map((r) => ({ ...r, diagnostics: r.diagnostics.filter((d) => d.severity === 'error') }))
    : run.results;
  const elapsedMs = performance.now() - started;
  for (const f of plan.files) {
    writeAtomic(f.path, formatters[f.format](results, { cwd, chalk: chooseChalk(false, {}, false), elapsedMs }));
  }
  const chalk = chooseChalk(opts.color, process.env, Boolean(process.stdout.isTTY));
  process.stdout.write(formatters[plan.stdout](results, { cwd, chalk, elapsedMs }));
  let code = exitCodeFor(results);
  if (maxWarnings !== undefined && warnings > maxWarnings) {
    process.stderr.write(`milint: ${warnings} ${warnings === 1 ? 'warning' : 'warnings'} found, more than the maximum of ${maxWarnings} (--max-warnings).\n`);
    code = 1;
  }
  process.exitCode = code;
}
