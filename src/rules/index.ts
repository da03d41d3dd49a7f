/**
 * The rule registry: every rule, listed by name (no directory scan), sorted by id.
 */
import type { RuleId } from '../types.js';
import type { Rule } from './define-rule.js';
import { collectionExists } from './collection/exists.js';
import { fileEncoding } from './file/encoding.js';
import { fileNotFound } from './file/not-found.js';
import { fileUnreadable } from './file/unreadable.js';
import { fileUnterminatedBlock } from './file/unterminated-block.js';
import { importCycle } from './import/cycle.js';
import { importNoMatch } from './import/no-match.js';
import { importNotFound } from './import/not-found.js';
import { importUnsupportedType } from './import/unsupported-type.js';
import { schemaInvalidType } from './schema/invalid-type.js';
import { schemaInvalidValue } from './schema/invalid-value.js';
import { schemaMissingKey } from './schema/missing-key.js';
import { schemaUnknownKey } from './schema/unknown-key.js';
import { yamlDuplicateKey } from './yaml/duplicate-key.js';
import { yamlResourceLimit } from './yaml/resource-limit.js';
import { yamlSyntax } from './yaml/syntax.js';
import { yamlWarning } from './yaml/warning.js';
import { VERSION } from '../version.js';

export const rules: readonly Rule[] = ([
  collectionExists, fileEncoding, fileNotFound, fileUnreadable, fileUnterminatedBlock,
  importCycle, importNoMatch, importNotFound, importUnsupportedType,
  schemaInvalidType, schemaInvalidValue, schemaMissingKey, schemaUnknownKey,
  yamlDuplicateKey, yamlResourceLimit, yamlSyntax, yamlWarning,
] as Rule[]).sort((a, b) => a.meta.id.localeCompare(b.meta.id));

const byId = new Map<string, Rule>(rules.map((r) => [r.meta.id, r]));

/** The rule with this id; a programming error (TypeError) when there is none. */
export function ruleById(id: RuleId): Rule {
  const rule = byId.get(id);
  if (!rule) throw new TypeError(`unknown rule id ${id}`);
  return rule;
}

/** The documentation of a rule: its README section, pinned to this version. */
export function docsUrl(id: RuleId): string {
  const anchor = id.replace(/[^a-z0-9 -]/g, '');
  return `https://www.npmjs.com/package/model-index-lint/v/${VERSION}#${anchor}`;
}
