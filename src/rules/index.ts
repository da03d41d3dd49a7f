import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
/**
 * The rule registry: every rule, listed by name (no directory scan), sorted by id.
 */
import type { RuleId } from '../types.js';
import type { Rule } from './define-rule.js';
import { collectionDuplicate } from './collection/duplicate.js';
import { collectionExists } from './collection/exists.js';
import { fileBinary } from './file/binary.js';
import { fileEncoding } from './file/encoding.js';
import { fileInternalError } from './file/internal-error.js';
import { fileFixFailed } from './file/fix-failed.js';
import { fileNotFound } from './file/not-found.js';
import { fileUnreadable } from './file/unreadable.js';
import { fileUnterminatedBlock } from './file/unterminated-block.js';
import { fileUnusedDisable } from './file/unused-disable.js';
import { importCycle } from './import/cycle.js';
import { importLimit } from './import/limit.js';
import { importOutsideRoot } from './import/outside-root.js';
import { importNoMatch } from './import/no-match.js';
import { importNotFound } from './import/not-found.js';
import { importOrphan } from './import/orphan.js';
import { importUnsupportedType } from './import/unsupported-type.js';
import { metadataCropPct } from './metadata/crop-pct.js';
import { metadataFileSize } from './metadata/file-size.js';
import { metadataImageSize } from './metadata/image-size.js';
import { metadataInterpolation } from './metadata/interpolation.js';
import { metadataMisspelledKey } from './metadata/misspelled-key.js';
import { metadataNumber } from './metadata/number.js';
import { modelCodeVersion } from './model/code-version.js';
import { modelDuplicateName } from './model/duplicate-name.js';
import { modelIdMatchesName } from './model/id-matches-name.js';
import { modelRequiredFields } from './model/required-fields.js';
import { resultsMetricFormat } from './results/metric-format.js';
import { resultsMetricValue } from './results/metric-value.js';
import { resultsOutlier } from './results/outlier.js';
import { resultsPercentRange } from './results/percent-range.js';
import { resultsTop5BelowTop1 } from './results/top5-below-top1.js';
import { schemaEmptyValue } from './schema/empty-value.js';
import { schemaInvalidType } from './schema/invalid-type.js';
import { schemaInvalidValue } from './schema/invalid-value.js';
import { schemaKeySpelling } from './schema/key-spelling.js';
import { schemaMissingKey } from './schema/missing-key.js';
import { schemaUnknownKey } from './schema/unknown-key.js';
import { schemaWhitespace } from './schema/whitespace.js';
import { urlCodePinned } from './url/code-pinned.js';
import { urlCommitNotFound } from './url/commit-not-found.js';
import { urlDeadLink } from './url/dead-link.js';
import { urlHttps } from './url/https.js';
import { urlHttpsRedirect } from './url/https-redirect.js';
import { urlMoved } from './url/moved.js';
import { urlUnreachable } from './url/unreachable.js';
import { weightsHashMismatch } from './weights/hash-mismatch.js';
import { weightsNameMismatch } from './weights/name-mismatch.js';
import { weightsShared } from './weights/shared.js';
import { weightsSizeMismatch } from './weights/size-mismatch.js';
import { weightsUnverified } from './weights/unverified.js';
import { yamlDuplicateKey } from './yaml/duplicate-key.js';
import { yamlPortability } from './yaml/portability.js';
import { yamlResourceLimit } from './yaml/resource-limit.js';
import { yamlSyntax } from './yaml/syntax.js';
import { yamlWarning } from './yaml/warning.js';

const registry: Rule[] = ([
  collectionDuplicate, collectionExists,
  fileBinary, fileEncoding, fileFixFailed, fileInternalError, fileNotFound, fileUnreadable, fileUnterminatedBlock, fileUnusedDisable,
  importCycle, importLimit, importNoMatch, importNotFound, importOrphan, importOutsideRoot, importUnsupportedType,
  metadataCropPct, metadataFileSize, metadataImageSize, metadataInterpolation, metadataMisspelledKey, metadataNumber,
  modelCodeVersion, modelDuplicateName, modelIdMatchesName, modelRequiredFields,
  resultsMetricFormat, resultsMetricValue, resultsOutlier, resultsPercentRange, resultsTop5BelowTop1,
  schemaEmptyValue, schemaInvalidType, schemaInvalidValue, schemaKeySpelling, schemaMissingKey, schemaUnknownKey, schemaWhitespace,
  urlCodePinned, urlCommitNotFound, urlDeadLink, urlHttps, urlHttpsRedirect, urlMoved, urlUnreachable,
  weightsHashMismatch, weightsNameMismatch, weightsShared, weightsSizeMismatch, weightsUnverified,
  yamlDuplicateKey, yamlPortability, yamlResourceLimit, yamlSyntax, yamlWarning,
] as unknown as Rule[]).sort(byIdOrder);

