import type { Block, SourceFile } from '../types.js';
import { makeBlock } from './markdown.js';

/** A whole YAML or JSON file is one block at offset 0. */
export function extractYamlFile(file: SourceFile): Block[] {
  return [makeBlock(file, 'yaml-file', 0, file.length, 0)];
}
