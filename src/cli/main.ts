/**
 * The command line. The only module that touches `process` and the console; everything below
 * it returns data. Exit codes: 0 clean, 1 lint errors, 2 usage/config/input/internal failure.
 * It loads only commander: the lint engine is imported when a command runs, so that `--version`
 * and `--help` start at once.
 */
import { Command, CommanderError, Option } from 'commander';
import { isKnownError } from '../errors.js';
import { VERSION } from '../version.js';
import { PRESET_NAMES } from '../config/types.js';
import { FORMAT_NAMES } from '../format/names.js';
import { guardStdout, stdoutExitCode, writeStdout } from './stdout-guard.js';
import { safeText, noCommands } from '../io/sanitize.js';

export interface LintCliOptions {
  format: string[];
  outputFile: string[];
  maxWarnings?: string;
  quiet?: boolean;
  stdin?: boolean;
  stdinFilename?: string;
  fix?: boolean;
  fixDryRun?: boolean;
  allowOutsideRoot?: boolean;
  index?: string;
  concurrency?: string;
  cache?: boolean;
  cacheLocation?: string;
  maxBlockSize?: string;
  maxImports?: string;
  rootDir?: string;
  color?: boolean;
  config?: string | false;
  preset?: string;
  rule: string[];
  printConfig?: string;
  checkUrls?: boolean;
  verifyWeights?: boolean;
  offline?: boolean;
  urlCacheTtl?: string;
  urlTimeout?: string;
  maxDownloadSize?: string;
  ignore?: boolean;
  ignorePattern: string[];
}

/** Collects a repeatable option's values. */
const collectRule = (value: string, previous: string[]): string[] => [...previous, value];

