import type { SourceFile } from '../types.js';
import { extractMarkdown, type Extracted } from './markdown.js';
import { extractYamlFile } from './yaml-file.js';
import type { FileFormat } from '../source/file-format.js';

// Where a file's format is decided (by its name): below discovery, which picks files by it.
export { formatOf, type FileFormat } from '../source/file-format.js';

/** Extracts the blocks of a file according to its format. */
export function extract(file: SourceFile, format: FileFormat, lenient: boolean): Extracted {
  if (format === 'markdown') return extractMarkdown(file, { lenient });
  return { blocks: extractYamlFile(file), problems: [] };
}

