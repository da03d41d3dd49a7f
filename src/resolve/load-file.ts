/**
 * Reads one file into blocks: decode, extract, parse, build data. Every problem on the way is a
 * report, never an exception; a block whose YAML is broken is kept (for its reports) but marked
 * `broken`, and later stages leave it out.
 */
import { ReadRefused, readGuarded, describeRefusal, type ReadGuard } from '../io/read-guard.js';
import { isMap, isScalar } from 'yaml';
import type { Diagnostic, ParsedBlock, SourceFile } from '../types.js';
import { byteToTextOffset, decodeSource, sourceFromText } from '../source/source-file.js';
import { extract, formatOf, type FileFormat } from '../extract/extract.js';
import { isModelIndexComment } from '../extract/markdown.js';
import { parseBlock } from '../parse/parse-block.js';
import { fastBlock, lazyParsedBlock } from '../parse/fast-block.js';
import { toData, type Data } from '../source/to-data.js';
import { reportSpan, type Report } from '../core/report.js';
import type { Role } from '../schema/roles.js';

export interface LoadedBlock {
  readonly parsed: ParsedBlock;
  /** The data of the block (for front matter: the value of `model-index`). */
  readonly data: Data;
  /** Syntax errors: the block is reported but not read further. */
  readonly broken: boolean;
  /** A comment with an explicit `Type: model-index` (others count only when imported). */
  readonly typed: boolean;
  readonly reports: readonly Report[];
  /** A block known by its summary: the roles it may be read in (YAML files; Markdown roles are fixed). */
  readonly accepts?: ReadonlySet<Role>;
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

/** How blocks are parsed: `fast` tries js-yaml first (see fast-block.ts); `full` always builds the Document. */
export type ParseMode = 'fast' | 'full';

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
    if (block.length > limits.maxBlockSize) {
      const span = firstLineOf(source, block.offset, block.offset + block.length);
      const data = { size: block.length, max: limits.maxBlockSize };
      return { parsed: lazyParsedBlock(block, []), data: null, broken: true, typed, reports: [reportSpan('yaml/resource-limit', 'size', data, source, span)] };
    }
    const fast = mode === 'fast' ? fastBlock(block) : undefined;
    if (fast) return { parsed: fast.parsed, data: fast.data, broken: false, typed, reports: [] };
    const { parsed, problems: all } = parseBlock(block);
    // After the first syntax error the rest of a block is guesswork (one tab can cause a dozen
    // errors): keep the first, as ESLint keeps one parse error. Duplicate keys and warnings stay.
    const firstError = all.find((p) => p.severity === 'error' && p.code !== 'DUPLICATE_KEY');
    const problems = all.filter((p) => p === firstError || p.code === 'DUPLICATE_KEY' || p.severity === 'warning');
    const blockReports: Report[] = problems.map((p) => p.code === 'DUPLICATE_KEY'
      ? duplicateKey(source, p.span.start)
      // `yaml` stops itself when nesting exhausts the stack: a limit, said as one.
      : p.code === 'RESOURCE_EXHAUSTION'
      ? reportSpan('yaml/resource-limit', 'depth', {}, source, firstLineOf(source, block.offset, block.offset + block.length))
      : reportSpan(p.severity === 'error' ? 'yaml/syntax' : 'yaml/warning', p.severity === 'error' ? 'syntax' : 'warning',
        { message: p.message, code: p.code }, source, p.span));
    const broken = problems.some((p) => p.severity === 'error' && p.code !== 'DUPLICATE_KEY');
    let data: Data = null;
    if (!broken) {
      const root = parsed.dataPath.length === 0 ? parsed.doc.contents : dataNode(parsed);
      const converted = toData(parsed.doc, root, { canonical: block.kind !== 'front-matter' });
      data = converted.data;
      for (const p of converted.problems) {
        const span = { start: p.span.start + block.offset, end: p.span.end + block.offset };
        blockReports.push(p.kind === 'alias-budget'
          ? reportSpan('yaml/resource-limit', 'aliases', {}, source, firstLineOf(source, block.offset, block.offset + block.length))
          : reportSpan('yaml/duplicate-key', 'caseDuplicate', p.data, source, span));
      }
    }
    return { parsed, data, broken, typed, reports: blockReports };
  });
  return { path: source.path, format, source, blocks, reports, unreadable: false };
}

function dataNode(parsed: ParsedBlock): unknown {
  const contents = parsed.doc.contents;
  if (!isMap(contents)) return null;
  const key = parsed.dataPath[0];
  const pair = contents.items.findLast((p) => isScalar(p.key) && String(p.key.value) === key);
  return pair?.value ?? null;
}

/** yaml marks a duplicate key by its first character: report the whole key as written. */
function duplicateKey(source: SourceFile, start: number): Report {
  const raw = /^(?:"[^"\r\n]*"|'[^'\r\n]*'|[^:\r\n]*?)(?=\s*:)/.exec(source.text.slice(start, start + 500))?.[0] ?? '';
  const key = raw.replace(/^['"]|['"]$/g, '');
  const end = start + Math.max(raw.length, 1);
  return reportSpan('yaml/duplicate-key', 'duplicate', { key }, source, { start, end: Math.min(end, source.text.length) });
}

/** The first non-blank line of a block, as a span (for problems about the block as a whole). */
function firstLineOf(source: SourceFile, start: number, end: number): { start: number; end: number } {
  let s = start;
  while (s < end && /\s/.test(source.text[s]!)) s++;
  let e = s;
  while (e < end && source.text[e] !== '\n' && source.text[e] !== '\r') e++;
  return { start: s, end: e };
}
