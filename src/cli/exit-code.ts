import type { FileResult } from '../types.js';

/** 0: no errors; 1: lint errors; 2: usage, configuration, input or internal failure (a rule that crashed). */
export type ExitCode = 0 | 1 | 2;

export function exitCodeFor(results: readonly FileResult[]): ExitCode {
  if (results.some((r) => r.diagnostics.some((d) => d.ruleId === 'file/internal-error'))) return 2;
  return results.some((r) => r.diagnostics.some((d) => d.severity === 'error')) ? 1 : 0;
}
