import * as z from 'zod';
import type { Fix, Located } from '../../types.js';
import type { Data } from '../../source/to-data.js';
import type { Fixer } from '../../core/fixer.js';

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

/**
 * The `form` report of a value written in the wrong form: its message data and the fix that
 * rewrites it in the wanted form (`0.875` → `'0.875'`, or back), keeping the digits as written.
 */
export function formReport(at: Located<Data>, n: number, form: 'string' | 'number', fixer: Fixer): { data: Record<string, string>; fix: Fix | undefined } {
  const written = fixer.scalar(at.origin)?.source;
  const fix = written === undefined ? undefined
    : form === 'string' ? fixer.replaceRaw(at.origin, `'${written}'`) : fixer.replaceRaw(at.origin, String(at.value).trim());
  return {
    data: {
      got: typeof at.value === 'number' ? 'plain number' : 'string',
      want: form === 'string' ? 'quoted string' : 'plain number',
      example: form === 'string' ? `'${n}'` : String(n),
    },
    fix,
  };
}
