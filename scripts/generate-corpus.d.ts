export interface Corpus {
  readonly files: Record<string, string>;
  readonly expected: { file: string; line: number; ruleId: string }[];
  readonly models: number;
}
export function generateCorpus(options: { pages: number; seed?: number; inject?: boolean; injected?: number; broken?: boolean }): Corpus;
export function writeCorpus(dir: string, corpus: Corpus): void;
