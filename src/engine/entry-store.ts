/**
 * The entries of every file linted on its own, kept column by column for the project rules.
 *
 * Kept as objects, the entries of a large zoo take much of the heap (docs/performance.md); here an
 * entry is a row in a few arrays, the strings that repeat (dataset and metric names, data paths)
 * are held once, and
 * the `Entry` a rule reads is a small view over a row. What a view hands out (a `Located` value,
 * a result) is made when asked for and dropped when the rule is done with it.
 */
import type { Located, Origin, ParsedBlock, Path } from '../types.js';
import type { Data } from '../source/to-data.js';
import type { Dialect, Entry, Fact, LocatedMap, MetricVisitor, Result } from '../model/types.js';
import type { LoadedBlock } from '../parse/load-file.js';
import { PathValue } from '../model/located.js';
import { checkDownstream, checkFact, checkResults, current, filledOrNot, keyAccess, listedKeys } from '../model/reads.js';
import { entryFlags, usualResultPath, wiredPath, wiredValue, type KeptKeys, type ThinEntry, type WireSlot, type WireValue } from './summary.js';

type Kept = KeptKeys['fields'];

/** A column of one kept key: values by row (absent: undefined) and the rare written-elsewhere paths. */
class Column {
  readonly values: (Data | undefined)[] = [];
  readonly paths = new Map<number, Path>();
}

export class EntryStore {
  /** Each entry's kind, dialect and flags, as its summary writes them (see `ThinEntry`). */
  private readonly flags: number[] = [];
  private readonly blocks: ParsedBlock[] = [];
  private readonly paths: Path[] = [];
  /** Kept facts by id: values by row. */
  private readonly facts = new Map<string, Data[]>();
  private readonly factList: Data[][] = [];
  /** The entries of each stub block. */
  private readonly byBlock = new Map<LoadedBlock, readonly Entry[]>();
  /** Kept fields and Metadata keys, one column each. */
  private readonly fieldColumns = new Map<string, Column>();
  private readonly metadataColumns = new Map<string, Column>();
  /** Results: the rows of an entry's results are `resultStart[i]` .. `resultStart[i + 1]`. */
  private readonly resultStart: number[] = [0];
  /** A result's path when it is not the usual one (`usualResultPath`, made when asked for). */
  private readonly resultPaths = new Map<number, Path>();
  private resultCount = 0;
  private readonly tasks = new Column();
  private readonly datasets = new Column();
  private readonly metricStart: number[] = [0];
  private readonly metricNames: string[] = [];
  private readonly metricValues = new Column();
  /** Strings and paths that repeat across entries, held once. */
  private readonly interned = new Map<string, string>();
  private readonly internedPaths = new Map<string, Path>();
  /** `[list, index]` paths, by list key and index. */
  private readonly listPaths = new Map<string, Path[]>();

  /** The same columns, in `keptKeys` order (the order of an entry's slots). */
  private readonly fieldList: Column[] = [];
  private readonly metadataList: Column[] = [];

  constructor(readonly kept: KeptKeys) {
    for (const k of kept.fields.keys()) { const c = new Column(); this.fieldColumns.set(k, c); this.fieldList.push(c); }
    for (const k of kept.metadata.keys()) { const c = new Column(); this.metadataColumns.set(k, c); this.metadataList.push(c); }
    for (const f of kept.facts) { const values: Data[] = []; this.facts.set(f.id, values); this.factList.push(values); }
  }

  /** Takes in the summarised entries of a stub block (see `entriesOf`). */
  addBlock(block: LoadedBlock, entries: readonly ThinEntry[]): void {
    this.byBlock.set(block, entries.map((t) => this.add(t, block.parsed)));
  }

  /** The entries of a stub block, as rules read them. */
  readonly entriesOf = (block: LoadedBlock): readonly Entry[] => this.byBlock.get(block) ?? [];

  /** Takes in one summarised entry of a block; returns the entry as rules read it. */
  private add(t: ThinEntry, block: ParsedBlock): Entry {
    const row = this.flags.length;
    const [flags, path, fields, metadata, results, facts] = t;
    this.flags.push(flags);
    this.blocks.push(block);
    this.paths.push(this.path(path));
    for (let i = 0; i < this.factList.length; i++) this.factList[i]![row] = facts[i] ?? null;
    this.fill(this.fieldList, fields, row);
    this.fill(this.metadataList, metadata, row);
    for (let i = 0; i < results.length; i++) {
      const [rpath, task, dataset, metrics] = results[i]!;
      const at = this.resultCount++;
      if (rpath !== 0) this.resultPaths.set(at, this.path(rpath));
      this.put(this.tasks, at, task === 0 ? undefined : task, true);
      this.put(this.datasets, at, dataset === 0 ? undefined : dataset, true);
      for (let m = 0; m + 1 < metrics.length; m += 2) {
        this.put(this.metricValues, this.metricNames.length, metrics[m + 1] as WireValue, false);
        this.metricNames.push(this.str(metrics[m] as string));
      }
      this.metricStart.push(this.metricNames.length);
    }
    this.resultStart.push(this.resultCount);
    return new StubEntry(this, row);
  }

