import type { Located, Origin, Path } from '../types.js';
import type { Data } from '../source/to-data.js';
import { PathValue } from './located.js';
import { current, filledOrNot, keyAccess, listedKeys } from './reads.js';

/** One mapping of data, with the origin of the mapping itself (its values are at `[...path, key]`). */
export interface Layer {
  readonly data: Readonly<Record<string, Data>>;
  readonly origin: Origin;
}

/**
 * A read-only map of located values over one or more mappings of data, later layers winning. A
 * `Located` (value plus origin) is made only when a value is asked for: an index of 40,000 models
 * would otherwise hold millions of small objects that no rule ever reads. An entry's fields and
 * Metadata (`which`) show a running project rule just what it declared (model/reads.ts).
 */
export class DataMap implements ReadonlyMap<string, Located<Data>> {
  constructor(
    private readonly layers: readonly Layer[], private readonly skip: ReadonlySet<string> = NONE,
    private readonly which?: 'fields' | 'metadata',
  ) {}

  private layerOf(key: string): Layer | undefined {
    if (this.skip.has(key)) return undefined;
    for (let i = this.layers.length - 1; i >= 0; i--) {
      const l = this.layers[i]!;
      if (Object.prototype.hasOwnProperty.call(l.data, key)) return l;
    }
    return undefined;
  }

  get(key: string): Located<Data> | undefined {
    if (current && this.which) keyAccess(this.which, key, true);
    const l = this.layerOf(key);
    return l ? new PathValue(l.data[key]!, l.origin.block, l.origin.path, key) : undefined;
  }

  /** The value alone, without making a `Located` (for rules that look at every entry). */
  peek(key: string): Data | undefined {
    const l = this.layerOf(key);
    const v = l ? l.data[key] : undefined;
    if (current === undefined || !this.which) return v;
    return keyAccess(this.which, key, false) === 'filled' ? filledOrNot(v) : v;
  }

  /** The path of the mapping a key's value is read from (not copied), or undefined. */
  layerPath(key: string): Path | undefined {
    if (current && this.which) keyAccess(this.which, key, true);
    return this.layerOf(key)?.origin.path;
  }

  has(key: string): boolean {
    if (current && this.which) return this.peek(key) !== undefined;
    return this.layerOf(key) !== undefined;
  }

  /**
   * Keys in first-written order (a key redefined by a later layer keeps its first place); for a
   * guarded project rule, the keys it declared that hold a value, in its order.
   */
  keys(): MapIterator<string> {
    const listed = current && this.which && listedKeys(this.which);
    if (listed) return listed.filter((k) => this.layerOf(k) !== undefined).values();
    return this.keyArray().values();
  }

  /** The keys as an array (an array iterator, unlike a generator, makes no object per key). */
  private keyArray(): string[] {
    if (this.layers.length === 1) {
      const all = Object.keys(this.layers[0]!.data);
      return this.skip.size === 0 ? all : all.filter((k) => !this.skip.has(k));
    }
    const seen = new Set<string>();
    const out: string[] = [];
    for (const l of this.layers) {
      for (const k of Object.keys(l.data)) {
        if (!seen.has(k) && !this.skip.has(k)) { seen.add(k); out.push(k); }
      }
    }
    return out;
  }

  get size(): number {
    return [...this.keys()].length;
  }

  *entries(): MapIterator<[string, Located<Data>]> {
    for (const k of this.keys()) yield [k, this.get(k)!];
  }

  *values(): MapIterator<Located<Data>> {
    for (const k of this.keys()) yield this.get(k)!;
  }

  forEach(fn: (value: Located<Data>, key: string, map: ReadonlyMap<string, Located<Data>>) => void): void {
    for (const [k, v] of this.entries()) fn(v, k, this);
  }

  [Symbol.iterator](): MapIterator<[string, Located<Data>]> {
    return this.entries();
  }
}

const NONE: ReadonlySet<string> = new Set();

/** Fields of a model or collection that are not plain fields (unfolded elsewhere). */
export const NOT_FIELDS: ReadonlySet<string> = new Set(['Metadata', 'Results']);
export const NOT_HF_FIELDS: ReadonlySet<string> = new Set(['results']);
