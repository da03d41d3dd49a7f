import type { ParsedBlock } from '../types.js';
import type { Shape } from './roles.js';
import { reportAt, type Report } from '../core/report.js';
import { describe, issuesToReports } from './issues.js';
import { surelyValid } from './pwc-valid.js';

/** What validation needs of a resolved unit (resolve's `Unit`): its block and how it was read. */
export interface ShapedUnit {
  readonly block: { readonly parsed: ParsedBlock };
  readonly shape?: Shape;
}

/**
 * Validates one unit against the schema of the role it was read in. Uses `safeParse` only:
 * problems are data. Broken blocks have no shape and are skipped (their syntax errors stand).
 */
export function validateUnit(unit: ShapedUnit): Report[] {
  const shape = unit.shape;
  if (!shape) return [];
  const block = unit.block.parsed;
  if (shape.role === 'invalid' || !shape.schema) {
    const expected = shape.expected ?? 'a model-index mapping';
    const at = { block, path: shape.path };
    if (shape.data === null || shape.data === undefined) return [reportAt('schema/invalid-type', 'empty', { expected }, at)];
    return [reportAt('schema/invalid-type', 'type', { field: 'The file', expected, received: describe(shape.data) }, at)];
  }
  // Clean data (nearly all of it) is proven valid by a quick look; zod explains the rest.
  if (surelyValid(shape.schema, shape.data)) return [];
  const result = shape.schema.safeParse(shape.data);
  if (result.success) return [];
  return issuesToReports(result.error.issues, block, shape.path, shape.data, shape.role === 'hf');
}
