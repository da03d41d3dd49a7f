/**
 * Model pages written at test time (their links name a server's dynamic port), in the shape of a
 * timm page: prose, then the model-index comment partway down.
 */
export interface PageModel {
  readonly name: string;
  readonly weights?: string;
  readonly fileSize?: number | string;
  readonly code?: string;
  readonly paper?: string;
  readonly trainingLog?: string;
}

export function modelPage(models: readonly PageModel[]): string {
  const lines = ['# Test models', '', 'A page written by the online tests.', '', '<!--', 'Type: model-index', 'Models:'];
  for (const m of models) {
    lines.push(`- Name: ${m.name}`, '  Metadata:', '    Parameters: 1000');
    if (m.fileSize !== undefined) lines.push(`    File Size: ${m.fileSize}`);
    if (m.trainingLog) lines.push(`    Training Log: ${m.trainingLog}`);
    if (m.code) lines.push(`  Code: ${m.code}`);
    if (m.paper) lines.push('  Paper:', '    Title: A paper', `    URL: ${m.paper}`);
    if (m.weights) lines.push(`  Weights: ${m.weights}`);
  }
  lines.push('-->', '');
  return lines.join('\n');
}

/** Where `needle` is written in `text` (its first occurrence after `from`): 1-based line and column of its start and end. */
export function positionOf(text: string, needle: string, from = 0): { line: number; column: number; endLine: number; endColumn: number } {
  const start = text.indexOf(needle, from);
  if (start === -1) throw new Error(`${needle} not in the page`);
  const before = text.slice(0, start).split('\n');
  const line = before.length;
  const column = before[before.length - 1]!.length + 1;
  return { line, column, endLine: line, endColumn: column + needle.length };
}
