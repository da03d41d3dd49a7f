/**
 * The links the online checks look at, each with the place it is written: Weights, Code, Paper,
 * Config, README and Training Log of every entry (a string, or the `URL` of a mapping), and the
 * `source.url` of Hugging Face results. Relative paths (README, Config) are files, not links.
 */
import type { Located, Origin } from '../types.js';
import type { Entry, ModelIndex } from '../model/types.js';
import type { Data } from '../source/to-data.js';
import { stringsIn } from '../rules/helpers/strings.js';

export const LINK_FIELDS = ['Weights', 'Code', 'Paper', 'Config', 'README', 'Training Log'] as const;

export interface Target {
  /** The link as written (trimmed), for messages and fixes. */
  readonly url: string;
  /** The address asked: `url` encoded by the WHATWG URL parser (a space is `%20`, `é` is `%C3%A9`); '' when it does not parse (not asked, counted in the summary). */
  readonly href: string;
  /** The field it is written in (`Weights`, `source.url`...), for messages. */
  readonly field: string;
  readonly origin: Origin;
  /** For Weights: the entry's File Size, and whether it was written with a unit (`97.8 MB`: rounded). */
  readonly fileSize?: { readonly bytes: number; readonly rounded: boolean; readonly written: string };
  /** For Weights: the name of the model it belongs to. */
  readonly model?: string;
}

/** Every http(s) link of the index, in index order (a URL may appear in several targets). */
export function targetsOf(index: ModelIndex): Target[] {
  const out: Target[] = [];
  for (const e of [...index.models, ...index.collections, ...index.libraries]) {
    const name = e.name?.value;
    for (const field of LINK_FIELDS) {
      // A field may be written at the entry and in its Metadata (`Training Log`): both are links.
      for (const at of [e.fields.get(field), e.metadata.get(field)]) {
        if (!at) continue;
        // Weights is one URL (a list is schema/invalid-value's finding, not links to ask).
        if (field === 'Weights' && typeof at.value !== 'string') continue;
        const extra = field === 'Weights' ? { ...sizeOf(e), ...(typeof name === 'string' ? { model: name } : {}) } : {};
        for (const s of linksIn(at, field)) out.push({ url: s.value.trim(), href: hrefOf(s.value.trim()) ?? '', field, origin: s.origin, ...extra });
      }
    }
    if (e.dialect === 'huggingface') out.push(...sourceUrls(e));
  }
  return out;
}

/** The http(s) strings of a field: Code and Paper may be `{URL, ...}` mappings. */
function* linksIn(at: Located<Data>, field: string): Generator<Located<string>> {
  for (const s of stringsIn(at)) {
    const last = s.origin.path[s.origin.path.length - 1];
    // In a mapping, only its URL is a link (`Code: {URL, Version}`), not a title.
    if (typeof last === 'string' && last !== field && last !== 'URL') continue;
    if (looksLikeLink(s.value.trim())) yield s;
  }
}

function sizeOf(e: Entry): { fileSize?: NonNullable<Target['fileSize']> } {
  const size = fileSizeOf(e);
  return size ? { fileSize: size } : {};
}

/** File Size in bytes: a number (exact), or a number with a unit (`97.8 MB`, `98M`: rounded). */
function fileSizeOf(e: Entry): Target['fileSize'] {
  const v = e.metadata.peek('File Size');
  if (typeof v === 'number') return v > 0 ? { bytes: v, rounded: false, written: String(v) } : undefined;
  if (typeof v !== 'string') return undefined;
  const m = /^\s*([0-9]*\.?[0-9]+)\s*(?:([kmgt])(i?)b?|b)?\s*$/i.exec(v);
  if (!m || !(Number(m[1]) > 0)) return undefined;
  const power = m[2] ? 'kmgt'.indexOf(m[2].toLowerCase()) + 1 : 0;
  return { bytes: Number(m[1]) * (m[3] ? 1024 : 1000) ** power, rounded: power > 0, written: v };
}

/** `results[i].source.url` of a model card, read from its block's document. */
function sourceUrls(e: Entry): Target[] {
  const out: Target[] = [];
  for (const r of e.results) {
    const { block, path } = r.origin;
    const url: unknown = block.doc.getIn([...block.dataPath, ...path, 'source', 'url']);
    if (typeof url === 'string' && looksLikeLink(url.trim())) {
      out.push({ url: url.trim(), href: hrefOf(url.trim()) ?? '', field: 'source.url', origin: { block, path: [...path, 'source', 'url'] } });
    }
  }
  return out;
}

/** Written as an absolute http(s) link (whether it parses is `hrefOf`'s to say). */
function looksLikeLink(s: string): boolean {
  return /^https?:\/\/\S/i.test(s);
}

/** The address to ask for a written link, encoded as a browser would (spaces, non-ASCII); undefined when it is no http(s) link. */
export function hrefOf(s: string): string | undefined {
  if (!/^https?:\/\//i.test(s)) return undefined;
  try {
    const u = new URL(s);
    return u.hostname !== '' ? u.href : undefined;
  } catch { return undefined; }
}
