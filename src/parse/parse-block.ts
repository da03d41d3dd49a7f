import { isMap, isScalar, parseDocument, type YAMLError } from 'yaml';
import type { Block, ParsedBlock, Path, Span } from '../types.js';
import { canonicalKey } from '../source/keys.js';
import { plainSyntaxError } from './plain-errors.js';

/** A YAML problem, with its span already shifted into the file. */
export interface YamlProblem {
  readonly code: string;
  readonly message: string;
  readonly span: Span;
  readonly severity: 'error' | 'warning';
}

export interface ParseResult {
  readonly parsed: ParsedBlock;
  readonly problems: YamlProblem[];
}

/**
 * Options for every parse. `uniqueKeys` turns duplicate keys into errors; `merge` enables the
 * YAML 1.1 `<<` merge keys that OpenMMLab metafiles use; `prettyErrors: false` keeps the raw
 * `pos` offsets, which we shift by the block offset ourselves.
 * @see https://eemeli.org/yaml/#parse-options
 */
const PARSE_OPTIONS = { prettyErrors: false, uniqueKeys: true, merge: true, strict: true } as const;

/** Parses a block; never throws on bad YAML (problems are returned as data). */
export function parseBlock(block: Block): ParseResult {
  const doc = parseDocument(yamlText(block.text), PARSE_OPTIONS);
  const problems: YamlProblem[] = [];
  const add = (e: YAMLError, severity: 'error' | 'warning'): void => {
    const start = Math.min(e.pos[0], block.text.length);
    const end = Math.max(Math.min(e.pos[1], block.text.length), start);
    // Errors in plain words, at the line of the mistake (see plain-errors.ts); warnings as `yaml` says them.
    const plain = severity === 'error' ? plainSyntaxError(block.text, e.code, firstSentence(e.message), { start, end }) : { message: firstSentence(e.message), span: { start, end } };
    const span = { start: plain.span.start + block.offset, end: plain.span.end + block.offset };
    problems.push({ code: e.code, message: plain.message, span, severity });
  };
  for (const e of doc.errors) add(e, 'error');
  for (const w of doc.warnings) add(w, 'warning');
  return { parsed: { block, doc, dataPath: dataPathOf(block, doc) }, problems };
}

/**
 * The text given to the YAML parsers: a lone CR (old Mac line ending) becomes LF. YAML counts it as a
 * line break but `yaml` does not; one character for one keeps every offset as it is in the file.
 */
export function yamlText(text: string): string {
  return text.includes('\r') ? text.replace(/\r(?!\n)/g, '\n') : text;
}

/** For front matter the model-index data sits under the `model-index` key (any case). */
function dataPathOf(block: Block, doc: ParsedBlock['doc']): Path {
  if (block.kind !== 'front-matter' || !isMap(doc.contents)) return [];
  for (const pair of doc.contents.items) {
    if (isScalar(pair.key) && canonicalKey(String(pair.key.value)) === 'model index') {
      return [String(pair.key.value)];
    }
  }
  return [];
}

/** yaml's messages end with a context excerpt after a blank line when prettified; keep line 1. */
function firstSentence(message: string): string {
  const line = message.split('\n')[0] ?? message;
  return line.replace(/ at line \d+, column \d+:?$/, '').trim();
}
