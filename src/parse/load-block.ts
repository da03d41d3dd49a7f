/**
 * Loads one block: the fast path when it can (fast-block.ts), else the full `yaml` parse, whose
 * problems become reports here (`yaml/syntax`, `yaml/warning`, `yaml/duplicate-key`,
 * `yaml/resource-limit`). A block whose YAML is broken is kept for its reports, marked `broken`.
 */
import { isMap, isScalar } from 'yaml';
import type { Block, ParsedBlock, SourceFile, Span } from '../types.js';
import { toData, type Data } from '../source/to-data.js';
import { reportSpan, type Report } from '../core/report.js';
import { parseBlock } from './parse-block.js';
import { fastBlock, lazyParsedBlock } from './fast-block.js';

/** How blocks are parsed: `fast` tries js-yaml first (see fast-block.ts); `full` always builds the Document. */
export type ParseMode = 'fast' | 'full';

/** A block's YAML, loaded: what `loadBlock` gives. */
export interface BlockLoad {
  readonly parsed: ParsedBlock;
  /** The data of the block (for front matter: the value of `model-index`). */
  readonly data: Data;
  /** Syntax errors: the block is reported but not read further. */
  readonly broken: boolean;
  readonly reports: readonly Report[];
}

/** Loads a block of `source`; a block over `maxBlockSize` characters is reported, not parsed. */
export function loadBlock(source: SourceFile, block: Block, mode: ParseMode, maxBlockSize: number): BlockLoad {
  if (block.length > maxBlockSize) {
    const span = firstLineOf(source, block.offset, block.offset + block.length);
    const data = { size: block.length, max: maxBlockSize };
    return { parsed: lazyParsedBlock(block, []), data: null, broken: true, reports: [reportSpan('yaml/resource-limit', 'size', data, source, span)] };
  }
  const fast = mode === 'fast' ? fastBlock(block) : undefined;
  if (fast) return { parsed: fast.parsed, data: fast.data, broken: false, reports: [] };
  const { parsed, problems: all } = parseBlock(block);
  // After the first syntax error the rest of a block is guesswork (one tab can cause a dozen
  // errors): keep the first, as ESLint keeps one parse error. Duplicate keys and warnings stay.
  const firstError = all.find((p) => p.severity === 'error' && p.code !== 'DUPLICATE_KEY');
  const problems = all.filter((p) => p === firstError || p.code === 'DUPLICATE_KEY' || p.severity === 'warning');
  const reports: Report[] = problems.map((p) => p.code === 'DUPLICATE_KEY'
    ? duplicateKey(source, p.span.start)
    // `yaml` stops itself when nesting exhausts the stack: a limit, said as one.
    : p.code === 'RESOURCE_EXHAUSTION'
    ? reportSpan('yaml/resource-limit', 'depth', {}, source, firstLineOf(source, block.offset, block.offset + block.length))
    : reportSpan(p.severity === 'error' ? 'yaml/syntax' : 'yaml/warning', p.severity === 'error' ? 'syntax' : 'warning',
      { message: p.message, code: p.code }, source, p.span));
  const broken = problems.some((p) => p.severity === 'error' && p.code !== 'DUPLICATE_KEY');
  let data: Data = null;
  if (!broken) {
    const root = parsed.dataPath.length === 0 ? parsed.doc.contents : dataNode(parsed);
    // Front matter is a Hugging Face dialect, whose keys are exact; the format's own keys are not.
    const converted = toData(parsed.doc, root, { canonical: block.kind !== 'front-matter' });
    data = converted.data;
    for (const p of converted.problems) {
      const span = { start: p.span.start + block.offset, end: p.span.end + block.offset };
      reports.push(p.kind === 'alias-budget'
        ? reportSpan('yaml/resource-limit', 'aliases', {}, source, firstLineOf(source, block.offset, block.offset + block.length))
        : reportSpan('yaml/duplicate-key', 'caseDuplicate', p.data, source, span));
    }
  }
  return { parsed, data, broken, reports };
}

function dataNode(parsed: ParsedBlock): unknown {
  const contents = parsed.doc.contents;
  if (!isMap(contents)) return null;
  const key = parsed.dataPath[0];
  const pair = contents.items.findLast((p) => isScalar(p.key) && String(p.key.value) === key);
  return pair?.value ?? null;
}

/** yaml marks a duplicate key by its first character: report the whole key as written. */
function duplicateKey(source: SourceFile, start: number): Report {
  const raw = /^(?:"[^"\r\n]*"|'[^'\r\n]*'|[^:\r\n]*?)(?=\s*:)/.exec(source.text.slice(start, start + 500))?.[0] ?? '';
  const key = raw.replace(/^['"]|['"]$/g, '');
  const end = start + Math.max(raw.length, 1);
  return reportSpan('yaml/duplicate-key', 'duplicate', { key }, source, { start, end: Math.min(end, source.text.length) });
}

/** The first non-blank line of a block, as a span (for problems about the block as a whole). */
function firstLineOf(source: SourceFile, start: number, end: number): Span {
  let s = start;
  while (s < end && /\s/.test(source.text[s]!)) s++;
  let e = s;
  while (e < end && source.text[e] !== '\n' && source.text[e] !== '\r') e++;
  return { start: s, end: e };
}