  /** Slots of kept keys, in `keptKeys` order, into their columns. */
  private fill(columns: readonly Column[], slots: readonly WireSlot[], row: number): void {
    for (let i = 0; i < columns.length; i++) {
      const col = columns[i]!;
      const w = slots[i];
      if (w === undefined || w === 0) col.values[row] = undefined;
      else if (w === 1) col.values[row] = true;
      else {
        col.values[row] = wiredValue(w);
        const at = wiredPath(w);
        if (at) col.paths.set(row, this.path(at));
      }
    }
  }

  private put(col: Column, at: number, w: WireValue | undefined, intern: boolean): void {
    if (w === undefined) { col.values[at] = undefined; return; }
    const v = wiredValue(w);
    col.values[at] = intern && typeof v === 'string' ? this.str(v) : v;
    const path = wiredPath(w);
    if (path) col.paths.set(at, this.path(path));
  }

  private str(s: string): string {
    let x = this.interned.get(s);
    if (x === undefined) this.interned.set(s, (x = s));
    return x;
  }

  private path(p: Path): Path {
    // The usual entry path (`["Models", 3]`) is interned by its parts, without writing its key.
    if (p.length === 2 && typeof p[0] === 'string' && typeof p[1] === 'number') {
      let byIndex = this.listPaths.get(p[0]);
      if (!byIndex) this.listPaths.set(p[0], (byIndex = []));
      return (byIndex[p[1]] ??= [this.str(p[0]), p[1]]);
    }
    const key = JSON.stringify(p);
    let x = this.internedPaths.get(key);
    if (x === undefined) this.internedPaths.set(key, (x = p.map((e) => (typeof e === 'string' ? this.str(e) : e))));
    return x;
  }

  // Row readers, for the views below.
  kind(row: number): Entry['kind'] { return entryFlags(this.flags[row]!).kind; }
  dialect(row: number): Dialect { return entryFlags(this.flags[row]!).dialect; }
  fromMarkdown(row: number): boolean { return entryFlags(this.flags[row]!).fromMarkdown; }
  block(row: number): ParsedBlock { return this.blocks[row]!; }
  entryPath(row: number): Path { return this.paths[row]!; }

  fact<T extends Data>(row: number, fact: Fact<T>): T {
    const values = this.facts.get(fact.id);
    if (!values || (fact.kinds && !fact.kinds.includes(this.kind(row)))) {
      throw new TypeError(`fact "${fact.id}" is not kept in file summaries for a ${this.kind(row)}: name it in the project rule's meta.reads.facts`);
    }
    return values[row] as T;
  }

  column(which: 'fields' | 'metadata', key: string): Column {
    const col = (which === 'fields' ? this.fieldColumns : this.metadataColumns).get(key);
    if (!col) throw new TypeError(`"${key}" is not kept in file summaries: name it in the project rule's meta.reads`);
    return col;
  }

  /** Kept keys of an entry that hold a value, in kept order. */
  *presentKeys(which: 'fields' | 'metadata', row: number): MapIterator<string> {
    const kept = which === 'fields' ? this.kept.fields : this.kept.metadata;
    for (const [key, col] of which === 'fields' ? this.fieldColumns : this.metadataColumns) {
      if (col.values[row] !== undefined && kept.get(key) === 'value') yield key;
    }
  }

  private keptResults(): void {
    if (!this.kept.results) throw new TypeError('results are not kept in file summaries: set results in the project rule\'s meta.reads');
  }

  eachMetric(row: number, fn: MetricVisitor): void {
    this.keptResults();
    const first = this.resultStart[row]!;
    for (let r = first; r < this.resultStart[row + 1]!; r++) {
      const dataset = this.datasets.values[r];
      for (let m = this.metricStart[r]!; m < this.metricStart[r + 1]!; m++) {
        fn(r - first, dataset, this.metricNames[m]!, this.metricValues.values[m] ?? null, m - this.metricStart[r]!);
      }
    }
  }

  results(row: number): Result[] {
    this.keptResults();
    const block = this.blocks[row]!;
    const dialect = this.dialect(row);
    const pwc = dialect === 'pwc';
    const out: Result[] = [];
    const first = this.resultStart[row]!;
    for (let r = first; r < this.resultStart[row + 1]!; r++) {
      const path = this.resultPaths.get(r) ?? usualResultPath(this.paths[row]!, dialect, r - first);
      const metrics: { name: string; value: Located<Data> }[] = [];
      // Shaped as the full graph's results; paths handed out are copies (interned ones are shared).
      const result: Result = {
        origin: { block, path: [...path] },
        task: this.tasks.values[r] !== undefined ? located(this.tasks, r, block, path, pwc ? 'Task' : 'task') : undefined,
        dataset: this.datasets.values[r] !== undefined ? located(this.datasets, r, block, path, pwc ? 'Dataset' : 'dataset') : undefined,
        metrics,
      };
      for (let m = this.metricStart[r]!; m < this.metricStart[r + 1]!; m++) {
        const name = this.metricNames[m]!;
        metrics.push({ name, value: located(this.metricValues, m, block, path, pwc ? 'Metrics' : 'metrics', name) });
      }
      out.push(result);
    }
    return out;
  }
}

