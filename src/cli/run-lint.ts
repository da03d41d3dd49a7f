import { resolve } from 'node:path';
import { lintFiles, lintText, loadEffectiveConfig, type LintRun } from '../lint/lint.js';
import { lintFilesAsync } from '../engine/lint-async.js';
import type { Concurrency } from '../engine/workers/lint-pool.js';
import { HUMAN_FORMATS } from '../format/names.js';
import type { FormatName, Formatter } from '../format/index.js';
import { UsageError } from '../errors.js';
import { chooseChalk } from './color.js';
import { exitCodeFor } from './exit-code.js';
import { planOutputs } from './outputs.js';
import { OutputError, shownPath, writeOutput } from '../io/safe-output.js';
import { cacheFilePath } from '../engine/lint-cache.js';
import { checkCacheLocation } from '../cache/cache-location.js';
import { cacheSecret } from '../cache/cache-secret.js';
import { DEFAULT_LIMITS } from '../parse/load-file.js';
import { gitRoot } from '../discover/discover.js';
import { readStdin, STDIN_BLOCKS } from './read-stdin.js';
import { writeStdout } from './stdout-guard.js';
import { noCommands, safeLine, safeText } from '../io/sanitize.js';
import { printConfig } from './print-config.js';
import { progressLine } from './progress.js';
import type { LintCliOptions } from './main.js';
import { withFixFailures } from '../fix/fix-failures.js';

export async function runLint(paths: string[], opts: LintCliOptions): Promise<void> {
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
  const online = Boolean(opts.checkUrls || opts.verifyWeights);
  const onlineOnly = (['offline', 'urlCacheTtl', 'urlTimeout', 'maxDownloadSize'] as const).find((k) => opts[k] !== undefined);
  if (!online && onlineOnly) throw new UsageError(`--${onlineOnly.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)} goes with --check-urls or --verify-weights.`);
  const configOptions = {
    cwd,
    ...(opts.config !== undefined ? { config: opts.config } : {}),
    ...(opts.preset !== undefined ? { preset: opts.preset } : {}),
    ruleFlags: opts.rule,
    names: { preset: '--preset', rule: '--rule' },
  };
  const effectiveConfig = loadEffectiveConfig(configOptions);
  if (opts.printConfig !== undefined) {
    writeStdout(printConfig(effectiveConfig, opts.printConfig, cwd));
    return;
  }
  const shared = {
    ...(opts.rootDir ? { rootDir: opts.rootDir } : {}),
    ...(opts.allowOutsideRoot ? { allowOutsideRoot: true } : {}),
    ...(opts.index ? { index: opts.index } : {}),
    ...(opts.ignore === false ? { noIgnore: true } : {}),
    ...(opts.ignorePattern.length ? { ignorePatterns: opts.ignorePattern } : {}),
    limits: { maxBlockSize: positive(opts.maxBlockSize, '--max-block-size'), maxImports: positive(opts.maxImports, '--max-imports') },
  };
  const humanOnly = [plan.stdout, ...plan.files.map((f) => f.format)].every((f) => HUMAN_FORMATS.includes(f));
  const progress = !opts.stdin && humanOnly && process.stderr.isTTY ? progressLine(process.stderr) : undefined;
  const base = { cwd, effectiveConfig, ...shared, ...(progress ? { onProgress: progress.update } : {}) };
  // Where a link must not lead out of: the repository holding the current folder, else the folder.
  const outputRoot = gitRoot(cwd) ?? cwd;
  const cache = Boolean(opts.cache) && !opts.stdin && !opts.fix && !opts.fixDryRun && cacheUsable(opts.cacheLocation, cwd, outputRoot);
  const stdinLimit = STDIN_BLOCKS * (shared.limits.maxBlockSize ?? DEFAULT_LIMITS.maxBlockSize);
  const stdin = opts.stdin ? { text: await readStdin(stdinLimit), filename: opts.stdinFilename ?? 'stdin.md' } : undefined;
  let run: LintRun;
  if (opts.fix || opts.fixDryRun) {
    // The fix machinery (and the diff library) load only for --fix and --fix-dry-run.
    const { fixFiles, writeFixes } = await import('../fix/fix-files.js');
    const { unifiedDiff } = await import('../fix/diff.js');
    const fixed = fixFiles({ patterns: paths, ...base, ...(stdin ? { stdin } : {}) });
    progress?.clear();
    run = fixed.run;
    // The diff quotes file content: each line shown escaped, as in a code frame.
    if (opts.fixDryRun && fixed.fixed.length) writeStdout(noCommands(`${unifiedDiff(fixed.fixed, cwd).split('\n').map(safeLine).join('\n')}\n`));
    else {
      const { notWritten } = writeFixes(fixed.fixed, run.within);
      // What remains is what is on disk now: a file left unwritten still has the problems it had.
      if (notWritten.length > 0) run = withFixFailures(lintFiles({ patterns: paths, ...base }), run, []);
      run = withFixFailures(run, run, notWritten);
    }
  } else {
    // The online checks need every entry in full: without --cache, one graph is read once (files
    // linted on their own would keep only the fields cross-file rules read, and be read again).
    run = stdin ? lintText(stdin.text, stdin.filename, base)
      : online && !opts.cache ? lintFiles({ patterns: paths, ...base })
      : await lintFilesAsync({
        patterns: paths, ...base, concurrency: concurrency(opts.concurrency),
        ...(cache ? { cache: true } : {}), ...(opts.cacheLocation !== undefined ? { cacheLocation: opts.cacheLocation } : {}),
        onCacheError: (file, reason) => process.stderr.write(`milint: could not write the cache ${safeText(file)} (${safeText(reason)}); results are not affected.\n`),
      });
    progress?.clear();
  }
  if (online) {
    // The network code (and undici) loads only here.
    const { runOnline } = await import('../online/cli-online.js');
    // The files again (as `overlay` has them, else as on disk): for entries in full, and for what remains after online fixes.
    const relint = (overlay?: ReadonlyMap<string, string>): LintRun => stdin
      ? lintText(overlay?.get(resolve(cwd, stdin.filename)) ?? stdin.text, stdin.filename, { cwd, effectiveConfig, ...shared, ...(overlay ? { overlay } : {}) })
      : lintFiles({ patterns: paths, cwd, effectiveConfig, ...shared, ...(overlay ? { overlay } : {}) });
    run = { ...run, results: await runOnline(run, opts, cwd, relint) };
  }
  const warnings = run.results.reduce((n, r) => n + r.diagnostics.filter((d) => d.severity !== 'error').length, 0);
  const results = opts.quiet
    ? run.results.map((r) => ({ ...r, diagnostics: r.diagnostics.filter((d) => d.severity === 'error') }))
    : run.results;
  const elapsedMs = performance.now() - started;
  // Standard output first: a report file that cannot be written leaves the report there.
  const chalk = chooseChalk(opts.color, process.env, Boolean(process.stdout.isTTY));
  const hidden = opts.quiet ? warnings : 0;
  // Paths for CI systems start at the repository root: GitHub and GitLab resolve them from there.
  const root = opts.rootDir ? resolve(cwd, opts.rootDir) : outputRoot;
  writeStdout((await formatter(plan.stdout))(results, { cwd, root, chalk, elapsedMs, hidden }));
  const policy = { root: outputRoot, inputs: inputsOf(run) };
  let failedOutput = false;
  for (const f of plan.files) {
    try {
      writeOutput(f.path, (await formatter(f.format))(results, { cwd, root, chalk: chooseChalk(false, {}, false), elapsedMs, hidden }), policy);
    } catch (e) {
      if (!(e instanceof OutputError)) throw e;
      process.stderr.write(`milint: ${e.message}\n`);
      failedOutput = true;
    }
  }
  let code: number = exitCodeFor(results);
  if (maxWarnings !== undefined && warnings > maxWarnings) {
    process.stderr.write(`milint: ${warnings} ${warnings === 1 ? 'warning' : 'warnings'} found${opts.quiet ? ' (not shown: --quiet)' : ''}, more than the maximum of ${maxWarnings} (--max-warnings).\n`);
    code = 1;
  }
  process.exitCode = failedOutput ? 2 : code;
}

