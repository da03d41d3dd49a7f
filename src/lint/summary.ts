/**
 * What a file linted on its own leaves for the rest of the run: its diagnostics (already
 * rendered) and a summary of its entries that holds just what the project rules compare across
 * files (names, collection references, weights, file references, metric values, each with the
 * data path it was written at). A summary is plain data: it crosses worker threads and is what
 * `--cache` stores. On the main thread it becomes a stub file (its text read again only if a
 * project rule reports in it) and `Entry` objects that the project rules read like any other.
 */
import { readFileSync } from 'node:fs';
import type { BlockKind, Diagnostic, Located, Path, SourceFile } from '../types.js';
import type { FileFormat } from '../extract/extract.js';
import type { Data } from '../source/to-data.js';
import type { Role } from '../schema/roles.js';
import type { Entry, LocatedMap, ModelIndex } from '../model/types.js';
import type { EffectiveConfig } from '../config/types.js';
import type { LoadedBlock, LoadedFile } from '../resolve/load-file.js';
import { makeBlock } from '../extract/markdown.js';
import { lazyParsedBlock } from '../parse/fast-block.js';
import { InputError } from '../errors.js';
import { sha1 } from '../io/digest.js';
import { LineIndex } from '../source/line-index.js';
import { contentKey } from '../rules/helpers/entries.js';
import { isWrittenAt } from '../model/located.js';
import type { EntryStore } from './entry-store.js';

/**
 * A value and the data path it was written at, inside its block; the path is left out when it is
 * where the format puts that value (`[...entry, 'Weights']`), which keeps summaries small.
 */
export type WireValue = readonly [value: Data, path?: Path];

export interface ThinResult {
  readonly path: Path;
  readonly task?: WireValue;
  readonly dataset?: WireValue;
  /** Metric name and value. */
  readonly metrics: readonly (readonly [name: string, value: WireValue])[];
}

/** An entry as the project rules need it. */
export interface ThinEntry {
  readonly kind: Entry['kind'];
  readonly dialect: Entry['dialect'];
  readonly path: Path;
  /** The kept fields (see `keptKeys`); a kept field the entry lacks is absent. */
  readonly fields: Readonly<Record<string, WireValue>>;
  readonly metadata: Readonly<Record<string, WireValue>>;
  readonly results: readonly ThinResult[];
  readonly fromMarkdown: boolean;
  /** Collections: their whole content, as `collection/duplicate` compares it. */
  readonly contentKey?: string;
}

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
 * The fields and Metadata keys a summary keeps: what the project rules read. A `value` key keeps
 * its value; a `filled` key (one that `model/required-fields` asks for, nothing else reads) keeps
 * only whether it holds something, which `peek` gives as `true`.
 */
export interface KeptKeys {
  readonly fields: ReadonlyMap<string, 'value' | 'filled'>;
  readonly metadata: ReadonlyMap<string, 'value' | 'filled'>;
}

const PROJECT_FIELDS = ['Name', 'name', 'In Collection', 'Weights', 'README', 'Image', 'Config'];

