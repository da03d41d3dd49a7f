import type { Block, SourceFile } from '../types.js';
import { makeBlock } from './markdown.js';

/**
 * A whole YAML or JSON file is one block at offset 0; a file of comments only (a metafile commented
 * out on purpose, as OpenMMLab's mmrazor keeps one) holds no model-index data, so it has no block.
 */
export function extractYamlFile(file: SourceFile): Block[] {
  if (onlyComments(file.text)) return [];
  return [makeBlock(file, 'yaml-file', 0, file.length, 0)];
}

/** Whether a text has at least one `#` comment line and nothing else but blank lines. */
function onlyComments(text: string): boolean {
  let comment = false;
  for (const line of text.split(/\r?\n|\r/)) {
    const t = line.trim();
    if (t === '') continue;
    if (!t.startsWith('#')) return false;
    comment = true;
  }
  return comment;
}
