import { z } from 'zod';

/**
 * How a preset wants Crop Pct and Image Size written: `any`, or always as a quoted `string`
 * (timm writes `Crop Pct: '0.875'`), or always as a plain `number`.
 */
export const formOption = z.object({ form: z.enum(['any', 'string', 'number']).default('any') });

/** The number in a number or numeric string, else undefined. */
export function numericValue(v: unknown): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && /^\s*[-+]?[0-9]*\.?[0-9]+(e[-+]?\d+)?\s*$/i.test(v)) return Number(v);
  return undefined;
}

/** Whether a value is written in the wrong form for the preset. */
export function wrongForm(v: unknown, form: 'any' | 'string' | 'number'): boolean {
  return (form === 'string' && typeof v === 'number') || (form === 'number' && typeof v === 'string');
}
