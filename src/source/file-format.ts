/** What a file holds, decided by its name. */
export type FileFormat = 'markdown' | 'yaml' | 'json';

const MARKDOWN = /\.(md|markdown|mdx)$/i;
const YAML = /\.(ya?ml)$/i;
const JSON_EXT = /\.json$/i;

/** The format of a file by its extension, or undefined for a file milint does not read. */
export function formatOf(path: string): FileFormat | undefined {
  if (MARKDOWN.test(path)) return 'markdown';
  if (YAML.test(path)) return 'yaml';
  if (JSON_EXT.test(path)) return 'json';
  return undefined;
}
