export interface Expectation {
  readonly corpus: string; readonly about: string; readonly preset: string;
  readonly roots: readonly string[]; readonly maxNoise: number; readonly expected: readonly string[];
}
export interface Score {
  readonly total: number; readonly expected: number; readonly kept: number;
  readonly missing: string[]; readonly noise: string[]; readonly perFile: Map<string, number>;
}
export function corpusDir(): string | undefined;
export const CORPORA: readonly string[];
export function readExpectation(corpus: string): Expectation;
export function scoreFindings(expectation: Expectation, messages: readonly string[]): Score;
