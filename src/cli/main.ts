/**
 * The command line. The only module that touches `process` and the console; everything below
 * it returns data. Exit codes: 0 clean, 1 lint errors, 2 usage/input/internal failure.
 */
import { Command, CommanderError, Option } from 'commander';
import { lintFiles } from '../lint/lint.js';
import { formatters, isFormatName } from '../format/index.js';
import { isKnownError, UsageError } from '../errors.js';
import { VERSION } from '../version.js';
import { chooseChalk } from './color.js';
import { exitCodeFor } from './exit-code.js';

interface CliOptions {
  format: string;
  rootDir?: string;
  color?: boolean;
}

export async function main(argv: readonly string[]): Promise<void> {
  const program = new Command()
    .name('milint')
    .description('Lint model-index metadata (Papers-with-Code format) in Markdown, YAML and JSON files.')
    .version(VERSION, '-v, --version')
    .argument('[paths...]', 'files, directories or globs to lint', ['.'])
    .addOption(new Option('-f, --format <name>', 'output format').choices(Object.keys(formatters)).default('stylish'))
    .option('--root-dir <dir>', 'project root for root-relative README, Config and Image paths (default: the folder of the root model-index.yml, else the current folder)')
    .option('--color', 'force colour output')
    .option('--no-color', 'disable colour output')
    .showHelpAfterError('(run milint --help for usage)')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s), writeOut: (s) => process.stdout.write(s) })
    .action((paths: string[], opts: CliOptions) => run(paths, opts));
  try {
    await program.parseAsync([...argv]);
  } catch (e) {
    if (e instanceof CommanderError) {
      // Help and version exit 0; a bad flag has already been printed by commander.
      process.exitCode = e.exitCode === 0 ? 0 : 2;
      return;
    }
    if (isKnownError(e)) {
      process.stderr.write(`milint: ${e.message}\n${e.hint ? `${e.hint}\n` : ''}`);
      process.exitCode = 2;
      return;
    }
    process.stderr.write(`milint: internal error (please report it):\n${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    if (e instanceof Error && e.cause instanceof Error) process.stderr.write(`Caused by: ${e.cause.stack ?? e.cause.message}\n`);
    process.exitCode = 2;
  }
}

function run(paths: string[], opts: CliOptions): void {
  const started = performance.now();
  if (!isFormatName(opts.format)) throw new UsageError(`Unknown format: ${opts.format}`);
  const { results } = lintFiles({ patterns: paths, cwd: process.cwd(), rootDir: opts.rootDir });
  const chalk = chooseChalk(opts.color, process.env, Boolean(process.stdout.isTTY));
  const elapsedMs = performance.now() - started;
  const output = formatters[opts.format](results, { cwd: process.cwd(), chalk, elapsedMs });
  process.stdout.write(output);
  process.exitCode = exitCodeFor(results);
}
