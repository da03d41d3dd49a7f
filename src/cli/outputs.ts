import { resolve } from 'node:path';
import { FORMAT_NAMES, type FormatName } from '../format/names.js';
import { UsageError } from '../errors.js';
import { closest } from '../core/suggest.js';

export interface OutputPlan {
  /** The format printed on standard output. */
  readonly stdout: FormatName;
  /** Formats written to files. */
  readonly files: readonly { readonly format: FormatName; readonly path: string }[];
}

/**
 * Pairs `-f` and `-o` flags: the last N formats go to the N output files, in order; the one format
 * left goes to standard output, which prints `stylish` when every format has a file
 * (`-f stylish -f sarif -o milint.sarif`, or `-f sarif -o milint.sarif`).
 */
export function planOutputs(formats: readonly string[], outputs: readonly string[], cwd: string): OutputPlan {
  for (const f of formats) {
    if (!(FORMAT_NAMES as readonly string[]).includes(f)) {
      const suggestion = closest(f, FORMAT_NAMES);
      throw new UsageError(`Unknown format "${f}".`, suggestion ? `Did you mean "${suggestion}"?` : `Formats: ${FORMAT_NAMES.join(', ')}.`);
    }
  }
  const fs = (formats.length ? formats : ['stylish']) as FormatName[];
  if (outputs.length > fs.length) throw new UsageError(`${outputs.length} output files for ${fs.length} formats: give one -f for each -o.`);
  const toStdout = fs.slice(0, fs.length - outputs.length);
  if (toStdout.length > 1) {
    throw new UsageError(`Only one format can go to standard output, got ${toStdout.join(' and ')}.`, 'Give an --output-file for each other format.');
  }
  const files = outputs.map((path, i) => ({ format: fs[fs.length - outputs.length + i]!, path: resolve(cwd, path) }));
  return { stdout: toStdout[0] ?? 'stylish', files };
}

