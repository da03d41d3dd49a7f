/**
 * Key spelling. The reference loader matches keys case-insensitively and accepts `in_collection`
 * and `batch_size`; we compare keys through `canonicalKey` and show them by their display name.
 */

const CANONICAL = new Map<string, string>();

/** Lower case, `_` and `-` as spaces, runs of spaces folded, trimmed (memoized: keys repeat a lot). */
export function canonicalKey(key: string): string {
  let c = CANONICAL.get(key);
  if (c === undefined) {
    c = key.toLowerCase().replace(/[_-]+/g, ' ').replace(/\s+/g, ' ').trim();
    if (CANONICAL.size < 100_000) CANONICAL.set(key, c);
  }
  return c;
}

/** Every key the model-index format defines, by its display spelling. */
export const KNOWN_KEYS = [
  'Type', 'Import', 'Collections', 'Models', 'Library', 'Model', 'Collection', 'Result',
  'Name', 'In Collection', 'Metadata', 'Results', 'Paper', 'Code', 'Weights', 'Config', 'README',
  'Image', 'Converted From', 'Task', 'Dataset', 'Metrics', 'Title', 'URL', 'Version',
  'FLOPs', 'Parameters', 'File Size', 'Epochs', 'Batch Size', 'Crop Pct', 'Image Size',
  'Interpolation', 'Training Data', 'Training Techniques', 'Training Resources', 'Training Time',
  'Architecture', 'ID', 'Headline', 'Website', 'Repository', 'Docs', 'Value', 'Downstream',
] as const;

/**
 * Keys the format does not define but OpenMMLab repositories write on purpose, per model or
 * collection (and `Training Log`, `Training Memory (GB)` in Metadata too): never a typo of another
 * key, and a near miss of one of them gets it as the suggestion. `strict` still reports them.
 */
export const EXTENSION_KEYS = [
  'Alias', 'Training Log', 'Training Memory (GB)', 'Modality', 'Pretrain', 'Year', 'Teacher', 'Student',
] as const;

export type KnownKey = (typeof KNOWN_KEYS)[number];

const DISPLAY = new Map<string, string>(KNOWN_KEYS.map((k) => [canonicalKey(k), k]));
DISPLAY.set('incollection', 'In Collection');

/** Whether a key, in any spelling, is one the format defines. */
export function isKnownKey(key: string): boolean {
  return DISPLAY.has(canonicalKey(key));
}

/** The display spelling of a known key, or the key as written (trimmed) for a custom key. */
export function displayKey(key: string): string {
  return DISPLAY.get(canonicalKey(key)) ?? key.trim();
}

/** Whether two keys name the same field. */
export function sameKey(a: string, b: string): boolean {
  const ca = canonicalKey(a);
  const cb = canonicalKey(b);
  return ca === cb || (DISPLAY.get(ca) !== undefined && DISPLAY.get(ca) === DISPLAY.get(cb));
}
