import { defineFact } from '../../model/facts.js';

/**
 * The model name a weights URL suggests: the file name without folders, query, extensions and the
 * trailing content hash (`.../efficientnet_b3_ra2-cf984f9c.pth` → `efficientnet_b3_ra2`), lower case.
 */
export function weightsStem(url: string): string | undefined {
  let name = url.trim();
  const cut = name.search(/[?#]/);
  if (cut !== -1) name = name.slice(0, cut);
  name = name.slice(name.lastIndexOf('/') + 1);
  if (name.includes('%')) {
    try { name = decodeURIComponent(name); } catch { /* keep as written */ }
  }
  // Extensions (`.pth.tar`), then a trailing hash: cut from the end, no regex scanning the name.
  for (let dot = name.lastIndexOf('.'); dot !== -1 && EXTENSIONS.has(name.slice(dot + 1).toLowerCase()); dot = name.lastIndexOf('.')) {
    name = name.slice(0, dot);
  }
  const sep = Math.max(name.lastIndexOf('-'), name.lastIndexOf('_'));
  if (sep !== -1 && name.length - sep - 1 >= 6 && HEX.test(name.slice(sep + 1))) name = name.slice(0, sep);
  return name === '' ? undefined : name.toLowerCase();
}

const EXTENSIONS = new Set(['pth', 'pt', 'bin', 'ckpt', 'safetensors', 'npz', 'h5', 'pkl', 'tar', 'zip', 'gz', 'onnx', 'pdparams']);
const HEX = /^[0-9a-f]+$/i;

/** Name tokens: `tresnet_l_448` → tresnet, l, 448. */
export function tokens(s: string): string[] {
  return s.toLowerCase().split(/[-_.\s]+/).filter(Boolean);
}

/** Two tokens name the same thing: equal, or one is the other plus one trailing letter (`resnest101e`). */
function sameToken(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  return long.length === short.length + 1 && long.startsWith(short) && /[a-z]$/.test(long);
}

/** Whether every token of a name appears among the stem's tokens. */
export function nameInStem(name: string, stemTokens: readonly string[]): boolean {
  return tokens(name).every((t) => stemTokens.some((s) => sameToken(t, s)));
}

/** How many of the stem's tokens a name accounts for. */
export function sharedTokens(name: string, stemTokens: readonly string[]): number {
  const ts = tokens(name);
  return stemTokens.filter((s) => ts.some((t) => sameToken(t, s))).length;
}

/** Whether a model name accounts for a weights stem: with separators removed, one contains the other. */
export function covers(name: string, stem: string): boolean {
  const lower = name.toLowerCase();
  // The usual case: the stem holds the name as written (then it holds it without separators too).
  if (lower !== '' && stem.includes(lower)) return true;
  const n = lower.replace(/[-_.\s]/g, '');
  const s = stem.replace(/[-_.\s]/g, '');
  return n.includes(s) || s.includes(n);
}

/**
 * Whether a model needs no look at the other models' names for its Weights file: it has no name or
 * no Weights URL to compare, the URL names no file, or its own name accounts for the file.
 */
export function ownsWeights(name: unknown, weights: unknown): boolean {
  if (typeof name !== 'string' || typeof weights !== 'string') return true;
  const stem = weightsStem(weights);
  return !stem || covers(name, stem) || nameInStem(name, tokens(stem));
}

/**
 * The name among `names` that accounts for a model's Weights file clearly better than the model's
 * own `name` (every token of it is in the file name, and it covers more of it): the neighbour whose
 * checkpoint this probably is. Undefined when there is none, or when the two share the checkpoint
 * on purpose (`isReuse`).
 */
export function betterOwner(name: string, weights: string, names: readonly string[]): string | undefined {
  const stem = weightsStem(weights);
  if (!stem) return undefined;
  const stemTokens = tokens(stem);
  let best: string | undefined;
  let bestShared = sharedTokens(name, stemTokens);
  for (const n of names) {
    if (n === name || !nameInStem(n, stemTokens)) continue;
    const shared = sharedTokens(n, stemTokens);
    if (shared > bestShared) { best = n; bestShared = shared; }
  }
  return best === undefined || isReuse(name, best) ? undefined : best;
}

/**
 * Whether two models use one checkpoint on purpose, as OpenMMLab's mmfewshot does: names that
 * differ only in shot counts (`..._5way-1shot` and `..._5way-5shot`: one model evaluated under
 * several settings), or only in their leading method name with the rest the same
 * (`fsce_r101_fpn_voc-split1_base-training` starts from `tfa_..._voc-split1_base-training`).
 */
export function isReuse(a: string, b: string): boolean {
  const ta = tokens(a);
  const tb = tokens(b);
  if (ta.length !== tb.length) return false;
  const diff = ta.flatMap((t, i) => (t === tb[i] ? [] : [i]));
  if (diff.length === 0) return false;
  if (diff.every((i) => SHOT.test(ta[i]!) && SHOT.test(tb[i]!))) return true;
  return diff.length === 1 && diff[0] === 0 && ta.length >= 4;
}

const SHOT = /^\d+shots?$/;

/** Whether a Weights value is a URL at all (a placeholder such as `none` is no file to share). */
export const isUrl = (s: string): boolean => /^[a-z][a-z0-9+.-]*:\/\//i.test(s);

/**
 * `ownsWeights` of an entry, as a fact (worked out where its file is linted). A model whose
 * Metadata.ID accounts for the file owns it too: its Name is what differs, which
 * `model/id-matches-name` reports (a renamed model is one mistake, not a wrong checkpoint as well).
 */
export const OWNS_WEIGHTS = defineFact('weights/owns', (e): boolean => {
  const weights = e.fields.peek('Weights');
  const id = e.metadata.peek('ID');
  return ownsWeights(e.name?.value, weights) || (typeof id === 'string' && id.trim() !== '' && ownsWeights(id.trim(), weights));
}, ['model']);
