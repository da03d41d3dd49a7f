/**
 * Where the cursor is, read from the text as it is being typed (half-written YAML does not parse,
 * so the keys above the cursor are found by indentation): the model-index block around it, the
 * keys from the block's root to the mapping of the cursor's line, and the line's own key.
 */
import { extract, formatOf, type FileFormat } from '../extract/extract.js';
import { isModelIndexComment } from '../extract/markdown.js';
import { sourceFromText } from '../source/source-file.js';

export interface Cursor {
  /** The model-index block around the cursor (offsets in the text without BOM), if any. */
  readonly block: { readonly start: number; readonly end: number; readonly kind: string } | undefined;
  /** The line up to the cursor, and all of it. */
  readonly before: string;
  readonly line: string;
  /** Keys from the block's root to the mapping the line is in; `-` for a list item. */
  readonly parents: readonly string[];
  /** The line's key, and its column span (0-based, end exclusive), when the line has one. */
  readonly key: { readonly name: string; readonly start: number; readonly end: number } | undefined;
}

const KEY_LINE = /^(\s*)(-\s+)?([^\s#'"\-:][^:#]*?|"[^"]*"|'[^']*')\s*:(?=\s|$)/;
const DASH = /^(\s*)(-\s+)/;

/** The cursor context at a 0-based line and UTF-16 character of `raw` (the editor's text). */
export function cursorAt(path: string, raw: string, line: number, character: number): Cursor {
  const source = sourceFromText(path, raw);
  const text = source.text;
  const bom = raw.length - text.length;
  const { lines, starts } = splitLines(text);
  const lineText = lines[line] ?? '';
  const col = Math.max(0, character - (line === 0 ? bom : 0));
  const offset = (starts[line] ?? text.length) + col;
  const format: FileFormat = formatOf(path) ?? 'markdown';
  const found = extract(source, format, true).blocks
    .filter((b) => b.kind !== 'comment' || isModelIndexComment(b.text, false))
    .find((b) => offset >= b.offset && offset <= b.offset + b.length);
  const block = found ? { start: found.offset, end: found.offset + found.length, kind: found.kind } : undefined;
  const firstLine = block ? lineOf(starts, block.start) : 0;
  const m = KEY_LINE.exec(lineText);
  const key = m ? { name: unquote(m[3]!), start: m[1]!.length + (m[2]?.length ?? 0), end: m[1]!.length + (m[2]?.length ?? 0) + m[3]!.length } : undefined;
  return { block, before: lineText.slice(0, col), line: lineText, parents: block ? parentsOf(lines, line, firstLine) : [], key };
}

/** The keys above line `at`, found by indentation (`-` marks a list item). */
function parentsOf(lines: readonly string[], at: number, first: number): string[] {
  const path: string[] = [];
  const here = lines[at] ?? '';
  const dash = DASH.exec(here);
  let indent = here.match(/^\s*/)![0].length;
  // In a list item, the sequence's key may sit at the dash's own column (`Models:` then `- Name`).
  let inItem = false;
  if (dash) { path.unshift('-'); inItem = true; }
  for (let i = at - 1; i >= first; i--) {
    const l = lines[i]!;
    if (/^\s*(#.*)?$/.test(l)) continue;
    const lead = l.match(/^\s*/)![0].length;
    const d = DASH.exec(l);
    if (d) {
      if (!inItem && lead < indent && lead + d[2]!.length <= indent) { path.unshift('-'); indent = lead; inItem = true; }
      continue;
    }
    if (!KEY_LINE.test(l) || !(lead < indent || (inItem && lead === indent))) continue;
    path.unshift(unquote(KEY_LINE.exec(l)![3]!));
    indent = lead;
    inItem = false;
    if (indent === 0) break;
  }
  return path;
}

function unquote(s: string): string {
  return /^(["']).*\1$/.test(s) ? s.slice(1, -1) : s;
}

/** Lines and the offset each starts at (any of \r\n, \n, \r ends a line). */
function splitLines(text: string): { lines: string[]; starts: number[] } {
  const lines: string[] = [];
  const starts: number[] = [0];
  const re = /\r\n|\n|\r/g;
  let last = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    lines.push(text.slice(last, m.index));
    last = m.index + m[0].length;
    starts.push(last);
  }
  lines.push(text.slice(last));
  return { lines, starts };
}

function lineOf(starts: readonly number[], offset: number): number {
  let i = 0;
  while (i + 1 < starts.length && starts[i + 1]! <= offset) i++;
  return i;
}
