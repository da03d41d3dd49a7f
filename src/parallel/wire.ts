import type { BlockHints, BlockKind, Path } from '../types.js';
import type { FileFormat } from '../extract/extract.js';
import type { Limits, ParseMode } from '../resolve/load-file.js';
import type { SourceMeta } from '../source/source-file.js';
import type { Data } from '../source/to-data.js';

/** What a load worker is given. */
export interface LoadJob {
  readonly paths: readonly string[];
  readonly mode: ParseMode;
  readonly limits: Limits;
}

/** A clean file as a worker sends it: its blocks' data, and its text described, not sent. */
export interface WireFile {
  readonly path: string;
  readonly format: FileFormat;
  readonly meta: SourceMeta;
  readonly blocks: readonly {
    readonly kind: BlockKind; readonly offset: number; readonly length: number; readonly index: number;
    readonly typed: boolean; readonly data: Data; readonly hints: BlockHints; readonly dataPath: Path;
  }[];
}

export interface LoadReply {
  readonly clean: WireFile[];
  /** Files with something to report: the main thread loads them itself, with positions. */
  readonly dirty: string[];
}
