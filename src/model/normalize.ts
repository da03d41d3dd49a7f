/**
 * Builds the `ModelIndex` of a run from its resolved units: every model, collection and library,
 * in the order the reference loader lists them (an index's own Models, then Collections, then
 * what its Imports bring), each unit read once. Pure: no IO, no reports.
 */
import type { Located, Origin, Path } from '../types.js';
import type { Data } from '../source/to-data.js';
import { isMapping, unwrap } from '../schema/roles.js';
import { refKey, type Resolution, type Unit } from '../resolve/resolve.js';
import type { Dialect, Entry, Fact, MetricVisitor, ModelIndex, Result } from './types.js';
import { walkUnit } from '../resolve/walk.js';
import { DataMap, NOT_FIELDS, NOT_HF_FIELDS, type Layer } from './data-map.js';
import { PathValue, type PathKey } from './located.js';
import { checkDownstream, checkFact, checkResults, derived } from './reads.js';

const ENTRY_ROLES = new Set(['index', 'models', 'model', 'collections', 'collection', 'library', 'guess', 'hf']);

/**
 * `stub` gives the entries of a unit of a stub file (one linted on its own): they come from its
 * summary, in the order they were written, and take their place in the index like any other.
 * `own`, when given, gets the other entries (those read from data here), in the same order.
 */
export function normalize(res: Resolution, rootDir: string, stub?: (unit: Unit) => readonly Entry[], own?: Lists): ModelIndex {
  const models: Entry[] = [];
  const collections: Entry[] = [];
  const libraries: Entry[] = [];
  const seen = new Set<string>();
  const add = (e: Entry): void => {
    (e.kind === 'model' ? models : e.kind === 'collection' ? collections : libraries).push(e);
    if (own) (e.kind === 'model' ? own.models : e.kind === 'collection' ? own.collections : own.libraries).push(e);
  };

  const visit = (unit: Unit): void => {
    if (seen.has(unit.key) || unit.block.broken) return;
    seen.add(unit.key);
    if (unit.file.linted) {
      for (const e of stub?.(unit) ?? []) (e.kind === 'model' ? models : e.kind === 'collection' ? collections : libraries).push(e);
      return;
    }
    const b = new EntryBuilder(res, unit);
    walkUnit(unit.role, unit.block.data, {
      model: (p, d) => add(b.entry('model', p, d)),
      collection: (p, d) => add(b.entry('collection', p, d)),
      library: (p, d) => add(b.entry('library', p, d)),
      hfModel: (p, d) => add(b.hfEntry(p, d)),
      ref: (r) => {
        if (!ENTRY_ROLES.has(r.role)) return; // Metadata and Results are read by their entry.
        for (const t of res.targets.get(refKey(unit, r.path)) ?? []) visit(t);
      },
    });
  };
  for (const root of res.roots) visit(root);
  const broken = res.units.filter((u) => u.block.broken).map((u) => u.block.parsed.block.text);
  return { models, collections, libraries, complete: res.complete, broken, missing: missingImports(res.reports), rootDir };
}

/** Entries by kind. */
export interface Lists { readonly models: Entry[]; readonly collections: Entry[]; readonly libraries: Entry[] }

/** An entry read from its data (the full graph); a project rule sees what it declared (model/reads.ts). */
class IndexEntry implements Entry {
  constructor(
    readonly kind: Entry['kind'], readonly dialect: Dialect, readonly origin: Origin, readonly name: Located<Data> | undefined,
    readonly fields: DataMap, readonly metadata: DataMap, private readonly resultList: readonly Result[], readonly fromMarkdown: boolean,
    private readonly downstreamList: readonly Entry[] | undefined,
  ) {}

  get results(): readonly Result[] {
    checkResults();
    return this.resultList;
  }

  get downstream(): readonly Entry[] | undefined {
    checkDownstream();
    return this.downstreamList;
  }

  eachMetric(fn: MetricVisitor): void {
    checkResults();
    const results = this.resultList;
    for (let r = 0; r < results.length; r++) {
      const result = results[r]!;
      const dataset = result.dataset?.value;
      for (let m = 0; m < result.metrics.length; m++) fn(r, dataset, result.metrics[m]!.name, result.metrics[m]!.value.value, m);
    }
  }

  fact<T extends Data>(fact: Fact<T>): T {
    checkFact(fact, this);
    // Worked out from the whole entry, as where a file is linted on its own.
    return derived(fact, this);
  }
}

/** Builds entries for the data of one unit, following its Metadata and Results references. */
class EntryBuilder {
  constructor(private readonly res: Resolution, private readonly unit: Unit) {}

  private at(path: Path, unit: Unit = this.unit): Origin {
    return { block: unit.block.parsed, path };
  }

  /** `value`, written at `[...base, ...keys]` (the path is made when its origin is asked for). */
  private located(value: Data, unit: Unit, base: Path, k1: PathKey, k2?: PathKey, k3?: PathKey): Located<Data> {
    return new PathValue(value, unit.block.parsed, base, k1, k2, k3);
  }