function byIdOrder(a: Rule, b: Rule): number {
  return a.meta.id < b.meta.id ? -1 : a.meta.id > b.meta.id ? 1 : 0;
}

/** Ids of the rules the online checks report (`--check-urls`, `--verify-weights`; added rules have no stage). */
export const ONLINE_RULES: ReadonlySet<string> = new Set(registry.filter((r) => r.meta.stage === 'online').map((r) => r.meta.id));

/** Every rule of this thread: milint's own, and those added (`addRules`). */
export const rules: readonly Rule[] = registry;

const byId = new Map<string, Rule>(rules.map((r) => [r.meta.id, r]));

let added = 0;

/** How many rules were added so far: lists made from the registry are made again when it changes. */
export function registryVersion(): number {
  return added;
}

/** What is wrong with an added rule's shape, if anything. */
function shapeProblem(rule: Rule): string | undefined {
  const { meta } = rule;
  if (typeof meta.description !== 'string' || meta.description === '') return 'has no meta.description';
  if (!['error', 'warning', 'info'].includes(meta.defaultSeverity)) return `has meta.defaultSeverity ${JSON.stringify(meta.defaultSeverity)}, not error, warning or info`;
  if (typeof rule.check !== 'function') return 'has no check function';
  if (meta.stage !== undefined) return 'has a meta.stage (only milint\'s own stages report rules)';
  if (meta.scope !== undefined && meta.scope !== 'project') return `has meta.scope ${JSON.stringify(meta.scope)}, not 'project'`;
  if (meta.scope === 'project' && meta.reads === undefined) return 'is a project rule without meta.reads (what it reads of each entry)';
  const messages = rule.messages as Record<string, unknown> | undefined;
  if (typeof messages !== 'object' || messages === null || Object.keys(messages).length === 0) return 'has no messages';
  const notFunction = Object.keys(messages).find((k) => typeof messages[k] !== 'function');
  if (notFunction) return `has a message "${notFunction}" that is not a function`;
  return undefined;
}

let scoped: { readonly version: number; readonly file: readonly Rule[]; readonly project: readonly Rule[] } | undefined;

/** The rules that look at one file at a time (`file`) and those that compare across files (`project`). */
export function rulesByScope(): { readonly file: readonly Rule[]; readonly project: readonly Rule[] } {
  if (scoped?.version !== added) {
    scoped = { version: added, file: rules.filter((r) => r.meta.scope !== 'project'), project: rules.filter((r) => r.meta.scope === 'project') };
  }
  return scoped;
}

/**
 * Adds a project's own rules to this thread's registry (see the API's `ruleModules`). Ids are
 * `custom/<name>`; a rule added again is left as it is; another rule with a taken id is refused.
 */
export function addRules(list: readonly Rule[]): void {
  for (const rule of list) {
    const id = rule?.meta?.id as string | undefined;
    if (typeof id !== 'string' || !/^custom\/[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id)) {
      throw new TypeError(`an added rule's id must be custom/<name> in kebab-case, not ${JSON.stringify(id)}`);
    }
    const wrong = shapeProblem(rule);
    if (wrong) throw new TypeError(`rule ${id} ${wrong}`);
    const known = byId.get(id);
    if (known === rule) continue;
    if (known) throw new TypeError(`rule ${id} is defined twice`);
    byId.set(id, rule);
    registry.push(rule);
    added++;
  }
  registry.sort(byIdOrder);
}

/** The rule with this id; a programming error (TypeError) when there is none. */
export function ruleById(id: RuleId): Rule {
  const rule = byId.get(id);
  if (!rule) throw new TypeError(`unknown rule id ${id}`);
  return rule;
}

/** A rule's page in the package: `docs/rules/<family>/<name>.md` (shipped with it, readable offline). */
export function docsPath(id: RuleId): string {
  return `docs/rules/${id}.md`;
}

/**
 * The package's own folder: two levels above this module, whether it runs from src/rules/,
 * dist/rules/ or a bundle chunk in dist/bundle/.
 */
export const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * The address of a rule's page: the file in the installed package (the package is not published,
 * so no web page exists to point at); for a project's own rule its `meta.docs`, or ''.
 */
export function docsUrl(id: RuleId): string {
  const own = byId.get(id)?.meta.docs;
  if (own !== undefined || id.startsWith('custom/')) return own ?? '';
  return pathToFileURL(join(PACKAGE_ROOT, docsPath(id))).href;
}
