import type { Block, SourceFile, Span } from '../types.js';

/** A Markdown-level problem found while looking for blocks. */
export interface ExtractProblem {
  readonly kind: 'unterminated-comment' | 'unterminated-front-matter' | 'misplaced-front-matter';
  readonly span: Span;
}

export interface Extracted {
  readonly blocks: Block[];
  readonly problems: ExtractProblem[];
}

export interface MarkdownOptions {
  /**
   * Also accept comments without `Type: model-index` that hold `Models`, `Collections` or `Name`
   * (the reference loader does so for files that an index imports explicitly).
   */
  readonly lenient?: boolean;
}

/** `Type: model-index` (or `modelindex`), key and value in any case, on a line of its own. */
const TYPE_LINE = /(?:^|[\r\n])[ \t]*type[ \t]*:[ \t]*(['"]?)model-?index\1[ \t]*(?:#[^\r\n]*)?(?=[\r\n]|$)/i;
const ANY_TYPE_LINE = /(?:^|[\r\n])[ \t]*type[ \t]*:/i;
const LENIENT_KEY = /(?:^|[\r\n])[ \t]*(?:models|collections|name)[ \t]*:/i;
const FRONT_MATTER_KEY = /(?:^|[\r\n])(['"]?)model-index\1[ \t]*:/i;

/** A block whose text is a view of its file's text (so that releasing the file releases it). */
export function makeBlock(file: SourceFile, kind: Block['kind'], offset: number, length: number, index: number): Block {
  return new FileBlock(file, kind, offset, length, index);
}

/** A block as a view of its file (a class: object literals with getters cost far more memory). */
class FileBlock implements Block {
  constructor(readonly file: SourceFile, readonly kind: Block['kind'], readonly offset: number, readonly length: number, readonly index: number) {}
  get text(): string { return this.file.text.slice(this.offset, this.offset + this.length); }
}

/** Whether a comment's text is a model-index block. */
export function isModelIndexComment(content: string, lenient: boolean): boolean {
  if (TYPE_LINE.test(content)) return true;
  return lenient && !ANY_TYPE_LINE.test(content) && LENIENT_KEY.test(content);
}

/**
 * Finds the model-index blocks of a Markdown file: YAML front matter with a `model-index` key,
 * and HTML comments holding `Type: model-index`. Comments inside fenced code, indented code and
 * inline code spans are not comments (CommonMark), so snippets in docs are never linted.
 */
export function extractMarkdown(file: SourceFile, options: MarkdownOptions = {}): Extracted {
  const blocks: Block[] = [];
  const problems: ExtractProblem[] = [];
  const fm = frontMatter(file.text);
  let bodyStart = 0;
  if (fm.kind === 'closed') {
    bodyStart = fm.bodyStart;
    if (FRONT_MATTER_KEY.test(fm.content)) {
      blocks.push(makeBlock(file, 'front-matter', fm.contentStart, fm.content.length, 0));
    }
  } else if (fm.kind === 'open' && FRONT_MATTER_KEY.test(file.text.slice(fm.contentStart))) {
    problems.push({ kind: 'unterminated-front-matter', span: { start: fm.open, end: fm.open + 3 } });
  } else if (fm.kind === 'none') {
    const misplaced = misplacedFrontMatter(file.text);
    if (misplaced) problems.push({ kind: 'misplaced-front-matter', span: misplaced });
  }
  for (const c of scanComments(file.text, bodyStart)) {
    if (c.end === undefined) {
      if (isModelIndexComment(file.text.slice(c.start + 4), options.lenient ?? false)) {
        problems.push({ kind: 'unterminated-comment', span: { start: c.start, end: c.start + 4 } });
      }
      continue;
    }
    // Content on the `<!--` line starts the YAML there: skip the spaces before it, so that a
    // first key written as `<!-- Type: model-index` sits at column 0 of the YAML text.
    let offset = c.start + 4;
    while (file.text[offset] === ' ' || file.text[offset] === '\t') offset++;
    if (file.text[offset] === '\n' || file.text[offset] === '\r') offset = c.start + 4;
    const text = file.text.slice(offset, c.end);
    if (isModelIndexComment(text, options.lenient ?? false)) {
      blocks.push(makeBlock(file, 'comment', offset, text.length, blocks.length));
    }
  }
  return { blocks, problems };
}

type FrontMatter =
  | { kind: 'none' }
  | { kind: 'open'; open: number; contentStart: number }
  | { kind: 'closed'; contentStart: number; content: string; bodyStart: number };

/**
 * Front matter: a `---` line that starts the file, after blank lines at most (as the Hugging Face
 * Hub reads model cards), closed by a `---` or `...` line (or one at end of file).
 */
function frontMatter(text: string): FrontMatter {
  const open = /^(?:[ \t]*(?:\r\n|\n|\r))*---[ \t]*(\r\n|\n|\r)/.exec(text);
  if (!open) return { kind: 'none' };
  const contentStart = open[0].length;
  const close = /(^|\r\n|\n|\r)(---|\.\.\.)[ \t]*(\r\n|\n|\r|$)/g;
  close.lastIndex = contentStart - open[1]!.length;
  const m = close.exec(text);
  if (!m) return { kind: 'open', open: text.lastIndexOf('---', contentStart), contentStart };
  const contentEnd = Math.max(contentStart, m.index + m[1]!.length);
  return {
    kind: 'closed', contentStart, content: text.slice(contentStart, contentEnd),
    bodyStart: m.index + m[0].length,
  };
}

/**
 * Front matter with `model-index` that does not start the file: a `---` line after a short first
 * line of other text (`\n---`, a stray word). The Hub does not read it, so the card's metadata is
 * invisible there. Returns the span of the text before the `---`.
 */
function misplacedFrontMatter(text: string): Span | undefined {
  const m = /^(\s*)([^\r\n]{1,40}?)(?:[ \t]*(?:\r\n|\n|\r))?---[ \t]*(\r\n|\n|\r)/.exec(text);
  if (!m) return undefined;
  const rest = text.slice(m[0].length);
  const close = /(?:^|\r\n|\n|\r)(?:---|\.\.\.)[ \t]*(?:\r\n|\n|\r|$)/.exec(rest);
  if (!FRONT_MATTER_KEY.test(close ? rest.slice(0, close.index) : rest)) return undefined;
  const start = m[1]!.length;
  return { start, end: start + m[2]!.trimEnd().length };
}

/** An HTML comment: offset of `<!--` and of `-->` (undefined when never closed). */
interface CommentSpan { start: number; end: number | undefined }

const FENCE_OPEN = /^( {0,3})(`{3,}|~{3,})([^\r\n]*)/;

/**
 * Yields the HTML comments of a Markdown text outside code. Line-based block scan (fences,
 * indented code) plus an inline scan for code spans, which may run over several lines of a
 * paragraph but never past a blank line.
 */
export function* scanComments(text: string, from: number): Generator<CommentSpan> {
  let pos = from;
  let fence: { close: RegExp; char: number } | undefined;
  let inParagraph = false;
  const lf = !text.includes('\r');
  while (pos < text.length) {
    const lineEnd = lf ? lineFeed(text, pos) : endOfLine(text, pos);
    const next = skipBreak(text, lineEnd);
    // Lines are looked at in place; one is cut out only for a pattern that may match it.
    const first = firstNonBlank(text, pos, lineEnd);
    if (fence) {
      if (first - pos <= 3 && text.charCodeAt(first) === fence.char && fence.close.test(text.slice(pos, lineEnd))) fence = undefined;
      pos = next;
      continue;
    }
    if (first === lineEnd) { inParagraph = false; pos = next; continue; }
    const c = text.charCodeAt(first);
    const open = (c === BACKTICK || c === TILDE) && first - pos <= 3 ? FENCE_OPEN.exec(text.slice(pos, lineEnd)) : null;
    if (open && !(open[2]![0] === '`' && open[3]!.includes('`'))) {
      // The line that closes it, made once per fence (not once per line inside it).
      fence = { close: new RegExp(`^ {0,3}${open[2]![0] === '`' ? '`' : '~'}{${open[2]!.length},}[ \\t]*$`), char: c };
      inParagraph = false;
      pos = next;
      continue;
    }
    if (!inParagraph && indentWidth(text, pos, lineEnd) >= 4) { pos = next; continue; }
    // A text line: scan inline, possibly continuing over later lines (comments, code spans).
    const resumed = yield* scanInline(text, pos);
    if (resumed === undefined) return;
    inParagraph = resumed.inParagraph;
    pos = resumed.pos;
  }
}

const BACKTICK = 0x60;
const TILDE = 0x7e;

/** The end of the line at `i` in a text without CR. */
function lineFeed(text: string, i: number): number {
  const n = text.indexOf('\n', i);
  return n === -1 ? text.length : n;
}

/** The first character of a line that is not a space or a tab (`end` for a blank line). */
function firstNonBlank(text: string, i: number, end: number): number {
  while (i < end) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0x09) break;
    i++;
  }
  return i;
}

/**
 * Scans one text line from `pos`. Returns where block scanning resumes (the start of a line),
 * or undefined when an unterminated comment swallowed the rest of the text.
 */
function* scanInline(text: string, pos: number): Generator<CommentSpan, { pos: number; inParagraph: boolean } | undefined> {
  let i = pos;
  let lineEnd = endOfLine(text, i);
  let inParagraph = true;
  while (i < lineEnd) {
    const c = text[i];
    if (c === '\\') { i += 2; continue; }
    if (c === '`') {
      let n = 1;
      while (text[i + n] === '`') n++;
      const close = findCodeSpanEnd(text, i + n, n);
      if (close === undefined) { i += n; continue; }
      i = close;
      lineEnd = endOfLine(text, i);
      continue;
    }
    if (c === '<' && text.startsWith('<!--', i)) {
      const end = text.indexOf('-->', i + 4);
      if (end === -1) { yield { start: i, end: undefined }; return undefined; }
      yield { start: i, end };
      const lineOfStartIsBlock = /^ {0,3}$/.test(text.slice(startOfLine(text, i), i));
      i = end + 3;
      lineEnd = endOfLine(text, i);
      // An HTML block (comment at line start) ends with its line; it is not a paragraph.
      if (lineOfStartIsBlock) inParagraph = false;
      continue;
    }
    i++;
  }
  return { pos: skipBreak(text, lineEnd), inParagraph };
}

/** Offset just past a closing run of exactly `n` backticks within the paragraph, if any. */
function findCodeSpanEnd(text: string, from: number, n: number): number | undefined {
  let i = from;
  while (i < text.length) {
    const c = text[i];
    if (c === '\n' || c === '\r') {
      const next = skipBreak(text, i);
      if (/^[ \t]*(\r|\n|$)/.test(text.slice(next, next + 200))) return undefined; // blank line
      i = next;
      continue;
    }
    if (c === '`') {
      let m = 1;
      while (text[i + m] === '`') m++;
      if (m === n) return i + m;
      i += m;
      continue;
    }
    i++;
  }
  return undefined;
}

function endOfLine(text: string, i: number): number {
  while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
  return i;
}

function startOfLine(text: string, i: number): number {
  while (i > 0 && text[i - 1] !== '\n' && text[i - 1] !== '\r') i--;
  return i;
}

function skipBreak(text: string, i: number): number {
  if (text[i] === '\r' && text[i + 1] === '\n') return i + 2;
  if (text[i] === '\n' || text[i] === '\r') return i + 1;
  return i;
}

function indentWidth(text: string, i: number, end: number): number {
  let w = 0;
  for (; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x20) w++;
    else if (c === 0x09) w += 4 - (w % 4);
    else break;
  }
  return w;
}
