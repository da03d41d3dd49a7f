/**
 * SARIF 2.1.0, as GitHub code scanning accepts it on upload: the tool with every rule (descriptions,
 * help, docs link, default level), and one result per problem with a repo-relative location, a full
 * region (UTF-16 columns) and a partial fingerprint that survives line moves.
 * @see https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html
 * @see https://docs.github.com/en/code-security/code-scanning/integrating-with-code-scanning/sarif-support-for-code-scanning
 */
import type { Severity } from '../types.js';
import { docsPath, docsUrl, rules } from '../rules/index.js';
import { VERSION } from '../version.js';
import type { Formatter } from './types.js';
import { fingerprint, repoPath } from './paths.js';
import { pathToUriReference, safeJson } from '../io/sanitize.js';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

export const sarif: Formatter = (results, ctx) => {
  const ruleIndex = new Map(rules.map((r, i) => [r.meta.id, i]));
  const out = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'milint',
          fullName: 'model-index-lint',
          version: VERSION,
          semanticVersion: VERSION,
          rules: rules.map((r) => ({
            id: r.meta.id,
            name: r.meta.id.replace(/[/-](\w)/g, (_m, c: string) => c.toUpperCase()),
            shortDescription: { text: r.meta.description.split(/(?<=\.)\s/)[0]! },
            fullDescription: { text: r.meta.description },
            help: r.meta.id.startsWith('custom/') ? { text: r.meta.description } : { text: `${r.meta.description} See ${docsPath(r.meta.id)} in the model-index-lint package, or run: milint rules ${r.meta.id}`, markdown: `${r.meta.description}\n\nSee \`${docsPath(r.meta.id)}\` in the model-index-lint package, or run \`milint rules ${r.meta.id}\`.` },
            // The page in the installed package: the package is not published, so no web page exists.
            ...(docsUrl(r.meta.id) ? { helpUri: docsUrl(r.meta.id) } : {}),
            defaultConfiguration: { level: LEVEL[r.meta.defaultSeverity] },
            properties: { tags: [r.meta.id.split('/')[0]!], fixable: r.meta.fixable },
          })),
        },
      },
      columnKind: 'utf16CodeUnits',
      results: results.flatMap((r) => {
        const path = repoPath(r.file, ctx.root ?? ctx.cwd);
        const uri = pathToUriReference(path);
        return r.diagnostics.map((d) => ({
          ruleId: d.ruleId,
          ruleIndex: ruleIndex.get(d.ruleId) ?? -1,
          level: LEVEL[d.severity],
          message: { text: d.message },
          locations: [{
            physicalLocation: {
              artifactLocation: { uri, uriBaseId: '%SRCROOT%' },
              region: { startLine: d.start.line, startColumn: d.start.column, endLine: d.end.line, endColumn: d.end.column },
            },
          }],
          partialFingerprints: { 'milintFingerprint/v1': fingerprint(d, path) },
        }));
      }),
    }],
  };
  return `${safeJson(JSON.stringify(out, null, 2))}\n`;
};