  entry(kind: Entry['kind'], p: Path, d: Record<string, Data>): Entry {
    const fields = new DataMap([{ data: d, origin: this.at(p) }], NOT_FIELDS, 'fields');
    const layers: Layer[] = [];
    this.metadataInto(layers, d.Metadata, [...p, 'Metadata'], this.unit);
    const metadata = new DataMap(layers, undefined, 'metadata');
    const results: Result[] = [];
    this.resultsInto(results, d.Results, [...p, 'Results'], this.unit);
    const fromMarkdown = this.unit.file.format === 'markdown';
    const downstream = kind === 'model' && Array.isArray(d.Downstream)
      ? d.Downstream.flatMap((item, i) => (isMapping(item) ? [this.entry('model', [...p, 'Downstream', i], item)] : []))
      : undefined;
    return new IndexEntry(kind, 'pwc', this.at(p), fields.get('Name'), fields, metadata, results, fromMarkdown, downstream?.length ? downstream : undefined);
  }

  hfEntry(p: Path, d: Record<string, Data>): Entry {
    const fields = new DataMap([{ data: d, origin: this.at(p) }], NOT_HF_FIELDS, 'fields');
    const results: Result[] = [];
    const rs = d.results;
    if (Array.isArray(rs)) {
      rs.forEach((r, i) => {
        if (!isMapping(r)) return;
        const rp = [...p, 'results', i];
        const metrics: { name: string; value: Located<Data> }[] = [];
        if (Array.isArray(r.metrics)) {
          r.metrics.forEach((m, j) => {
            if (!isMapping(m)) return;
            const name = typeof m.name === 'string' ? m.name : typeof m.type === 'string' ? m.type : `metrics[${j}]`;
            metrics.push({ name, value: this.located(m.value ?? null, this.unit, rp, 'metrics', j, 'value') });
          });
        }
        results.push({
          origin: this.at(rp),
          task: r.task !== undefined ? this.located(r.task, this.unit, rp, 'task') : undefined,
          dataset: r.dataset !== undefined ? this.located(r.dataset, this.unit, rp, 'dataset') : undefined,
          metrics,
        });
      });
    }
    return new IndexEntry('model', 'huggingface', this.at(p), fields.get('name'), fields, new DataMap([], undefined, 'metadata'), results, false, undefined);
  }

  /** Metadata: a mapping, a list of mappings (later keys win), or a file reference. */
  private metadataInto(out: Layer[], d: Data | undefined, p: Path, unit: Unit): void {
    if (isMapping(d)) {
      out.push({ data: d, origin: this.at(p, unit) });
    } else if (Array.isArray(d)) {
      d.forEach((item, i) => this.metadataInto(out, item, [...p, i], unit));
    } else if (typeof d === 'string') {
      for (const t of this.targets(unit, p)) {
        const shape = unwrap('metadata', t.block.data);
        this.metadataInto(out, shape.data, shape.path, t);
      }
    }
  }

  /** Results: a list (items may be file references), one mapping, or a file reference. */
  private resultsInto(out: Result[], d: Data | undefined, p: Path, unit: Unit): void {
    if (isMapping(d)) out.push(this.result(d, p, unit));
    else if (Array.isArray(d)) d.forEach((item, i) => this.resultsInto(out, item, [...p, i], unit));
    else if (typeof d === 'string') {
      for (const t of this.targets(unit, p)) {
        if (t.block.broken) continue;
        const shape = unwrap(t.role, t.block.data);
        if (shape.role === 'result' || shape.role === 'result-list') this.resultsInto(out, shape.data, shape.path, t);
      }
    }
  }

  private result(d: Record<string, Data>, p: Path, unit: Unit): Result {
    const metrics: { name: string; value: Located<Data> }[] = [];
    const m = d.Metrics;
    if (isMapping(m)) {
      for (const k of Object.keys(m)) metrics.push({ name: k, value: this.located(m[k]!, unit, p, 'Metrics', k) });
    } else if (Array.isArray(m)) {
      m.forEach((item, i) => {
        if (!isMapping(item)) return;
        const keys = Object.keys(item);
        if (typeof item.Name === 'string' && 'Value' in item) {
          metrics.push({ name: item.Name, value: this.located(item.Value!, unit, p, 'Metrics', i, 'Value') });
        } else if (keys.length === 1) {
          metrics.push({ name: keys[0]!, value: this.located(item[keys[0]!]!, unit, p, 'Metrics', i, keys[0]!) });
        }
      });
    }
    return {
      origin: this.at(p, unit),
      task: d.Task !== undefined ? this.located(d.Task, unit, p, 'Task') : undefined,
      dataset: d.Dataset !== undefined ? this.located(d.Dataset, unit, p, 'Dataset') : undefined,
      metrics,
    };
  }

  private targets(unit: Unit, p: Path): readonly Unit[] {
    return (this.res.targets.get(refKey(unit, p)) ?? []).filter((t) => !t.block.broken);
  }
}

/** The targets of references that may define entries (not Metadata or Results) and do not exist. */
export function missingImports(reports: Resolution['reports']): string[] {
  return reports.filter((r) => r.ruleId === 'import/not-found' && r.messageId === 'missing' && !/(^|\.)(Metadata|Results?)(\[|$)/.test(String(r.data.field)))
    .map((r) => String(r.data.target));
}
