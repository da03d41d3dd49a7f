/**
 * What a file linted on its own leaves for the rest of the run: its diagnostics (already
 * rendered) and a summary of its entries that holds just what the enabled project rules declare
 * they read (`meta.reads`), each value with the data path it was written at. A summary is plain
 * data: it crosses worker threads and is what `--cache` stores. On the main thread it becomes a
 * stub file (its text read again only if a project rule reports in it) and `Entry` objects that
 * the project rules read like any other.
 */
import { readGuarded, type ReadGuard } from '../io/read-guard.js';
import { sameLength } from '../source/source-file.js';
import { isMainThread } from 'node:worker_threads';
import type { BlockKind, Diagnostic, Located, Path, SourceFile } from '../types.js';
import type { FileFormat } from '../extract/extract.js';
import type { Data } from '../source/to-data.js';
import type { Role } from '../schema/roles.js';
import type { Entry, Fact, LocatedMap, ModelIndex } from '../model/types.js';
import type { EffectiveConfig } from '../config/types.js';
import type { LoadedBlock, LoadedFile } from '../parse/load-file.js';
import { rulesByScope } from '../rules/index.js';
import { readsOf } from '../rules/define-rule.js';
import { activeRules } from '../lint/run-rules.js';
import { makeBlock } from '../extract/markdown.js';
import { lazyParsedBlock } from '../parse/fast-block.js';
import { sha1 } from '../io/digest.js';
import { LineIndex } from '../source/line-index.js';
import { isWrittenAt } from '../model/located.js';
import { keep, type Keep } from '../model/reads.js';
import type { EntryStore } from './entry-store.js';

/**
 * A value and the data path it was written at, inside its block; the path is left out when it is
 * where the format puts that value (`[...entry, 'Weights']`), which keeps summaries small. Such a
 * value is written alone when it is a string, a boolean, null or a number other than 0 and 1 (those
 * mark absent and filled slots); else as `[value]`, and with its path as `[value, path]`. Most
 * values are strings: half the arrays of a summary were these wrappers.
 */
export type WireValue = Data | readonly [value: Data, path?: Path];

/** A value as it is written in a summary (see `WireValue`). */
export function wire(value: Data, path?: Path): WireValue {
  if (path !== undefined) return [value, path];
  return value === null || typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && value !== 0 && value !== 1)
    ? value : [value];
}

/** The value of a `WireValue`. */
export function wiredValue(w: WireValue): Data {
  return Array.isArray(w) ? (w as readonly unknown[])[0] as Data : w as Data;
}

/** The path a `WireValue` names (undefined: the usual one). */
export function wiredPath(w: WireValue): Path | undefined {
  return Array.isArray(w) ? (w as readonly unknown[])[1] as Path | undefined : undefined;
}

/** A kept key of an entry: absent (0), filled (1: a key kept as filled-or-not), or its value. */
export type WireSlot = 0 | 1 | WireValue;

/**
 * A result: its path (0 when it is the usual `[...entry, 'Results', i]`), its task and dataset (0
 * when absent), and its metrics as name, value, name, value...
 */
export type ThinResult = readonly [path: Path | 0, task: WireValue | 0, dataset: WireValue | 0, metrics: readonly (string | WireValue)[]];

/**
 * An entry as the project rules need it. Summaries cross threads and fill the cache as JSON, and
 * key names were half of their text: an entry is an array. `flags` holds the kind (0 model, 1
 * collection, 2 library), +4 when the entry is written in Markdown, +8 for the Hugging Face
 * dialect. `fields`, `metadata` and `facts` hold one slot per kept key or fact, in `KeptKeys`
 * order; `results` is empty when no rule reads results.
 */
export type ThinEntry = readonly [flags: number, path: Path, fields: readonly WireSlot[], metadata: readonly WireSlot[], results: readonly ThinResult[], facts: readonly Data[]];

const KINDS: readonly Entry['kind'][] = ['model', 'collection', 'library'];

/** An entry's kind, dialect and Markdown flag from its `flags`. */
export function entryFlags(flags: number): EntryFlags {
  return FLAGS[flags & 15]!;
}

interface EntryFlags { readonly kind: Entry['kind']; readonly dialect: Entry['dialect']; readonly fromMarkdown: boolean }