/** A value of a column; its origin (and path) made only when asked for (when a rule reports it). */
function located(col: Column, at: number, block: ParsedBlock, base: Path, k1: string, k2?: string): Located<Data> {
  const value = col.values[at] ?? null;
  const written = col.paths.get(at);
  return written ? { value, origin: { block, path: [...written] } } : new PathValue(value, block, base, k1, k2);
}

/** An entry as rules read it: a view over one row of the store. */
class StubEntry implements Entry {
  constructor(private readonly store: EntryStore, private readonly row: number) {}
  get kind(): Entry['kind'] { return this.store.kind(this.row); }
  get dialect(): Dialect { return this.store.dialect(this.row); }
  get fromMarkdown(): boolean { return this.store.fromMarkdown(this.row); }
  get origin(): Origin { return { block: this.store.block(this.row), path: [...this.store.entryPath(this.row)] }; }
  get fields(): LocatedMap { return new StubMap(this.store, this.row, 'fields'); }
  get metadata(): LocatedMap { return new StubMap(this.store, this.row, 'metadata'); }
  get results(): readonly Result[] { checkResults(); return this.store.results(this.row); }
  get downstream(): undefined { checkDownstream(); return undefined; }
  eachMetric(fn: MetricVisitor): void { checkResults(); this.store.eachMetric(this.row, fn); }
  fact<T extends Data>(fact: Fact<T>): T { checkFact(fact, this); return this.store.fact(this.row, fact); }
  get name(): Located<Data> | undefined {
    return this.fields.get(this.store.dialect(this.row) === 'pwc' ? 'Name' : 'name');
  }
}

/**
 * The kept values of an entry. Asking for a key the summary does not keep is a programming error
 * (a project rule reading a field it did not declare would silently see nothing); so is asking
 * for the value of a key kept as filled-or-not (`peek` gives `true` for a filled one).
 */
class StubMap implements LocatedMap {
  constructor(private readonly store: EntryStore, private readonly row: number, private readonly which: 'fields' | 'metadata') {}

  /** Where the map is written (made only when a value's place is asked for). */
  private base(): Path {
    const entry = this.store.entryPath(this.row);
    return this.which === 'fields' ? entry : [...entry, 'Metadata'];
  }

  private kept(): Kept { return this.which === 'fields' ? this.store.kept.fields : this.store.kept.metadata; }

  peek(key: string): Data | undefined {
    // The running rule's guard first: an undeclared key is its mistake, said as in the full graph.
    const how = current === undefined ? undefined : keyAccess(this.which, key, false);
    const v = this.store.column(this.which, key).values[this.row];
    return how === 'filled' ? filledOrNot(v) : v;
  }

  get(key: string): Located<Data> | undefined {
    keyAccess(this.which, key, true);
    const col = this.store.column(this.which, key);
    if (col.values[this.row] === undefined) return undefined;
    if (this.kept().get(key) === 'filled') throw new TypeError(`"${key}" is kept in file summaries as filled or not; its value is not there`);
    return located(col, this.row, this.store.block(this.row), this.base(), key);
  }

  layerPath(key: string): Path | undefined {
    keyAccess(this.which, key, true);
    const col = this.store.column(this.which, key);
    if (col.values[this.row] === undefined) return undefined;
    return col.paths.get(this.row)?.slice(0, -1) ?? [...this.base()];
  }

  has(key: string): boolean { return this.peek(key) !== undefined; }

  // Listing: the keys kept with their values that hold one (a filled-or-not key has no value to list).
  keys(): MapIterator<string> {
    const listed = listedKeys(this.which);
    if (listed) return listed.filter((k) => this.store.column(this.which, k).values[this.row] !== undefined).values();
    return this.store.presentKeys(this.which, this.row);
  }
  get size(): number { return [...this.keys()].length; }
  *entries(): MapIterator<[string, Located<Data>]> { for (const k of this.keys()) yield [k, this.get(k)!]; }
  *values(): MapIterator<Located<Data>> { for (const k of this.keys()) yield this.get(k)!; }
  forEach(fn: (value: Located<Data>, key: string, map: ReadonlyMap<string, Located<Data>>) => void): void {
    for (const [k, v] of this.entries()) fn(v, k, this);
  }
  [Symbol.iterator](): MapIterator<[string, Located<Data>]> { return this.entries(); }
}

/** Whether an entry is a view over a summary (a file linted on its own). */
export function isStubEntry(e: Entry): boolean {
  return e instanceof StubEntry;
}
