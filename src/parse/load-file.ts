/**
 * Reads one file into blocks: decode, extract, then load each block (load-block.ts). Every problem
 * on the way is a report, never an exception; a block whose YAML is broken is kept (for its
 * reports) but marked `broken`, and later stages leave it out.
 */
import { ReadRefused, readGuarded, describeRefusal, type ReadGuard } from '../io/read-guard.js';
import type { Diagnostic, SourceFile } from '../types.js';
import { byteToTextOffset, decodeSource, sourceFromText } from '../source/source-file.js';
import { extract, formatOf, type FileFormat } from '../extract/extract.js';
import { isModelIndexComment } from '../extract/markdown.js';
import { reportSpan, type Report } from '../core/report.js';
import { loadBlock, type BlockLoad, type ParseMode } from './load-block.js';

export type { ParseMode };

export interface LoadedBlock extends BlockLoad {
  /** A comment with an explicit `Type: model-index` (others count only when imported). */
  readonly typed: boolean;
  // `accepts` (the roles a block known by its summary may be read in) is declared by
  // resolve/resolve.ts, which reads it: roles are the schema's, a layer above this one.
}

export interface LoadedFile {
  readonly path: string;
  readonly format: FileFormat;
  readonly source: SourceFile;
  readonly blocks: readonly LoadedBlock[];
  /** File-level problems (encoding, unreadable, unterminated blocks). */
  readonly reports: readonly Report[];
  /** The file could not be read as text at all. */
  readonly unreadable: boolean;
  /** Set on a file linted on its own already (a stub: no data; see `LintedFile`). */
  readonly linted?: LintedFile;
}

/**
 * What a file linted on its own leaves for the graph (src/engine/ makes such files): its findings,
 * rendered. Its blocks hold no data; the entries the project rules read come with it
 * (`lintResolution`'s `entriesOf`).
 */
export interface LintedFile {
  readonly diagnostics: readonly Diagnostic[];
  readonly unterminated: boolean;
  readonly unreadable: boolean;
}

/** Limits on what one block may cost; past them the block is reported and not parsed. */
export interface Limits {
  /** Largest block, in characters (default 10 MiB worth). */
  readonly maxBlockSize: number;
  /**
   * Where files may be read from: the real paths of the project roots (undefined: anywhere). A file
   * whose real path (links resolved) lies elsewhere is reported, not read.
   */
  readonly within?: readonly string[];
}

export const DEFAULT_LIMITS: Limits = { maxBlockSize: 10 * 1024 * 1024 };

/**
 * The read guard of a run's limits: files are read only inside `within`, and only up to four times
 * the largest block (a block of n characters takes at most 3n bytes of UTF-8, plus the prose around it).
 */
export function guardOf(limits: Limits): ReadGuard {
  return { maxBytes: limits.maxBlockSize * 4, ...(limits.within ? { roots: limits.within } : {}) };
}

/** Reads and parses a file from disk. `format` must be known (see `formatOf`). */
export function loadFile(path: string, format: FileFormat = formatOf(path) ?? 'yaml', mode: ParseMode = 'fast', limits: Limits = DEFAULT_LIMITS): LoadedFile {
  let bytes: Uint8Array;
  try {
    bytes = readGuarded(path, guardOf(limits)).bytes;
  } catch (e) {
    return unreadableFile(path, format, e);
  }
  return loadBytes(path, bytes, format, mode, limits);
}

/** A file that could not be read: one `file/unreadable` report saying why. */
export function unreadableFile(path: string, format: FileFormat, e: unknown): LoadedFile {
  const source = sourceFromText(path, '');
  const refused = e instanceof ReadRefused && e.refusal.kind !== 'error';
  const reason = e instanceof ReadRefused ? describeRefusal(e.refusal) : (e as NodeJS.ErrnoException).code ?? (e as Error).message;
  return {
    path, format, source, blocks: [], unreadable: true,
    reports: [reportSpan('file/unreadable', refused ? 'refused' : 'unreadable', { reason }, source, { start: 0, end: 0 })],
  };
}

/** Decodes and parses the bytes of a file already read. */
export function loadBytes(path: string, bytes: Uint8Array, format: FileFormat, mode: ParseMode = 'fast', limits: Limits = DEFAULT_LIMITS): LoadedFile {
  const decoded = decodeSource(path, bytes, guardOf(limits));
  const reports: Report[] = [];
  if (decoded.problem?.kind === 'utf16') {
    // Not read further: positions and fixes work on UTF-8. Whether it holds model-index data decides
    // if a page found by walking a folder is worth a message.
    const holds = extract(sourceFromText(path, decoded.problem.text), format, true).blocks.length > 0;
    reports.push(reportSpan('file/encoding', 'utf16', {}, decoded.file, { start: 0, end: 0 }));
    return { path, format, source: decoded.file, blocks: [], reports, unreadable: holds };
  }
  if (decoded.problem?.kind === 'binary') {
    reports.push(reportSpan('file/binary', 'binary', {}, decoded.file, { start: 0, end: 0 }));
    return { path, format, source: decoded.file, blocks: [], reports, unreadable: true };
  }
  if (decoded.problem?.kind === 'invalid-utf8') {
    const at = byteToTextOffset(bytes, decoded.problem.offset, decoded.file.bom);
    const end = Math.min(at + 1, decoded.file.text.length);
    reports.push(reportSpan('file/encoding', 'invalidUtf8', { byte: decoded.problem.offset }, decoded.file, { start: at, end }));
  }
  return loadSource(decoded.file, format, reports, mode, limits);
}

/** Parses a file that is already text (used for `--stdin` and by tests). */
export function loadSource(source: SourceFile, format: FileFormat, reports: Report[] = [], mode: ParseMode = 'fast', limits: Limits = DEFAULT_LIMITS): LoadedFile {
  const extracted = extract(source, format, true);
  for (const p of extracted.problems) {
    const messageId = p.kind === 'unterminated-comment' ? 'comment' : p.kind === 'misplaced-front-matter' ? 'frontMatterNotFirst' : 'frontMatter';
    reports.push(reportSpan('file/unterminated-block', messageId, p.kind === 'misplaced-front-matter' ? { before: source.text.slice(p.span.start, p.span.end) } : {}, source, p.span));
  }
  const blocks = extracted.blocks.map((block): LoadedBlock => {
    const typed = block.kind !== 'comment' || isModelIndexComment(block.text, false);
    const { parsed, data, broken, reports: blockReports } = loadBlock(source, block, mode, limits.maxBlockSize);
    return { parsed, data, broken, typed, reports: blockReports };
  });
  return { path: source.path, format, source, blocks, reports, unreadable: false };
}
