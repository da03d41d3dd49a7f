import type { SourceFile } from '../types.js';
import { extractMarkdown, type Extracted } from './markdown.js';
import { extractYamlFile } from './yaml-file.js';

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

/** Extracts the blocks of a file according to its format. */
export function extract(file: SourceFile, format: FileFormat, lenient: boolean): Extracted {
  if (format === 'markdown') return extractMarkdown(file, { lenient });
  return { blocks: extractYamlFile(file), problems: [] };
}

