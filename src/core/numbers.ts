/**
 * How a number is written. Model zoos write counts as integers (`5282531328`), sometimes with a
 * unit suffix (`4.1G`, `21.3M`), metrics as numbers or percent strings (`79.04%`).
 */

/** SI-style suffixes used for FLOPs and parameter counts (B is "billion"). */
const UNITS: Record<string, number> = { k: 1e3, m: 1e6, g: 1e9, b: 1e9, t: 1e12 };
const UNIT_RE = /^\s*([0-9]*\.?[0-9]+(?:e[+-]?\d+)?)\s*([kKmMgGbBtT])(?:flops|params)?\s*$/i;
const NUMERIC_RE = /^\s*[-+]?([0-9]*\.?[0-9]+(?:e[+-]?\d+)?)\s*$/i;
const PERCENT_RE = /^\s*([-+]?[0-9]*\.?[0-9]+)\s*%\s*$/;

export type Quantity =
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'numeric-string'; readonly value: number }
  | { readonly kind: 'unit'; readonly value: number; readonly unit: string }
  | { readonly kind: 'invalid' };

/** Reads a count such as FLOPs: a number, a number in a string, or a number with a unit. */
export function parseQuantity(v: unknown): Quantity {
  if (typeof v === 'number') return { kind: 'number', value: v };
  if (typeof v === 'bigint') return { kind: 'number', value: Number(v) };
  if (typeof v !== 'string') return { kind: 'invalid' };
  if (NUMERIC_RE.test(v)) return { kind: 'numeric-string', value: Number(v.trim()) };
  const m = UNIT_RE.exec(v);
  if (m) return { kind: 'unit', value: Number(m[1]) * UNITS[m[2]!.toLowerCase()]!, unit: m[2]! };
  return { kind: 'invalid' };
}

/** The number of a percent string (`79.04%` → 79.04), or undefined. */
export function parsePercent(v: unknown): number | undefined {
  // `parseFloat` reads the same number as the pattern's group (it skips the same leading spaces
  // and stops at the space or `%` after it) without making a match array: metrics are many.
  return typeof v === 'string' && PERCENT_RE.test(v) ? parseFloat(v) : undefined;
}

/** A metric value as a number on its own scale: numbers as they are, percent strings as percent. */
export function metricNumber(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  return parsePercent(v);
}

/** A number written the way YAML would print it in a message. */
export function show(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Number(n.toPrecision(6)));
}

/**
 * The median of `values`, which it reorders: the middle one (the mean of the two middle ones for
 * an even count) found by selection, not by sorting them all. `results/outlier` takes two medians
 * of every metric of a large index; sorting took about a fifth of its time.
 */
export function median(values: Float64Array): number {
  const n = values.length;
  if (n === 0) return NaN;
  const mid = n >> 1;
  const upper = select(values, mid);
  if (n % 2 === 1) return upper;
  // Selection left everything before `mid` no greater than `upper`: the lower middle is their largest.
  let lower = values[0]!;
  for (let i = 1; i < mid; i++) if (values[i]! > lower) lower = values[i]!;
  return (lower + upper) / 2;
}

/** The `k`th smallest of `a` (Hoare's selection): `a[k]` once done, with nothing greater before it and nothing smaller after. */
function select(a: Float64Array, k: number): number {
  let left = 0;
  let right = a.length - 1;
  while (left < right) {
    const pivot = a[(left + right) >> 1]!;
    let i = left;
    let j = right;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        const t = a[i]!;
        a[i] = a[j]!;
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else break;
  }
  return a[k]!;
}
