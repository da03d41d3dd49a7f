/**
 * Located values whose path is made only when asked for. Rules read values by the thousand and
 * ask where one is written only to report it; making every path up front was a large share of
 * what linting a page allocated.
 */
import type { Located, Origin, ParsedBlock, Path } from '../types.js';
import type { Data } from '../source/to-data.js';

export type PathKey = string | number;

/** Whether a located value is written at `[...base, k1]` or `[...base, k1, k2]`. */
export function isWrittenAt(l: Located<Data>, base: Path, k1: PathKey, k2?: PathKey): boolean {
  if (l instanceof PathValue) return l.isAt(base, k1, k2);
  const p = l.origin.path;
  const n = base.length;
  if (p.length !== n + (k2 === undefined ? 1 : 2) || p[n] !== k1 || (k2 !== undefined && p[n + 1] !== k2)) return false;
  for (let i = 0; i < n; i++) if (p[i] !== base[i]) return false;
  return true;
}

/** A value and where it is written; the path (and origin) are made only when asked for. */
export class PathValue implements Located<Data> {
  private made: Origin | undefined;
  constructor(
    readonly value: Data, private readonly block: ParsedBlock, private readonly base: Path,
    private readonly k1: PathKey, private readonly k2: PathKey | undefined = undefined, private readonly k3: PathKey | undefined = undefined,
  ) {}

  /** Whether the value is written at `[...base, k1]` or `[...base, k1, k2]`, without making its path. */
  isAt(base: Path, k1: PathKey, k2?: PathKey): boolean {
    if (this.k1 !== k1 || this.k2 !== k2 || this.k3 !== undefined) return false;
    if (this.base === base) return true;
    return this.base.length === base.length && this.base.every((x, i) => x === base[i]);
  }

  get origin(): Origin {
    if (this.made === undefined) {
      const path = [...this.base, this.k1];
      if (this.k2 !== undefined) path.push(this.k2);
      if (this.k3 !== undefined) path.push(this.k3);
      this.made = { block: this.block, path };
    }
    return this.made;
  }
}
