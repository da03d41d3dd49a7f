import type { ChalkInstance } from 'chalk';
import type { FileResult } from '../types.js';

export interface FormatContext {
  /** Paths in human formats are shown relative to this folder. */
  readonly cwd: string;
  /**
   * The repository root (`--root-dir`, else the folder with `.git`): paths in the formats CI systems
   * read (github, sarif, gitlab) start here, whatever the working folder. Default: `cwd`.
   */
  readonly root?: string;
  /** Colour comes only from here (default: none); the CLI passes the instance it chose. */
  readonly chalk?: ChalkInstance;
  /** Milliseconds the run took, for the summary (omitted in golden tests). */
  readonly elapsedMs?: number;
  /** Warnings and infos left out of `results` (`--quiet`): the summary says how many. */
  readonly hidden?: number;
}

/** A formatter is a pure function of the results. */
export type Formatter = (results: readonly FileResult[], ctx: FormatContext) => string;
