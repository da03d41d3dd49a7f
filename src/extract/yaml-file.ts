import type { Block, SourceFile } from '../types.js';

/** A whole YAML or JSON file is one block at offset 0. */
export function extractYamlFile(file: SourceFile): Block[] {
  return [{ file, kind: 'yaml-file', offset: 0, text: file.text, index: 0 }];
}
