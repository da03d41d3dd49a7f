import { isMap, isPair, isScalar, isSeq, type Pair, type Scalar } from 'yaml';
import type { BlockHints, ParsedBlock, Path } from '../../types.js';
import { isMergePair, keyText } from '../../source/to-data.js';

export interface YamlVisitor {
  /** A mapping entry; `path` is the data path of its value (relative to the block's data). */
  pair?(pair: Pair, key: string, path: Path): void;
  /** A scalar value (keys are reported through `pair`). */
  scalar?(node: Scalar, path: Path): void;
}

/**
 * Walks the YAML nodes of a block's data as written (aliases are not followed, so each node is
 * visited once), for rules about how something is written rather than what it means. With `only`,
 * a block whose fast-path hints say there is no such thing in it is skipped without building its
 * Document.
 */
export function walkYaml(block: ParsedBlock, v: YamlVisitor, only?: keyof BlockHints): void {
  if (only && block.hints && !block.hints[only]) return;
  let root: unknown = block.doc.contents;
  for (const seg of block.dataPath) {
    if (!isMap(root)) return;
    root = root.items.find((p) => isScalar(p.key) && String(p.key.value) === seg)?.value;
  }
  const visit = (node: unknown, path: Path, depth: number): void => {
    if (depth > 200) return;
    if (isScalar(node)) v.scalar?.(node, path);
    else if (isSeq(node)) node.items.forEach((item, i) => visit(item, [...path, i], depth + 1));
    else if (isMap(node)) {
      for (const pair of node.items) {
        if (!isPair(pair) || isMergePair(pair)) continue;
        const key = keyText(pair.key);
        v.pair?.(pair, key, [...path, key]);
        visit(pair.value, [...path, key], depth + 1);
      }
    }
  };
  visit(root, [], 0);
}
