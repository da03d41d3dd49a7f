/**
 * What the editor can offer at a place in a block: the keys the schema knows at that level (taken
 * from the zod shapes, so completion never drifts from validation), their hover text (the docs the
 * JSON Schema carries), and the rules' descriptions for directives.
 */
import { canonicalKey, displayKey } from '../source/keys.js';
import { FIELD_DOCS } from '../schema/docs.js';
import { collection, library, metadataMap, model, modelIndex, result } from '../schema/pwc.js';
import { docsUrl, rules } from '../rules/index.js';
import type { RuleId } from '../types.js';

const keysOf = (shape: object): readonly string[] => Object.keys(shape);

const LEVELS: Record<string, readonly string[]> = {
  root: keysOf(modelIndex.shape),
  models: keysOf(model.shape),
  collections: keysOf(collection.shape),
  library: keysOf(library.shape),
  metadata: keysOf(metadataMap.shape),
  results: keysOf(result.shape),
  paper: ['Title', 'URL'],
  code: ['URL', 'Version'],
  'converted from': ['Weights', 'Code'],
  task: ['Name'],
  dataset: ['Name'],
};

/**
 * The keys known in the mapping at `parents` (keys from the block's root, `-` for list items); a
 * block whose root is a list (a models file) holds models.
 */
export function keysAt(parents: readonly string[]): readonly string[] {
  const keys = parents.filter((p) => p !== '-').map((k) => canonicalKey(displayKey(k)));
  if (keys.length === 0) return parents.length === 0 ? LEVELS.root! : LEVELS.models!;
  return LEVELS[keys.at(-1)!] ?? [];
}

/** The hover text of a key, by any of its spellings. */
export function keyDoc(key: string): string | undefined {
  const name = displayKey(key);
  const text = FIELD_DOCS[name];
  return text === undefined ? undefined : `**${name}**\n\n${text}`;
}

const RULES = new Map(rules.map((r) => [r.meta.id as string, r]));

/** The hover text of a rule id: its description and where its docs are. */
export function ruleDoc(id: string): string | undefined {
  const rule = RULES.get(id);
  if (!rule) return undefined;
  const flags = [`default: ${rule.meta.defaultSeverity}`, ...(rule.meta.fixable ? ['fixable'] : [])];
  return `**${id}** (${flags.join(', ')})\n\n${rule.meta.description}\n\n[Documentation](${docsUrl(id as RuleId)})`;
}

export const RULE_IDS: readonly string[] = [...RULES.keys()];

export function ruleDescription(id: string): string {
  return RULES.get(id)?.meta.description ?? '';
}
