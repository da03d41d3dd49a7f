import { isAlias, isMap, isPair, isScalar, isSeq, type Document, type Pair } from 'yaml';
import type { Origin, Path, Span } from '../types.js';
import { sameKey } from './keys.js';
import { isMergePair, keyText } from './to-data.js';

/** Which part of a mapping entry a report is about. */
export type Target = 'key' | 'value';

export interface Located {
  /** Offsets into the file text (the block offset already added). */
  readonly span: Span;
  /** True when the path ran into a missing key or item; `span` is then the nearest node. */
  readonly missing: boolean;
  /** The node reached (the value, or the key with `target: 'key'`), when the path was found. */
  readonly node?: unknown;
}

interface Step { node: unknown; pair: Pair | undefined }

/**
 * Finds the file span of the data at `origin.path`. Map keys compare case-insensitively in the
 * PwC dialect (front matter keys compare exactly). With duplicate keys the last one wins, as in
 * the data; merge keys and aliases are followed. A missing segment stops the walk: the result
 * is the key of the deepest pair found, else the first line of the deepest node.
 * Offsets are block-relative while walking and shifted by `block.offset` once, at the end.
 */
export function locate(origin: Origin, target: Target = 'value'): Located {
  const pb = origin.block;
  const canonical = pb.block.kind !== 'front-matter';
  const fullPath: Path = [...pb.dataPath, ...origin.path];
  let step: Step = { node: pb.doc.contents, pair: undefined };
  let missing = false;
  for (let i = 0; i < fullPath.length; i++) {
    const seg = fullPath[i]!;
    const exact = i < pb.dataPath.length || !canonical;
    const next = child(pb.doc, step.node, seg, exact);
    if (!next) { missing = true; break; }
    step = next;
  }
  const span = spanOf(step, missing ? 'missing' : target, pb.block.text);
  const off = pb.block.offset;
  const node = missing ? undefined : target === 'key' ? step.pair?.key : step.node;
  return { span: { start: span.start + off, end: span.end + off }, missing, node };
}

function child(doc: Document, node: unknown, seg: string | number, exact: boolean): Step | undefined {
  const n = isAlias(node) ? node.resolve(doc) : node;
  if (isSeq(n) && typeof seg === 'number') {
    const item = n.items[seg];
    return item === undefined ? undefined : { node: item, pair: undefined };
  }
  if (!isMap(n)) return undefined;
  const key = String(seg);
  for (let i = n.items.length - 1; i >= 0; i--) {
    const pair = n.items[i];
    if (!isPair(pair) || isMergePair(pair)) continue;
    const k = keyText(pair.key);
    if (exact ? k === key : sameKey(k, key)) return { node: pair.value, pair };
  }
  // Not written here: it may come in through a merge key (`<<: *base`).
  for (const pair of n.items) {
    if (!isPair(pair) || !isMergePair(pair)) continue;
    const sources = isSeq(pair.value) ? pair.value.items : [pair.value];
    for (const src of sources) {
      const found = child(doc, src, seg, exact);
      if (found) return found;
    }
  }
  return undefined;
}

function rangeOf(node: unknown): Span | undefined {
  if (isScalar(node) || isMap(node) || isSeq(node) || isAlias(node)) {
    const r = node.range;
    if (r) return { start: r[0], end: r[1] };
  }
  return undefined;
}

function spanOf(step: Step, mode: Target | 'missing', text: string): Span {
  const keySpan = step.pair ? rangeOf(step.pair.key) : undefined;
  const valueSpan = rangeOf(step.node);
  if (mode === 'key' && keySpan) return keySpan;
  if (mode === 'missing') {
    if (keySpan) return keySpan;
    if (valueSpan) return firstLine(valueSpan, text);
    return firstLine({ start: 0, end: text.length }, text);
  }
  // An empty value (`Name:`) has a zero-width range: point at its key instead.
  if (valueSpan && valueSpan.end > valueSpan.start) return valueSpan;
  if (keySpan) return keySpan;
  return valueSpan ?? firstLine({ start: 0, end: text.length }, text);
}

/** The part of a span on its first line, without trailing spaces. */
function firstLine(span: Span, text: string): Span {
  let start = span.start;
  while (start < span.end && /\s/.test(text[start]!)) start++;
  let end = start;
  while (end < span.end && text[end] !== '\n' && text[end] !== '\r') end++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return { start, end: Math.max(end, start) };
}
