import type { Fix } from '../types.js';

export interface Applied {
  readonly text: string;
  readonly applied: readonly Fix[];
  /** Fixes left out because they overlap one applied before them. */
  readonly skipped: readonly Fix[];
}

/**
 * Applies fixes to a text in one pass: sorted by start offset, a fix that overlaps one already
 * applied is skipped (the next pass may apply it), the rest are spliced in order.
 */
export function applyFixes(text: string, fixes: readonly Fix[]): Applied {
  const sorted = [...fixes].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  const applied: Fix[] = [];
  const skipped: Fix[] = [];
  let out = '';
  let pos = 0;
  for (const f of sorted) {
    if (f.span.start < pos || (applied.length && f.span.start === pos && f.span.end === pos && applied.at(-1)!.span.end === pos)) {
      skipped.push(f);
      continue;
    }
    out += text.slice(pos, f.span.start) + f.text;
    pos = f.span.end;
    applied.push(f);
  }
  out += text.slice(pos);
  return { text: out, applied, skipped };
}
