import type { Located, Origin } from '../../types.js';
import type { Data } from '../../source/to-data.js';

/** Every string inside a located value (a URL may sit in `Paper.URL` or `Code.URL`), with its origin. */
export function* stringsIn(at: Located<Data>): Generator<Located<string>> {
  const walk = function* (v: Data, origin: Origin): Generator<Located<string>> {
    if (typeof v === 'string') yield { value: v, origin };
    else if (Array.isArray(v)) for (let i = 0; i < v.length; i++) yield* walk(v[i]!, { ...origin, path: [...origin.path, i] });
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) yield* walk(x, { ...origin, path: [...origin.path, k] });
    }
  };
  yield* walk(at.value, at.origin);
}

/** The URL of a `Code` or `Paper` field: the string itself, or its `URL` key. */
export function urlOf(v: Data | undefined): string | undefined {
  if (typeof v === 'string') return v;
  if (v && typeof v === 'object' && !Array.isArray(v) && typeof v.URL === 'string') return v.URL;
  return undefined;
}
