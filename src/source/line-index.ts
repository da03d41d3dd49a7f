import type { Lines, Position } from '../types.js';

/**
 * Converts offsets in a text to 1-based line/column positions and back.
 *
 * Line breaks are `\n`, `\r\n` (one break) and a lone `\r`, as editors count them.
 * Columns are in UTF-16 code units, the unit of JavaScript strings and of LSP/ESLint.
 */
export class LineIndex implements Lines {
  /** Offset of the first character of each line, ascending; `starts[0]` is 0. */
  readonly starts: readonly number[];
  readonly length: number;

  constructor(text: string) {
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 /* \n */) starts.push(i + 1);
      else if (c === 13 /* \r */) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
    this.starts = starts;
    this.length = text.length;
  }

  /** Number of lines (a text ending in a break has an empty last line). */
  get lineCount(): number {
    return this.starts.length;
  }

  /** 1-based position of an offset; offsets are clamped to `[0, length]`. */
  position(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: o - this.starts[lo]! + 1 };
  }

  /** Offset of a 1-based position; out-of-range lines are clamped. */
  offset(pos: Position): number {
    const line = Math.max(1, Math.min(pos.line, this.starts.length));
    return Math.min(this.starts[line - 1]! + pos.column - 1, this.length);
  }

  /** Offsets `[start, end)` of a 1-based line, without its line break. */
  lineSpan(line: number, text: string): { start: number; end: number } {
    const start = this.starts[line - 1] ?? this.length;
    let end = this.starts[line] ?? this.length;
    while (end > start && (text[end - 1] === '\n' || text[end - 1] === '\r')) end--;
    return { start, end };
  }
}