export function keptKeys(config: EffectiveConfig): KeptKeys {
  const required = (config.rules.get('model/required-fields')?.options as { fields?: string[] } | undefined)?.fields ?? [];
  const fields = new Map<string, 'value' | 'filled'>(required.filter((f) => !f.startsWith('Metadata.')).map((f) => [f, 'filled']));
  for (const f of PROJECT_FIELDS) fields.set(f, 'value');
  return { fields, metadata: new Map(required.filter((f) => f.startsWith('Metadata.')).map((f) => [f.slice(9), 'filled'])) };
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

/** The kept keys of one map of an entry. */
function pick(map: LocatedMap, keys: readonly (readonly [string, 'value' | 'filled'])[], base: Path, baseKey?: string): Record<string, WireValue> {
  const out: Record<string, WireValue> = {};
  for (let i = 0; i < keys.length; i++) {
    const [k, how] = keys[i]!;
    const v = map.peek(k);
    if (how === 'filled') { if (filled(v)) out[k] = [true]; continue; }
    if (v === undefined) continue;
    const at = map.layerPath(k)!;
    out[k] = isBase(at, base, baseKey) ? [v] : [v, [...at, k]];
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

const PWC_RESULT_KEYS = ['Task', 'Dataset', 'Metrics'] as const;
const HF_RESULT_KEYS = ['task', 'dataset', 'metrics'] as const;

function thin(e: Entry, kept: KeptKeys): ThinEntry {
  const [task, dataset, metrics] = e.dialect === 'pwc' ? PWC_RESULT_KEYS : HF_RESULT_KEYS;
  const results: ThinResult[] = [];
  for (const r of e.results) {
    const base = r.origin.path;
    const ms: (readonly [string, WireValue])[] = [];
    for (const m of r.metrics) ms.push([m.name, pack(m.value, base, metrics, m.name)]);
    results.push({
      path: base,
      ...(r.task ? { task: pack(r.task, base, task) } : {}),
      ...(r.dataset ? { dataset: pack(r.dataset, base, dataset) } : {}),
      metrics: ms,
    });
  }
  return {
    kind: e.kind, dialect: e.dialect, path: e.origin.path, fromMarkdown: e.fromMarkdown,
    fields: pick(e.fields, keyList(kept.fields), e.origin.path),
    metadata: pick(e.metadata, keyList(kept.metadata), e.origin.path, 'Metadata'),
    results,
    ...(e.kind === 'collection' ? { contentKey: contentKey(e) } : {}),
  };
}

/** The value, with its path only when that is not `[...base, key, name]` (`name` optional). */
function pack(l: Located<Data>, base: Path, key: string, name?: string): WireValue {
  return isWrittenAt(l, base, key, name) ? [l.value] : [l.value, l.origin.path];
}

// ---------------------------------------------------------------------------------------------
// Reading a summary back (on the main thread)

/**
 * A file known by its summary: text read again (and checked) only when something needs it. Its
 * entries go into `store` at once, and the summary lets go of them.
 */
export function stubFile(s: FileSummary, store: EntryStore): LoadedFile {
  const source = summarySource(s);
  const blocks = s.blocks.map((b): LoadedBlock => {
    // Hints serve per-file rules only, and every block of a file linted on its own is typed.
    const parsed = lazyParsedBlock(makeBlock(source, b.kind, b.offset, b.length, b.index), b.dataPath);
    const entries = b.entries.map((t) => store.add(t, parsed));
    b.entries = [];
    return {
      parsed, data: null, broken: b.broken, typed: true, reports: [], entries,
      ...(b.roles ? { accepts: new Set(b.roles) } : {}),
    };
  });
  return { path: s.path, format: s.format, source, blocks, reports: [], unreadable: s.unreadable, summary: s };
}

function summarySource(s: FileSummary): SourceFile {
  return new SummarySource(s.path, s.bom, s.length, s.digest, s.unreadable);
}

/** The text of a summarised file, read again when asked for (a class: one per file of a run). */
class SummarySource implements SourceFile {
  readonly mayHaveDirectives = false;
  private held: string | undefined;
  private index: LineIndex | undefined;

  constructor(readonly path: string, readonly bom: boolean, readonly length: number, private readonly digest: string, private readonly unreadable: boolean) {}

  get text(): string {
    if (this.held !== undefined) return this.held;
    if (this.unreadable) return (this.held = '');
    let bytes: Uint8Array;
    try { bytes = readFileSync(this.path); } catch { bytes = new Uint8Array(); }
    // The file must be the one summarised: an edited file would shift every position.
    if (this.digest === '' || sha1(bytes) !== this.digest) throw new InputError(`${this.path} changed on disk while milint was checking it; run milint again.`);
    const raw = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    return (this.held = this.bom ? raw.slice(1) : raw);
  }

  get lines(): LineIndex { return (this.index ??= new LineIndex(this.text)); }

  release(): void { this.held = undefined; }
}
