/**
 * Core types shared by every stage of the pipeline:
 * discover → extract → parse → resolve → validate → normalize → rules → collect → format.
 */
import type { Document, Node as YamlNode } from 'yaml';

export type Severity = 'error' | 'warning' | 'info';

/**
 * Rule families; an id is `family/name` in kebab-case and never changes once released. `custom`:
 * a project's own rules (the API's `ruleModules`).
 */
export type RuleFamily =
  | 'file' | 'yaml' | 'schema' | 'import' | 'collection' | 'model' | 'metadata' | 'weights' | 'results' | 'url' | 'custom';
export type RuleId = `${RuleFamily}/${string}`;

/** A path into the data of a block, as in zod's `issue.path` (symbols removed). */
export type Path = readonly (string | number)[];

/** Offsets into `SourceFile.text`, `end` exclusive. */
export interface Span { readonly start: number; readonly end: number }

/** 1-based line and column; columns count UTF-16 code units, as editors do. */
export interface Position { readonly line: number; readonly column: number }

/** A file read from disk (or given as a string), decoded to text. */
export interface SourceFile {
  /** Absolute path. */
  readonly path: string;
  /** Text without a leading BOM; offsets everywhere refer to this string. */
  readonly text: string;
  /** `text.length`, known without the text (a clean file's text may be released and re-read). */
  readonly length: number;
  /** Whether the text mentions `milint-` (an inline directive may be there). */
  readonly mayHaveDirectives: boolean;
  /** Releases the text of a file read from disk; it is read again if a position is needed. */
  release?(): void;
  /**
   * True once a text read again (after `release`) was found to differ from the one checked: the
   * file changed on disk during the run. `text` then keeps the checked length, so that no span falls
   * outside it, and the file's findings are replaced by one saying so (see `collect`).
   */
  readonly changed?: boolean;
  /** Whether the bytes started with a UTF-8 BOM (kept so that a writer can restore it). */
  readonly bom: boolean;
  readonly lines: Lines;
}

/** Offsets to 1-based positions and back, for one text (implemented by source/line-index.ts). */
export interface Lines {
  /** Offset of the first character of each line, ascending; `starts[0]` is 0. */
  readonly starts: readonly number[];
  readonly length: number;
  readonly lineCount: number;
  position(offset: number): Position;
  offset(pos: Position): number;
  lineSpan(line: number, text: string): { start: number; end: number };
}

/** How a block was found in its file. */
export type BlockKind = 'comment' | 'front-matter' | 'yaml-file';

/** One YAML text embedded in a file, with the offset of its first character in that file. */
export interface Block {
  readonly file: SourceFile;
  readonly kind: BlockKind;
  /** Offset of `text[0]` in `file.text`. */
  readonly offset: number;
  /** The YAML text: `file.text` from `offset`, `length` characters. */
  readonly text: string;
  readonly length: number;
  /** 0-based index of this block among the blocks of its file. */
  readonly index: number;
}

/**
 * What a cheap look at a block found, so that rules which walk the YAML nodes can skip blocks
 * where there is nothing for them (set by the fast path; absent after a full parse). What each
 * one tests is written once, in parse/hints.ts and parse/yaml11.ts, for the loader and the rule.
 */
export interface BlockHints {
  /** A known key written in another spelling (`crop_pct`). */
  readonly variantKeys: boolean;
  /** An empty string, or an empty Models/Collections/Import/Results/Metrics. */
  readonly emptyValues: boolean;
  /** A string with leading or trailing spaces. */
  readonly padded: boolean;
  /** A plain scalar that YAML 1.1 readers may read differently. */
  readonly yaml11: boolean;
}

/** A block parsed by `yaml` with node ranges kept. */
export interface ParsedBlock {
  readonly block: Block;
  /** The full `yaml` Document; on the fast path it is built on first use. */
  readonly doc: Document.Parsed;
  readonly hints?: BlockHints;
  /**
   * Path from the document root to the model-index data: `[]` for comments and files,
   * `['model-index']` (the key as written) for front matter.
   */
  readonly dataPath: Path;
}

/** "Where in the data": a block plus a path inside its data (relative to `dataPath`). */
export interface Origin {
  readonly block: ParsedBlock;
  readonly path: Path;
}

/** A value together with the place it was written. */
export interface Located<T> {
  readonly value: T;
  readonly origin: Origin;
}

/** A text edit on the original file: replace `text[span.start, span.end)` with `text`. */
export interface Fix { readonly span: Span; readonly text: string }

/** An edit offered to the user but never applied by `--fix`: more than one answer is possible. */
export interface Suggestion { readonly desc: string; readonly fix: Fix }

/** A problem found in a file, with its position already computed. */
export interface Diagnostic {
  readonly ruleId: RuleId;
  readonly messageId: string;
  readonly severity: Severity;
  readonly message: string;
  readonly data: Readonly<Record<string, string | number>>;
  /** Absolute path of the file the problem is in. */
  readonly file: string;
  readonly span: Span;
  readonly start: Position;
  readonly end: Position;
  readonly path: Path;
  readonly docsUrl: string;
  readonly fix?: Fix;
  readonly suggestions?: readonly Suggestion[];
}

/** Every diagnostic of one file. */
export interface FileResult {
  readonly file: string;
  readonly diagnostics: readonly Diagnostic[];
  /** The source text (for code frames); absent when the file could not be read as text. */
  readonly source?: string;
}

/** A YAML node as the `yaml` package types it. */
export type Node = YamlNode;