/**
 * Whether `--cache` can be used: a location that is a link, a device or another file is refused
 * before any work (exit 2); without a key to authenticate cache files, the run goes on without it.
 */
function cacheUsable(location: string | undefined, cwd: string, root: string): boolean {
  try {
    checkCacheLocation(cacheFilePath(location, cwd), root);
  } catch (e) {
    // A location the user gave is a usage error; the default one lies in the repository, which
    // may hold anything there: the run goes on without the cache, and says so.
    if (location !== undefined || !(e instanceof Error)) throw e;
    process.stderr.write(`milint: --cache is off: ${safeText(e.message.replace(/\.$/, ''))}; every file is linted.\n`);
    return false;
  }
  const secret = cacheSecret();
  if ('key' in secret) return true;
  process.stderr.write(`milint: --cache is off: no key to check cache files with at ${shownPath(secret.path)} (${safeText(secret.error)}); every file is linted.\n`);
  return false;
}

/** Every file the run read (linted, imported, or its configuration): a report never overwrites one. */
function inputsOf(run: LintRun): string[] {
  return [...run.resolution.files.keys(), ...run.results.map((r) => r.file), ...(run.config.file ? [run.config.file] : [])];
}

/** Loads one formatter: the others, and what they need (SARIF's rule table...), stay unloaded. */
async function formatter(name: FormatName): Promise<Formatter> {
  switch (name) {
    case 'stylish': return (await import('../format/stylish.js')).stylish;
    case 'compact': return (await import('../format/compact.js')).compact;
    case 'json': return (await import('../format/json.js')).json;
    case 'json-with-metadata': return (await import('../format/json-with-metadata.js')).jsonWithMetadata;
    case 'sarif': return (await import('../format/sarif.js')).sarif;
    case 'github': return (await import('../format/github.js')).github;
    case 'gitlab': return (await import('../format/gitlab.js')).gitlab;
    case 'junit': return (await import('../format/junit.js')).junit;
  }
}

/** A positive whole number from a flag, or undefined when the flag is absent. */
function positive(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new UsageError(`${flag} takes a positive whole number, got "${value}".`);
  return n;
}

/** `--concurrency`: a number of worker threads (0 is `off`), `auto` or `off`. */
function concurrency(value: string | undefined): Concurrency {
  if (value === undefined || value === 'auto') return 'auto';
  if (value === 'off' || value === '0') return 'off';
  // Digits only: `1e3`, `0x10` or ` 2` are not what anyone means by a number of threads.
  if (!/^[0-9]+$/.test(value)) throw new UsageError(`--concurrency takes a number of worker threads, auto or off, got "${value}".`);
  return Number(value);
}
