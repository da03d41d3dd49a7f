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
