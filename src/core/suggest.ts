import { distance } from 'fastest-levenshtein';

/**
 * The candidate closest to `word`, compared case-insensitively, when it is close enough to be a
 * likely typo: an edit distance of at most a third of the word's length (at least 1), or the
 * same word in another case.
 */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  const w = word.toLowerCase();
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    const d = distance(w, c.toLowerCase());
    if (d < bestD) { best = c; bestD = d; }
  }
  const limit = Math.max(1, Math.floor(word.length / 3));
  return best !== undefined && bestD <= limit ? best : undefined;
}