/** Every combination, made once (the store reads flags on every look at an entry). */
const FLAGS: readonly EntryFlags[] = Array.from({ length: 16 }, (_, f) => ({
  kind: KINDS[f & 3] ?? 'model', dialect: f & 8 ? 'huggingface' : 'pwc', fromMarkdown: (f & 4) !== 0,
}));

export interface SummaryBlock {
  readonly kind: BlockKind;
  readonly offset: number;
  readonly length: number;
  readonly index: number;
  readonly dataPath: Path;
  readonly broken: boolean;
  /** YAML files: the roles this block reads the same in as at the root (others need the full file). */
  readonly roles?: readonly Role[];
  /** Its entries, in the order the index lists them (emptied once they are in an `EntryStore`). */
  entries: readonly ThinEntry[];
}

/** A file linted on its own. */
export interface FileSummary {
  readonly path: string;
  readonly format: FileFormat;
  /** sha1 of the file's bytes ('' when they could not be read). */
  readonly digest: string;
  readonly bom: boolean;
  /** Length of the text (without BOM). */
  readonly length: number;
  readonly unreadable: boolean;
  /** The file has an unterminated comment or front matter (it is listed even without blocks). */
  readonly unterminated: boolean;
  readonly blocks: readonly SummaryBlock[];
  /** Everything the per-file stages and rules found, rendered. */
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * What a summary keeps of each entry: the union of what the enabled project rules read
 * (`meta.reads`), and the name. A `value` key keeps its value; a `filled` key (one that rules only
 * check for a value) keeps whether it holds one, which `peek` gives as `true`.
 */
export interface KeptKeys {
  readonly fields: ReadonlyMap<string, 'value' | 'filled'>;
  readonly metadata: ReadonlyMap<string, 'value' | 'filled'>;
  readonly results: boolean;
  readonly facts: readonly Fact[];
}

export function keptKeys(config: EffectiveConfig): KeptKeys {
  const fields = new Map<string, Keep>();
  const metadata = new Map<string, Keep>();
  const facts = new Map<string, Fact>();
  let results = false;
  for (const [rule, options, guard] of activeRules(rulesByScope().project, config)) {
    if (!guard) continue;
    for (const [k, how] of guard.fields) keep(fields, k, how);
    for (const [k, how] of guard.metadata) keep(metadata, k, how);
    results ||= guard.results;
    for (const fact of readsOf(rule, options).facts ?? []) facts.set(fact.id, fact);
  }
  keep(fields, 'Name', 'value');
  keep(fields, 'name', 'value');
  return { fields, metadata, results, facts: [...facts.values()] };
}

/** What `model/required-fields` counts as present. */
const filled = (v: Data | undefined): boolean => v !== undefined && v !== null && v !== '';


// ---------------------------------------------------------------------------------------------
// Writing a summary (where the file was linted)

/** The thin entries of one linted file, by block index. */
export function thinEntries(index: ModelIndex, kept: KeptKeys): Map<number, ThinEntry[]> {
  const byBlock = new Map<number, ThinEntry[]>();
  for (const e of [...index.models, ...index.collections, ...index.libraries]) {
    const i = e.origin.block.block.index;
    let list = byBlock.get(i);
    if (!list) byBlock.set(i, (list = []));
    list.push(thin(e, kept));
  }
  return byBlock;
}

/** A kept-keys map as an array (iterating a Map makes an entry array per key). */
const keyLists = new WeakMap<ReadonlyMap<string, 'value' | 'filled'>, readonly (readonly [string, 'value' | 'filled'])[]>();

function keyList(keys: ReadonlyMap<string, 'value' | 'filled'>): readonly (readonly [string, 'value' | 'filled'])[] {
  let list = keyLists.get(keys);
  if (!list) keyLists.set(keys, (list = [...keys]));
  return list;
}

/** The kept keys of one map of an entry, in `keys` order. */
function pick(map: LocatedMap, keys: readonly (readonly [string, 'value' | 'filled'])[], base: Path, baseKey?: string): WireSlot[] {
  const out: WireSlot[] = [];
  for (let i = 0; i < keys.length; i++) {
    const [k, how] = keys[i]!;
    const v = map.peek(k);
    if (how === 'filled') { out.push(filled(v) ? 1 : 0); continue; }
    if (v === undefined) { out.push(0); continue; }
    const at = map.layerPath(k)!;
    out.push(isBase(at, base, baseKey) ? wire(own(v)) : wire(own(v), [...at, k]));
  }
  return out;
}

/** Whether `at` is `base`, or `[...base, baseKey]` when `baseKey` is given. */
function isBase(at: Path, base: Path, baseKey: string | undefined): boolean {
  const n = base.length;
  if (at.length !== (baseKey === undefined ? n : n + 1)) return false;
  for (let i = 0; i < n; i++) if (at[i] !== base[i]) return false;
  return baseKey === undefined || at[n] === baseKey;
}

/** Keys of results in each dialect: the list, task, dataset and metrics. */
const PWC_RESULT_KEYS = ['Results', 'Task', 'Dataset', 'Metrics'] as const;
const HF_RESULT_KEYS = ['results', 'task', 'dataset', 'metrics'] as const;

/** The usual path of the `i`th result of an entry at `entry`: `[...entry, 'Results', i]`. */
export function usualResultPath(entry: Path, dialect: Entry['dialect'], i: number): Path {
  return [...entry, dialect === 'pwc' ? PWC_RESULT_KEYS[0] : HF_RESULT_KEYS[0], i];
}

function thin(e: Entry, kept: KeptKeys): ThinEntry {
  const pwc = e.dialect === 'pwc';
  const [list, task, dataset, metrics] = pwc ? PWC_RESULT_KEYS : HF_RESULT_KEYS;
  const entryPath = e.origin.path;
  const results: ThinResult[] = [];
  if (kept.results) e.results.forEach((r, i) => {
    const base = r.origin.path;
    const ms: (string | WireValue)[] = [];
    for (const m of r.metrics) ms.push(m.name, pack(m.value, base, metrics, m.name));
    const n = entryPath.length;
    let usual = base.length === n + 2 && base[n] === list && base[n + 1] === i;
    for (let j = 0; usual && j < n; j++) if (base[j] !== entryPath[j]) usual = false;
    results.push([usual ? 0 : base, r.task ? pack(r.task, base, task) : 0, r.dataset ? pack(r.dataset, base, dataset) : 0, ms]);
  });
  const flags = KINDS.indexOf(e.kind) + (e.fromMarkdown ? 4 : 0) + (pwc ? 0 : 8);
  const fields = pick(e.fields, keyList(kept.fields), entryPath);
  const metadata = pick(e.metadata, keyList(kept.metadata), entryPath, 'Metadata');
  return [flags, entryPath, fields, metadata, results, kept.facts.map((f) => (f.kinds && !f.kinds.includes(e.kind) ? null : own(e.fact(f))))];
}

/** The value, with its path only when that is not `[...base, key, name]` (`name` optional). */
function pack(l: Located<Data>, base: Path, key: string, name?: string): WireValue {
  return isWrittenAt(l, base, key, name) ? wire(own(l.value)) : wire(own(l.value), l.origin.path);
}

/**
 * A value whose strings do not keep the file's text alive. V8 makes a substring of 13 characters
 * or more a view of the string it was cut from: a Weights URL read from a page would hold the whole
 * page in memory for the rest of the run (when the file is linted on the main thread; a worker's
 * outcome is copied as it is handed over, so there nothing is done). Slicing a new, flat string of
 * the value makes a view of that instead.
 */
function own(v: Data): Data {
  if (!isMainThread) return v;
  if (typeof v === 'string') return v.length < 13 ? v : `${v} `.slice(0, -1);
  if (Array.isArray(v)) return v.map(own);
  if (v !== null && typeof v === 'object') {
    const out = (Object.getPrototypeOf(v) === null ? Object.create(null) : {}) as Record<string, Data>;
    for (const k of Object.keys(v)) out[k] = own(v[k]!);
    return out;
  }
  return v;
}

// ---------------------------------------------------------------------------------------------
// A summary as text (what `--cache` stores, and what a worker hands over for it)

/** A block as text: `[kind, offset, length, index, dataPath, broken, entries, roles?]`. */
type BlockText = readonly [BlockKind, number, number, number, Path, boolean, readonly ThinEntry[], (readonly Role[])?];

/**
 * A summary as JSON text, without its path and digest (a cache line holds those already): a
 * list, not an object, so that the text has no key names (smaller cache, lower peak memory; see
 * docs/performance.md).
 */
export function summaryToText(s: FileSummary): string {
  const blocks = s.blocks.map((b): BlockText => (b.roles
    ? [b.kind, b.offset, b.length, b.index, b.dataPath, b.broken, b.entries, b.roles]
    : [b.kind, b.offset, b.length, b.index, b.dataPath, b.broken, b.entries]));
  return JSON.stringify([s.format, s.bom, s.length, s.unreadable, s.unterminated, s.diagnostics, blocks]);
}

/** The summary of the file at `path` whose bytes have `digest`, from `summaryToText`'s text; throws on other text. */
export function summaryFromText(path: string, digest: string, text: string): FileSummary {
  // Read by index, not destructured: destructuring a list goes through its iterator, which costs
  // before the code is optimised, and a run reads each file's summary once.
  const t = JSON.parse(text) as [FileFormat, boolean, number, boolean, boolean, Diagnostic[], BlockText[]];
  const blocks: SummaryBlock[] = [];
  for (const b of t[6]) {
    blocks.push(b[7]
      ? { kind: b[0], offset: b[1], length: b[2], index: b[3], dataPath: b[4], broken: b[5], roles: b[7], entries: b[6] }
      : { kind: b[0], offset: b[1], length: b[2], index: b[3], dataPath: b[4], broken: b[5], entries: b[6] });
  }
  return { path, format: t[0], digest, bom: t[1], length: t[2], unreadable: t[3], unterminated: t[4], diagnostics: t[5], blocks };
}

// ---------------------------------------------------------------------------------------------
// Reading a summary back (on the main thread)

/**
 * A file known by its summary: text read again (and checked) only when something needs it. Its
 * entries go into `store` at once, and the summary lets go of them.
 */
export function stubFile(s: FileSummary, store: EntryStore, guard: ReadGuard): LoadedFile {
  const source = summarySource(s, guard);
  const blocks = s.blocks.map((b): LoadedBlock => {
    // Hints serve per-file rules only, and every block of a file linted on its own is typed.
    const parsed = lazyParsedBlock(makeBlock(source, b.kind, b.offset, b.length, b.index), b.dataPath);
    const block: LoadedBlock = {
      parsed, data: null, broken: b.broken, typed: true, reports: [],
      ...(b.roles ? { accepts: new Set(b.roles) } : {}),
    };
    store.addBlock(block, b.entries);
    b.entries = [];
    return block;
  });
  return { path: s.path, format: s.format, source, blocks, reports: [], unreadable: s.unreadable, linted: s };
}

function summarySource(s: FileSummary, guard: ReadGuard): SourceFile {
  return new SummarySource(s.path, s.bom, s.length, s.digest, s.unreadable, guard);
}

/** The text of a summarised file, read again when asked for (a class: one per file of a run). */
class SummarySource implements SourceFile {
  readonly mayHaveDirectives = false;
  private held: string | undefined;
  private index: LineIndex | undefined;
  changed = false;

  constructor(
    readonly path: string, readonly bom: boolean, readonly length: number, private readonly digest: string,
    private readonly unreadable: boolean, private readonly guard: ReadGuard,
  ) {}

  get text(): string {
    if (this.held !== undefined) return this.held;
    if (this.unreadable) return (this.held = '');
    let bytes: Uint8Array;
    try { bytes = readGuarded(this.path, this.guard).bytes; } catch { bytes = new Uint8Array(); }
    const raw = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    const text = this.bom ? raw.slice(1) : raw;
    // The file must be the one summarised: an edited file would shift every position, so it is
    // marked (its findings are replaced by one saying so) and keeps its length.
    if (this.digest === '' || sha1(bytes) !== this.digest) {
      this.changed = true;
      return (this.held = sameLength(text, this.length));
    }
    return (this.held = text);
  }

  get lines(): LineIndex { return (this.index ??= new LineIndex(this.text)); }

  release(): void { this.held = undefined; }
}
