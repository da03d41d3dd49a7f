/**
 * What the parse stage's cheap look at a block (`BlockHints`, set on the fast path) tests: each hint
 * is the trigger of one rule that walks the YAML nodes, and its predicate is written here once, for
 * the loader (fast-block.ts) and for that rule. A hint may say yes where its rule then finds
 * nothing, never no where the rule would find something. The `yaml11` hint's forms are in yaml11.ts.
 */
import { canonicalKey, displayKey, isKnownKey } from '../source/keys.js';

/** `variantKeys` (schema/key-spelling): a key the format defines, written in another spelling (`crop_pct`). */
export function isVariantSpelling(key: string): boolean {
  return displayKey(key) !== key && isKnownKey(key);
}

// Lists that hold the substance of an index: empty, they are almost always a mistake.
const LIST_KEYS = new Set(['models', 'collections', 'import', 'results', 'metrics']);

/** `emptyValues` (schema/empty-value): a key, in any spelling, whose list or mapping should not be empty. */
export function isListKey(key: string): boolean {
  return LIST_KEYS.has(canonicalKey(key));
}

/** `emptyValues` (schema/empty-value): a string value that is empty. */
export function isEmptyString(v: unknown): boolean {
  return v === '';
}

/** `padded` (schema/whitespace): a string with leading or trailing spaces around something else. */
export function isPadded(v: string): boolean {
  return mayBePadded(v) && v !== v.trim() && v.trim() !== '';
}

/** Whether `trim` could change `v` (a cheap first look): only when it starts or ends with a space, a control or a non-ASCII character. */
function mayBePadded(v: string): boolean {
  const a = v.charCodeAt(0);
  const z = v.charCodeAt(v.length - 1);
  return a <= 32 || a >= 127 || z <= 32 || z >= 127;
}
