/**
 * The resolved index: every model, collection and library of a run, with each value kept next
 * to the place it was written (`Located`). Values that came in through a file reference keep the
 * origin of that file, so their diagnostics point there.
 */
import type { Located, Origin, Path } from '../types.js';
import type { Data } from '../source/to-data.js';

export type Dialect = 'pwc' | 'huggingface';

export interface Result {
  readonly origin: Origin;
  readonly task?: Located<Data>;
  readonly dataset?: Located<Data>;
  /** Metrics in the order written; `name` is the metric key (or `type` in the HF dialect). */
  readonly metrics: readonly { readonly name: string; readonly value: Located<Data> }[];
}

/**
 * Located values by key, with an allocation-free look at a value. An entry of a file linted on
 * its own (docs/architecture.md, the seam) holds only the keys the project rules declare in
 * `meta.reads`: it lists those, and reading another throws.
 */
export interface LocatedMap extends ReadonlyMap<string, Located<Data>> {
  /** The value of a key, without its origin (cheap; `get` when a report needs the place). */
  peek(key: string): Data | undefined;
  /** The path of the mapping the key's value is read from (its value is at `[...layerPath, key]`). */
  layerPath(key: string): Path | undefined;
}

/** A model, collection or library: all share this shape. */
export interface Entry {
  readonly kind: 'model' | 'collection' | 'library';
  readonly dialect: Dialect;
  readonly origin: Origin;
  readonly name?: Located<Data>;
  /** Top-level fields by display key (Metadata and Results are unfolded below). */
  readonly fields: LocatedMap;
  /** Metadata fields by display key, merged from lists and referenced files (later wins). */
  readonly metadata: LocatedMap;
  readonly results: readonly Result[];
  /** The entry came from a Markdown comment: its README is that page (as the reference reads it). */
  readonly fromMarkdown: boolean;
  /**
   * A model's OpenMMLab `Downstream` entries (evaluations of a pre-trained model), shaped like
   * models: their Metadata and Results are checked like a model's, but they are not models of the
   * index (no name to be unique, no pooling with the index's results).
   */
  readonly downstream?: readonly Entry[];
  /** Each metric of each result as plain values, in order: what `results` holds, without its objects. */
  eachMetric(fn: MetricVisitor): void;
  /** A fact derived from the whole entry (see `defineFact`); a project rule names it in `meta.reads`. */
  fact<T extends Data>(fact: Fact<T>): T;
}

/**
 * Something a project rule needs to know of an entry that its declared fields do not give (its whole
 * content, say): worked out from the full entry, where its file is linted, and kept in its summary.
 */
export interface Fact<T extends Data = Data> {
  /** Unique among facts: `<rule family>/<name>`. */
  readonly id: string;
  readonly derive: (entry: Entry) => T;
  /** The kinds of entry it is asked of (all when absent); summaries keep it for those only. */
  readonly kinds?: readonly Entry['kind'][];
}

/** A metric's value with its result's index and dataset value, and its own index in the result. */
export type MetricVisitor = (result: number, dataset: Data | undefined, name: string, value: Data, metric: number) => void;

export interface ModelIndex {
  readonly models: readonly Entry[];
  readonly collections: readonly Entry[];
  readonly libraries: readonly Entry[];
  /**
   * False when some block could not be read (syntax error, missing file): cross-file rules that
   * would report something missing stay quiet, since the missing thing may be in that block.
   */
  readonly complete: boolean;
  /**
   * The text of each broken block (a YAML syntax error, say) of this index: a name that occurs in
   * one may be defined there, so rules that report a missing name stay quiet about it alone.
   */
  readonly broken?: readonly string[];
  /** Files this index imports that do not exist (`Import:` targets and the like): named in messages. */
  readonly missing?: readonly string[];
  /** Project root: root-relative paths (README, Config, Image) resolve against it. */
  readonly rootDir: string;
}

/**
 * What a project rule reads of an entry besides its kind, dialect, origin and name (always there).
 * While it runs it sees just that, in either engine (model/reads.ts); files linted on their own
 * keep, of each entry, the union of what the enabled project rules declare.
 */
export interface Reads {
  /** Top-level fields whose values the rule reads. */
  readonly fields?: readonly string[];
  /** Metadata keys whose values it reads. */
  readonly metadata?: readonly string[];
  /** Fields (`X`) and Metadata keys (`Metadata.X`) it only checks for a value: `peek` gives `true` for a filled one. */
  readonly filled?: readonly string[];
  /** Results: tasks, datasets and metric values. */
  readonly results?: boolean;
  /** Facts of the whole entry (`defineFact`), worked out where its file is linted. */
  readonly facts?: readonly Fact[];
}