export async function main(argv: readonly string[]): Promise<void> {
  guardStdout();
  const program = new Command()
    .name('milint')
    .description('Lint model-index metadata (Papers-with-Code format) in Markdown, YAML and JSON files.')
    .version(VERSION, '-v, --version')
    .showHelpAfterError('(run milint --help for usage)')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s), writeOut: writeStdout });

  const lintCommand = program.command('lint [paths...]', { isDefault: true })
    .description('lint files, directories or globs (the default command)')
    .option('-f, --format <name>', `output format: ${FORMAT_NAMES.join(', ')} (default: stylish); repeatable`, collectRule, [])
    .option('-o, --output-file <path>', 'write the last -f format(s) to this file instead of standard output; repeatable', collectRule, [])
    .option('--max-warnings <n>', 'exit with code 1 when there are more than n warnings')
    .option('--quiet', 'report errors only')
    .option('--fix', 'apply every fix and write the files, then report what remains')
    .option('--fix-dry-run', 'print the fixes as a unified diff and write nothing, then report what remains')
    .option('--stdin', 'lint text from standard input (at most 4 x --max-block-size bytes)')
    .option('--stdin-filename <path>', 'with --stdin: lint the text as if it were this file (default: stdin.md)')
    .addOption(new Option('--preset <name>', 'rule preset, replacing the config file\'s "extends"').choices([...PRESET_NAMES]))
    .option('-c, --config <file>', 'use this config file instead of searching for one')
    .option('--no-config', 'use no config file')
    .option('--rule <id: severity>', 'set a rule\'s severity (off, info, warn, error), or "id: [severity, {options}]"; repeatable', collectRule, [])
    .option('--no-ignore', 'lint what .gitignore files, the config\'s "ignores" and --ignore-pattern leave out')
    .option('--ignore-pattern <glob>', 'leave out the files this glob matches (relative to the current folder), as the config\'s "ignores"; repeatable', collectRule, [])
    .option('--root-dir <dir>', 'project root for root-relative README, Config and Image paths (default: the folder of the root model-index.yml, else the current folder)')
    .option('--index <file|auto>', 'lint the named files inside a whole index, so cross-file rules see every file (auto: the project\'s root model-index.*); report only the named files')
    .option('--allow-outside-root', 'follow references (Import, Metadata, README...) that lead outside the project root')
    .option('--concurrency <n|auto|off>', 'worker threads for linting files: a number, auto or off (default: auto: one per core from 5,000 files, none on a single core)')
    .option('--cache', 'keep each file\'s results and reuse them while the file, the configuration and milint are unchanged')
    .option('--cache-location <path>', 'the cache file, or a folder for it (default: node_modules/.cache/milint/)')
    .option('--max-block-size <chars>', 'largest model-index block to read, in characters (default: 10485760)')
    .option('--max-imports <n>', 'most imported files to follow in one run (default: 100000)')
    .option('--check-urls', 'ask the network: probe every Weights, Code, Paper, Config, README and Training Log link (see docs/online-checks.md)')
    .option('--verify-weights', 'ask the network: download each Weights checkpoint and check its sha256 prefix and File Size')
    .option('--offline', 'with --check-urls or --verify-weights: answer from the URL cache only, send no request')
    .option('--url-cache-ttl <duration>', 'how long a cached link answer stands: 0, 90s, 30m, 12h, 1d (default: 1d)')
    .option('--url-timeout <duration>', 'time to connect and to wait for an answer, per request (default: 15s)')
    .option('--max-download-size <size>', 'largest checkpoint --verify-weights downloads (default: 2GiB)')
    .option('--print-config <file>', 'print the configuration that applies to a file, and exit')
    .option('--color', 'force colour output')
    .option('--no-color', 'disable colour output')
    .exitOverride()
    .action(async (paths: string[], opts: LintCliOptions) => (await import('./run-lint.js')).runLint(paths, opts));

  program.command('rules [id]')
    .description('list every rule: id, default severity, fixable, description; with an id, print that rule\'s documentation')
    .addOption(new Option('--preset <name>', 'show the severities of this preset').choices([...PRESET_NAMES]))
    .option('--json', 'print the list as JSON')
    .exitOverride()
    .action(async (id: string | undefined, opts: { preset?: string; json?: boolean }) => {
      const { rulesTable, rulePageText } = await import('./rules-table.js');
      writeStdout(id === undefined ? rulesTable(opts.preset, Boolean(opts.json)) : rulePageText(id));
    });

  program.command('schema')
    .description('print the JSON Schema (draft-07) of the format, for editors (yaml-language-server)')
    .addOption(new Option('--preset <name>', 'the preset whose required fields the schema includes').choices([...PRESET_NAMES]))
    .addOption(new Option('--dialect <name>', 'pwc (model-index.yml, metafile.yml) or huggingface (model card front matter)').choices(['pwc', 'huggingface']).default('pwc'))
    .exitOverride()
    .action(async (opts: { preset?: string; dialect: 'pwc' | 'huggingface' }) => {
      const { jsonSchemaFor } = await import('../schema/json-schema.js');
      writeStdout(`${JSON.stringify(jsonSchemaFor({ ...(opts.preset ? { preset: opts.preset } : {}), dialect: opts.dialect }), null, 2)}\n`);
    });

  program.command('export [root]')
    .description('print the resolved index (imports followed, models merged with their collection) as one document')
    .addOption(new Option('-f, --format <name>', 'output format').choices(['json', 'yaml']).default('json'))
    .option('--root-dir <dir>', 'project root (see the lint command)')
    .option('--allow-outside-root', 'follow references that lead outside the project root')
    .option('--allow-partial', 'exit 0 when some files or blocks could not be read (they are still listed on standard error)')
    .exitOverride()
    .action(async (root: string | undefined, opts: { format: 'json' | 'yaml'; rootDir?: string; allowOutsideRoot?: boolean; allowPartial?: boolean }) => {
      const { runExport } = await import('./run-export.js');
      const exported = runExport(root ?? '.', opts);
      writeStdout(exported.text);
      if (exported.lossCount > 0) {
        const n = exported.lossCount;
        process.stderr.write(`milint export: the index is incomplete: ${n} ${n === 1 ? 'problem' : 'problems'} kept data out of it:\n${exported.losses}`
          + (opts.allowPartial ? '' : 'Fix them (milint lints them with positions), or pass --allow-partial to accept a partial export.\n'));
        if (!opts.allowPartial) process.exitCode = 1;
      }
    });

  program.command('lsp')
    .description('run the language server (Language Server Protocol) for editors: diagnostics as you type, quick fixes, hover, completion')
    .option('--stdio', 'talk over standard input and output (the default, and the only transport)')
    .exitOverride()
    .action(async () => {
      const { startServer } = await import('../lsp/server.js');
      startServer(process.stdin, process.stdout);
    });

  // `milint --help` shows the lint options too: `lint` is the default command, most runs never name it.
  program.usage('[paths...] [lint options]\n       milint <command> [options]');
  program.addHelpText('after', () => `\nLint options (milint [paths...] is milint lint [paths...]):\n${lintOptionsHelp(lintCommand)}`);

  try {
    await program.parseAsync([...argv]);
  } catch (e) {
    process.exitCode = exitForError(e);
  }
  process.exitCode = stdoutExitCode() ?? process.exitCode;
}

/** The options part of `milint lint --help`. */
function lintOptionsHelp(lint: Command): string {
  const text = lint.helpInformation();
  return text.slice(text.indexOf('Options:') + 'Options:\n'.length);
}

function exitForError(e: unknown): 2 | 0 {
  if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2; // help/version exit 0; commander printed the rest
  if (isKnownError(e)) {
    // Messages may quote file names and values from the repository: shown escaped, line by line.
    const shown = (s: string): string => noCommands(s.split('\n').map(safeText).join('\n'));
    process.stderr.write(`milint: ${shown(e.message)}\n${e.hint ? `${shown(e.hint)}\n` : ''}`);
    return 2;
  }
  process.stderr.write(`milint: internal error (please report it):\n${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  if (e instanceof Error && e.cause instanceof Error) process.stderr.write(`Caused by: ${e.cause.stack ?? e.cause.message}\n`);
  return 2;
}
