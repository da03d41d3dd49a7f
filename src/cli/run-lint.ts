import { readFileSync } from 'node:fs';
import { lintFiles, lintFilesAsync, lintText, loadEffectiveConfig, type LintRun } from '../lint/lint.js';
import type { Concurrency } from '../parallel/lint-pool.js';
import { reportSpan, toDiagnostic } from '../lint/report.js';
import { HUMAN_FORMATS } from '../format/names.js';
import type { FormatName, Formatter } from '../format/index.js';
import { UsageError } from '../errors.js';
import { chooseChalk } from './color.js';
import { exitCodeFor } from './exit-code.js';
import { planOutputs, writeAtomic } from './outputs.js';
import { printConfig } from './print-config.js';
import { progressLine } from './progress.js';
import type { LintCliOptions } from './main.js';

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
  };
  const effectiveConfig = loadEffectiveConfig(configOptions);
  if (opts.printConfig !== undefined) {
    process.stdout.write(printConfig(effectiveConfig, opts.printConfig, cwd));
    return;
  }
  const shared = {
    ...(opts.rootDir ? { rootDir: opts.rootDir } : {}),
    ...(opts.allowOutsideRoot ? { allowOutsideRoot: true } : {}),
    ...(opts.index ? { index: opts.index } : {}),
    limits: { maxBlockSize: positive(opts.maxBlockSize, '--max-block-size'), maxImports: positive(opts.maxImports, '--max-imports') },
  };
  const humanOnly = [plan.stdout, ...plan.files.map((f) => f.format)].every((f) => HUMAN_FORMATS.includes(f));
  const progress = !opts.stdin && humanOnly && process.stderr.isTTY ? progressLine(process.stderr) : undefined;
  const base = { cwd, effectiveConfig, ...shared, ...(progress ? { onProgress: progress.update } : {}) };
  const stdin = opts.stdin ? { text: readFileSync(0, 'utf8'), filename: opts.stdinFilename ?? 'stdin.md' } : undefined;
  let run: LintRun;
  if (opts.fix || opts.fixDryRun) {
    // The fix machinery (and the diff library) load only for --fix and --fix-dry-run.
    const { fixFiles, writeFixes } = await import('../fix/fix-files.js');
    const { unifiedDiff } = await import('../fix/diff.js');
    const fixed = fixFiles({ patterns: paths, ...base, ...(stdin ? { stdin } : {}) });
    progress?.clear();
    run = fixed.run;
    if (opts.fixDryRun && fixed.fixed.length) process.stdout.write(`${unifiedDiff(fixed.fixed, cwd)}\n`);
    else run = withConflicts(run, writeFixes(fixed.fixed).conflicts);
  } else {
    // The online checks need every entry in full: without --cache, one graph is read once (files
    // linted on their own would keep only the fields cross-file rules read, and be read again).
    run = stdin ? lintText(stdin.text, stdin.filename, base)
      : online && !opts.cache ? lintFiles({ patterns: paths, ...base })
      : await lintFilesAsync({
        patterns: paths, ...base, concurrency: concurrency(opts.concurrency),
        ...(opts.cache ? { cache: true } : {}), ...(opts.cacheLocation !== undefined ? { cacheLocation: opts.cacheLocation } : {}),
        onCacheError: (file, reason) => process.stderr.write(`milint: could not write the cache ${file} (${reason}); results are not affected.\n`),
      });
    progress?.clear();
  }
  if (online) {
    // The network code (and undici) loads only here.
    const { runOnline } = await import('../online/cli-online.js');
    run = { ...run, results: await runOnline(run, opts, cwd, () => lintFiles({ patterns: paths, cwd, effectiveConfig, ...shared })) };
  }
  const warnings = run.results.reduce((n, r) => n + r.diagnostics.filter((d) => d.severity !== 'error').length, 0);
  const results = opts.quiet
    ? run.results.map((r) => ({ ...r, diagnostics: r.diagnostics.filter((d) => d.severity === 'error') }))
    : run.results;
  const elapsedMs = performance.now() - started;
  for (const f of plan.files) {
    writeAtomic(f.path, (await formatter(f.format))(results, { cwd, chalk: chooseChalk(false, {}, false), elapsedMs }));
  }
  const chalk = chooseChalk(opts.color, process.env, Boolean(process.stdout.isTTY));
  process.stdout.write((await formatter(plan.stdout))(results, { cwd, chalk, elapsedMs }));
  let code = exitCodeFor(results);
  if (maxWarnings !== undefined && warnings > maxWarnings) {
    process.stderr.write(`milint: ${warnings} ${warnings === 1 ? 'warning' : 'warnings'} found, more than the maximum of ${maxWarnings} (--max-warnings).\n`);
    code = 1;
  }
  process.exitCode = code;
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
