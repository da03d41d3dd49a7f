/**
 * The resolved index as one plain document, for downstream tools (a docs site, a leaderboard):
 * `{ collections, models, library }`, imports followed, each model merged with its collection the
 * way the reference library builds "full models", values normalised, and the source `file:line` of
 * every entry. Pure: positions come from the index's own line indexes.
 */
import { relative } from 'node:path';
import type { Data } from '../source/to-data.js';
import type { Entry, ModelIndex, Result } from './types.js';
import { locate } from '../source/locate.js';
import { parsePercent } from '../core/numbers.js';
import { isMapping } from '../schema/roles.js';

export interface ExportedMetric {
  readonly name: string;
  /** The value as written (a number, or a string such as `79.04%`). */
  readonly value: unknown;
  /** The number it stands for (`79.04` for `79.04%`), when it is one. */
  readonly number?: number;
}

export interface ExportedResult {
  readonly task: unknown;
  readonly dataset: unknown;
  readonly metrics: readonly ExportedMetric[];
}

/** A model, collection or library: its fields, plus `name` and `source` (`path:line`, relative). */
export type ExportedEntry = { name: unknown; source: string } & Record<string, unknown>;

export interface ExportedIndex {
  readonly collections: readonly ExportedEntry[];
  readonly models: readonly ExportedEntry[];
  readonly library: ExportedEntry | null;
}

/** Plain JSON data: null-prototype objects become ordinary ones, numeric strings stay strings. */
function plain(v: Data | undefined): unknown {
  if (Array.isArray(v)) return v.map(plain);
  if (isMapping(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x)]));
  return v ?? null;
}

/** A count written as a numeric string becomes a number; anything else stays as written. */
function number(v: unknown): unknown {
  return typeof v === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(v) ? Number(v) : v;
}

/** Task and Dataset may be `{Name: ...}` (or HF `{name, type}`): the name. */
function nameOf(v: unknown): unknown {
  if (isMapping(v as Data)) {
    const m = v as Record<string, unknown>;
    return m.Name ?? m.name ?? m.type ?? v;
  }
  return v;
}

function results(rs: readonly Result[]): ExportedResult[] {
  return rs.map((r) => ({
    task: nameOf(plain(r.task?.value)),
    dataset: nameOf(plain(r.dataset?.value)),
    metrics: r.metrics.map((m) => {
      const value = plain(m.value.value);
      const n = typeof value === 'number' ? value : parsePercent(value);
      return { name: m.name, value, ...(n !== undefined ? { number: n } : {}) };
    }),
  }));
}

const COUNTS = new Set(['FLOPs', 'Parameters', 'File Size', 'Epochs', 'Batch Size', 'Image Size']);

function metadataOf(e: Entry): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of e.metadata.keys()) {
    const v = plain(e.metadata.peek(k));
    out[k] = COUNTS.has(k) || k === 'Crop Pct' ? number(v) : v;
  }
  return out;
}

function base(e: Entry, cwd: string): ExportedEntry {
  const file = e.origin.block.block.file;
  const line = file.lines.position(locate(e.origin).span.start).line;
  const out: ExportedEntry = { name: plain(e.name?.value), source: `${relative(cwd, file.path) || file.path}:${line}` };
  for (const k of e.fields.keys()) if (k !== 'Name' && k !== 'name') out[k] = plain(e.fields.peek(k));
  return out;
}

/**
 * A "full model": the collection's fields, then the model's (which win); Metadata scalars of the
 * model overwrite the collection's, Metadata lists are concatenated (collection first), and the
 * collection's Results come before the model's.
 */
function fullModel(m: Entry, coll: Entry | undefined, cwd: string): ExportedEntry {
  const own = base(m, cwd);
  const metadata = metadataOf(m);
  if (!coll) return { ...own, Metadata: metadata, Results: results(m.results) };
  const { name: _name, source: _source, ...inherited } = base(coll, cwd);
  const merged: Record<string, unknown> = { ...metadataOf(coll) };
  for (const [k, v] of Object.entries(metadata)) {
    const prev = merged[k];
    merged[k] = Array.isArray(prev) && Array.isArray(v) ? [...prev, ...v] : v;
  }
  return { ...inherited, ...own, Metadata: merged, Results: [...results(coll.results), ...results(m.results)] };
}

export function exportIndex(index: ModelIndex, cwd: string): ExportedIndex {
  const collections = new Map<string, Entry>();
  for (const c of index.collections) if (typeof c.name?.value === 'string' && !collections.has(c.name.value.trim())) collections.set(c.name.value.trim(), c);
  const lib = index.libraries[0];
  return {
    collections: index.collections.map((c) => ({ ...base(c, cwd), Metadata: metadataOf(c), Results: results(c.results) })),
    models: index.models.map((m) => fullModel(m, collections.get(String(m.fields.peek('In Collection') ?? '').trim()), cwd)),
    library: lib ? base(lib, cwd) : null,
  };
}
