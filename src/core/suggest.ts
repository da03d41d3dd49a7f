/**
 * The candidate closest to `word`, compared case-insensitively, when it is close enough to be a
 * likely typo: an edit distance of at most a third of the word's length (at least 1), or the
 * same word in another case. Two swapped letters count as one edit (`Cdoe` is one from `Code`).
 */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  const w = word.toLowerCase();
  const limit = Math.max(1, Math.floor(word.length / 3));
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    const d = osaDistance(w, c.toLowerCase(), Math.min(limit, bestD - 1));
    if (d < bestD) { best = c; bestD = d; }
  }
  return best !== undefined && bestD <= limit ? best : undefined;
}

/**
 * Optimal string alignment distance (Levenshtein plus the transposition of two adjacent letters),
 * or `max + 1` as soon as it must exceed `max` (most candidates are far: no full table for them).
 */
export function osaDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev: number[] = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur: number[] = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2]! + 1);
      cur.push(d);
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return max + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[b.length]!;
}
