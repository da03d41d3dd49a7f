/**
 * The CLI side of the online checks: flags to options, the run, the summary line on stderr.
 * Imported by cli/run-lint.ts only when `--check-urls` or `--verify-weights` is given.
 */
import { dirname } from 'node:path';
import type { FileResult } from '../types.js';
import type { LintRun } from '../lint/lint.js';
import { cacheFilePath } from '../engine/lint-cache.js';
import { UsageError } from '../errors.js';
import { DEFAULT_ONLINE, parseDuration, parseSize, type OnlineOptions } from './options.js';
import { newSession, onlineChecks } from './run-online.js';
import { noCommands, safeLine } from '../io/sanitize.js';

export interface OnlineFlags {
  readonly checkUrls?: boolean;
  readonly verifyWeights?: boolean;
  readonly offline?: boolean;
  readonly urlCacheTtl?: string;
  readonly urlTimeout?: string;
  readonly maxDownloadSize?: string;
  readonly cacheLocation?: string;
  readonly fix?: boolean;
  readonly fixDryRun?: boolean;
}

/** The options a command line asks for; throws UsageError for a bad value. */
export function onlineOptionsOf(flags: OnlineFlags, cwd: string): OnlineOptions {
  const ttl = flags.urlCacheTtl === undefined ? DEFAULT_ONLINE.cacheTtlMs : parseDuration(flags.urlCacheTtl);
  if (ttl === undefined) throw new UsageError(`--url-cache-ttl takes a duration (0, 90s, 30m, 12h, 1d), got "${flags.urlCacheTtl}".`);
  const timeout = flags.urlTimeout === undefined ? DEFAULT_ONLINE.timeoutMs : parseDuration(flags.urlTimeout);
  if (timeout === undefined || timeout <= 0) throw new UsageError(`--url-timeout takes a duration above 0 (500ms, 15s), got "${flags.urlTimeout}".`);
  const cap = flags.maxDownloadSize === undefined ? DEFAULT_ONLINE.maxDownloadBytes : parseSize(flags.maxDownloadSize);
  if (cap === undefined) throw new UsageError(`--max-download-size takes a size (500MB, 2GiB, or bytes), got "${flags.maxDownloadSize}".`);
  return {
    ...DEFAULT_ONLINE,
    checkUrls: Boolean(flags.checkUrls), verifyWeights: Boolean(flags.verifyWeights), offline: Boolean(flags.offline),
    cacheTtlMs: ttl, timeoutMs: timeout, maxDownloadBytes: cap,
    // The folder of the lint cache (`--cache-location`, default node_modules/.cache/milint/).
    cacheDir: dirname(cacheFilePath(flags.cacheLocation, cwd)),
  };
}

/**
 * Runs the online checks for the CLI and prints their summary (and a cache that could not be
 * written) on stderr. With `--fix` or `--fix-dry-run`, the online fixes are applied (or printed as
 * a diff), then the files as they now are (or as the diffs leave them) are linted and checked
 * again: what is reported is what a plain run on the fixed files reports (a moved link may lead
 * to a checkpoint another rule has something to say about). The second pass asks only for new links.
 */
export async function runOnline(run: LintRun, flags: OnlineFlags, cwd: string, relint: (overlay?: ReadonlyMap<string, string>) => LintRun): Promise<FileResult[]> {
  const options = onlineOptionsOf(flags, cwd);
  const session = newSession();
  const io = { stderr: process.stderr, root: cwd, relint: () => relint() };
  let out = await onlineChecks(run, options, io, session);
  if (flags.fix || flags.fixDryRun) {
    // The fix machinery loads only for --fix and --fix-dry-run, as in cli/run-lint.ts.
    const { onlineEdits, overlayOf, withFixFailures } = await import('./online-fixes.js');
    const edits = onlineEdits(run, out.results);
    if (edits.files.length > 0) {
      let next: LintRun | undefined;
      if (flags.fixDryRun) {
        const { unifiedDiff } = await import('../fix/diff.js');
        // The diff quotes file content: each line shown escaped, as the diff of the other fixes is.
        process.stdout.write(noCommands(`${unifiedDiff(edits.files, cwd).split('\n').map(safeLine).join('\n')}\n`));
        next = relint(overlayOf(run, edits.files));
      } else {
        const { writeFixes } = await import('../fix/fix-files.js');
        const { written, notWritten } = writeFixes(edits.files, run.within);
        // What remains is what is on disk now, as a plain run would find it.
        if (written.length > 0) next = relint();
        next = withFixFailures(next ?? run, run, notWritten);
      }
      out = await onlineChecks(next, options, io, session);
    }
  }
  if (out.cacheError) process.stderr.write(`milint: could not write the URL cache (${out.cacheError}); results are not affected.\n`);
  process.stderr.write(`${out.summary}\n`);
  return out.results;
}
