/**
 * While a project rule runs, the entries it reads show it what it declared in `meta.reads` and
 * nothing else, whichever engine made them (the full graph's entries or those kept from file
 * summaries): a rule that reads more fails the same way in both, and what it lists is the same.
 */
import type { Data } from '../source/to-data.js';
import type { Entry, Fact, Reads } from './types.js';

export type Keep = 'value' | 'filled';

/** What the running rule may read. */
export interface ReadsGuard {
  readonly rule: string;
  /** Fields and Metadata keys, in the order declared (the name first). */
  readonly fields: ReadonlyMap<string, Keep>;
  readonly metadata: ReadonlyMap<string, Keep>;
  readonly results: boolean;
  readonly facts: ReadonlySet<string>;
}

/** The guard of the project rule running now, if one is (a live binding: hot paths test it before calling in). */
export let current: ReadsGuard | undefined;

/** A fact's value, worked out from the whole entry with no rule's guard (as where a file is linted on its own). */
export function derived<T extends Data>(fact: Fact<T>, entry: Entry): T {
  const before = current;
  current = undefined;
  try {
    return factValue(fact, fact.derive(entry)) as T;
  } finally {
    current = before;
  }
}

/** Runs `fn` under `guard` (undefined: nothing is guarded, as for per-file rules and the engine itself). */
export function withReads<T>(guard: ReadsGuard | undefined, fn: () => T): T {
  const before = current;
  current = guard;
  try {
    return fn();
  } finally {
    current = before;
  }
}

/** A field or Metadata key kept with its value wins over one kept as filled-or-not. */
export function keep(map: Map<string, Keep>, key: string, how: Keep): void {
  if (map.get(key) !== 'value') map.set(key, how);
}

/** The guard of a rule's `reads`. */
export function readsGuard(rule: string, reads: Reads): ReadsGuard {
  const fields = new Map<string, Keep>([['Name', 'value'], ['name', 'value']]);
  const metadata = new Map<string, Keep>();
  for (const f of reads.fields ?? []) keep(fields, f, 'value');
  for (const k of reads.metadata ?? []) keep(metadata, k, 'value');
  for (const f of reads.filled ?? []) {
    if (f.startsWith('Metadata.')) keep(metadata, f.slice(9), 'filled');
    else keep(fields, f, 'filled');
  }
  return { rule, fields, metadata, results: reads.results === true, facts: new Set((reads.facts ?? []).map((f) => f.id)) };
}

function undeclared(g: ReadsGuard, what: string): never {
  throw new TypeError(`${what} is not in the meta.reads of rule ${g.rule}: name it there`);
}

/**
 * How the running rule may read `key` of an entry's fields or Metadata: undefined when no rule is
 * guarded; throws when it did not declare the key.
 */
export function keyAccess(which: 'fields' | 'metadata', key: string, wantValue: boolean): Keep | undefined {
  const g = current;
  if (!g) return undefined;
  const how = g[which].get(key);
  if (!how) undeclared(g, which === 'fields' ? `Field "${key}"` : `Metadata key "${key}"`);
  if (wantValue && how === 'filled') {
    throw new TypeError(`"${key}" is in the meta.reads of rule ${g.rule} as filled only: to read its value, name it in reads.${which}`);
  }
  return how;
}

/** What `peek` gives for a key the running rule reads only as filled or not. */
export function filledOrNot(v: Data | undefined): true | undefined {
  return v !== undefined && v !== null && v !== '' ? true : undefined;
}

/** The keys the running rule may list, in the order it declared them (undefined: no rule is guarded). */
export function listedKeys(which: 'fields' | 'metadata'): readonly string[] | undefined {
  const g = current;
  if (!g) return undefined;
  const out: string[] = [];
  for (const [k, how] of g[which]) if (how === 'value') out.push(k);
  return out;
}

/** Throws unless the running rule (if any) reads results. */
export function checkResults(): void {
  const g = current;
  if (g && !g.results) undeclared(g, 'Results');
}

/** Throws unless the running rule (if any) reads `fact`, and `entry` is of a kind the fact is worked out for. */
export function checkFact(fact: Fact, entry: Pick<Entry, 'kind'>): void {
  const g = current;
  if (g && !g.facts.has(fact.id)) undeclared(g, `Fact "${fact.id}"`);
  if (fact.kinds && !fact.kinds.includes(entry.kind)) {
    throw new TypeError(`fact "${fact.id}" is worked out for ${fact.kinds.join(' and ')} entries only, not for a ${entry.kind} (its kinds)`);
  }
}

/** Throws when a project rule reads an entry's Downstream entries (per-file rules check those; a file's summary keeps none). */
export function checkDownstream(): void {
  const g = current;
  if (g) throw new TypeError(`rule ${g.rule} reads Downstream entries, which only per-file rules see (read the Downstream field instead)`);
}

/**
 * A fact's value as both engines hand it out: JSON data (a summary is JSON), with mappings as plain
 * objects. Anything else (undefined, a Map, a function, a number that is not finite) is the
 * fact's mistake, said the same way by both.
 */
export function factValue(fact: Fact, v: unknown): Data {
  const wrong = notData(v);
  if (wrong) throw new TypeError(`fact "${fact.id}" gave ${wrong}, which is not JSON data (use null for none)`);
  return typeof v === 'object' && v !== null ? JSON.parse(JSON.stringify(v)) as Data : v as Data;
}

function notData(v: unknown): string | undefined {
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return undefined;
  if (typeof v === 'number') return Number.isFinite(v) ? undefined : String(v);
  if (Array.isArray(v)) { for (const x of v) { const w = notData(x); if (w) return w; } return undefined; }
  if (typeof v === 'object') {
    const proto = Object.getPrototypeOf(v);
    if (proto !== null && proto !== Object.prototype) return `a ${(v as object).constructor?.name ?? 'object'}`;
    for (const x of Object.values(v)) { const w = notData(x); if (w) return w; }
    return undefined;
  }
  return typeof v === 'undefined' ? 'undefined' : `a ${typeof v}`;
}
