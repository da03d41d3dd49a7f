/**
 * YAML syntax errors in plain words, at the line of the mistake: `yaml`'s messages name parser
 * states ("Nested mappings are not allowed in compact mappings"), and some point at the line
 * before the mistake (a key already holding a value, followed by a line indented under it) or at
 * the end of the block (a quote never closed). The parser's code stays in the data for tools.
 */
import type { Span } from '../types.js';

/** What a problem says, in plain words, and where its mistake is (offsets in `text`). */
export function plainSyntaxError(text: string, code: string, message: string, span: Span): { message: string; span: Span } {
  switch (code) {
    case 'BLOCK_AS_IMPLICIT_KEY':
      return { message: 'this line is indented under a key that already has a value; align it with the keys above, or give that key no value on its own line', span: nextDeeperLine(text, span) };
    case 'MULTILINE_IMPLICIT_KEY':
      return { message: 'this line is neither `key: value` nor part of the value above: a `:` is missing, or a long value needs quotes or more indentation', span };
    case 'TAB_AS_INDENT':
      return { message: 'this line is indented with a tab; YAML indents with spaces only', span };
    case 'BAD_INDENT':
      return /^All mapping items/.test(message)
        ? { message: 'this key is not aligned with the keys above it (keys of one mapping start at the same column)', span: pastIndent(text, span) }
        : /^Flow/.test(message)
        ? { message: 'this `{...}` or `[...]` is never closed, or its next line is not indented enough', span: openBracket(text, span) }
        : { message: 'this line is not indented as the lines around it require', span };
    case 'MISSING_CHAR':
      if (/quote/i.test(message)) return { message: 'a quoted value is never closed: its closing quote is missing', span: openQuote(text, span, /single/i.test(message) ? "'" : '"') };
      if (/without - indicator/.test(message)) return { message: 'this line is indented like a list item but does not start with `-`, or is not aligned with the keys above', span };
      return { message: `a closing character is missing (${lower(message)})`, span };
    case 'BAD_SCALAR_START':
      return { message: 'a plain value cannot start with this character; put the value in quotes', span };
    case 'UNEXPECTED_TOKEN':
      return { message: `unexpected text here (${lower(message)})`, span };
    default:
      return { message: lower(message), span };
  }
}

const lower = (s: string): string => (s === '' ? s : s[0]!.toLowerCase() + s.slice(1)).replace(/\.$/, '');

/** The next non-blank line indented more than the line at `span.start`: the line that does not fit. */
function nextDeeperLine(text: string, span: Span): Span {
  const lineStart = text.lastIndexOf('\n', span.start - 1) + 1;
  const indent = /^[ ]*/.exec(text.slice(lineStart))![0].length;
  let pos = text.indexOf('\n', span.start);
  while (pos !== -1 && pos + 1 < text.length) {
    const start = pos + 1;
    const end = text.indexOf('\n', start) === -1 ? text.length : text.indexOf('\n', start);
    const line = text.slice(start, end);
    if (line.trim() !== '') {
      const own = /^[ ]*/.exec(line)![0].length;
      return own > indent ? { start: start + own, end } : span;
    }
    pos = text.indexOf('\n', start);
  }
  return span;
}

/** `span` moved from the indentation of its line to the text it indents (the parser points at column 1). */
function pastIndent(text: string, span: Span): Span {
  let start = span.start;
  while (start < text.length && text[start] === ' ') start++;
  if (start === span.start || (start < text.length && text[start] === '\n')) return span;
  return { start, end: Math.max(span.end, start + 1) };
}

/** The quote that opens the value never closed: the last line before `span` with an odd count of it. */
function openQuote(text: string, span: Span, quote: string): Span {
  let end = Math.min(span.start, text.length);
  while (end > 0) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    const line = text.slice(start, end);
    const at = line.indexOf(quote);
    if (at !== -1 && line.split(quote).length % 2 === 0) return { start: start + at, end: start + at + 1 };
    end = start - 1;
  }
  return span;
}

/** The last `[` or `{` before `span` left open (quotes skipped): where an unclosed flow starts. */
function openBracket(text: string, span: Span): Span {
  const open: number[] = [];
  let quote = '';
  for (let i = 0; i < Math.min(span.start, text.length); i++) {
    const c = text[i]!;
    if (quote) { if (c === quote || c === '\n') quote = ''; continue; }
    if (c === '"' || c === "'") quote = c;
    else if (c === '#' && (i === 0 || /\s/.test(text[i - 1]!))) { const nl = text.indexOf('\n', i); i = nl === -1 ? text.length : nl; }
    else if (c === '[' || c === '{') open.push(i);
    else if ((c === ']' || c === '}') && open.length > 0) open.pop();
  }
  const at = open.at(-1);
  return at === undefined ? span : { start: at, end: at + 1 };
}
