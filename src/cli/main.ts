/**
 * The command line. The only module that touches `process` and the console; everything below
 * it returns data. Exit codes: 0 clean, 1 lint errors, 2 usage/config/input/internal failure.
 */
import { Command, CommanderError, Option } from 'commander';
import { lintFiles, loadEffectiveConfig } from '../lint/lint.js';
import { formatters, isFormatName } from '../format/index.js';
import { isKnownError, UsageError } from '../errors.js';
import { VERSION } from '../version.js';
import { PRESET_NAMES } from '../config/types.js';
import { chooseChalk } from './color.js';
import { exitCodeFor } from './exit-code.js';
import { printConfig } from './print-config.js';
import { rulesTable } from './rules-table.js';

interface LintCliOptions {
  format: string;
  rootDir?: string;
  color?: boolean;
  config?: string | false;
  preset?: string;
  rule: string[];
  printConfig?: string;
}

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
    .addOption(new Option('-f, --format <name>', 'output format').choices(Object.keys(formatters)).default('stylish'))
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
  if (!isFormatName(opts.format)) throw new UsageError(`Unknown format: ${opts.format}`);
  const cwd = process.cwd();
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
  const { results } = lintFiles({ patterns: paths, cwd, effectiveConfig, ...(opts.rootDir ? { rootDir: opts.rootDir } : {}) });
  const chalk = chooseChalk(opts.color, process.env, Boolean(process.stdout.isTTY));
  const elapsedMs = performance.now() - started;
  process.stdout.write(formatters[opts.format](results, { cwd, chalk, elapsedMs }));
  process.exitCode = exitCodeFor(results);
}
