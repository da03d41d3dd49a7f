import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import AjvDraft04 from 'ajv-draft-04';
import ajvFormats from 'ajv-formats';
import { Chalk } from 'chalk';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import type { Diagnostic, FileResult } from '../../src/types.js';
import { formatters } from '../../src/format/index.js';
import { escapeData, escapeProperty } from '../../src/format/github.js';
import { lintFiles } from '../../src/lint/lint.js';
import { ROOT } from '../helpers/exec.js';

const ctx = { cwd: ROOT, chalk: new Chalk({ level: 0 }) };
const demo = lintFiles({ patterns: ['fixtures/demo', 'fixtures/corpus/timm'], cwd: ROOT }).results;

/** A result whose message and path hold every character the CI formats must escape. */
const nasty = (): FileResult[] => {
  const d: Diagnostic = {
    ruleId: 'schema/unknown-key', messageId: 'unknown', severity: 'warning',
    message: 'Key "a,b: 100%" <&> \'x\'\r\nsecond line\u0007', data: {}, file: join(ROOT, 'docs', 'a,b:c.md'),
    span: { start: 0, end: 1 }, start: { line: 1, column: 1 }, end: { line: 1, column: 2 }, path: ['Models', 0], docsUrl: '',
  };
  return [{ file: d.file, diagnostics: [d, { ...d, severity: 'error' }], source: 'x\n' }];
};

describe('SARIF', () => {
  it('validates against the official SARIF 2.1.0 schema', () => {
    const schema = JSON.parse(readFileSync(join(ROOT, 'fixtures', 'schemas-external', 'sarif-schema-2.1.0.json'), 'utf8')) as object;
    // Both packages are CommonJS with a `default` export; take it whichever way the loader hands it over.
    const Ajv = ((AjvDraft04 as unknown as { default?: typeof AjvDraft04 }).default ?? AjvDraft04) as unknown as new (o: object) => import('ajv').default;
    const addFormats = ((ajvFormats as unknown as { default?: unknown }).default ?? ajvFormats) as (a: import('ajv').default) => void;
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    expect(validate({ version: '2.1.0', runs: [{ tool: {} }] })).toBe(false); // the validator does reject
    for (const results of [demo, nasty(), []]) {
      const ok = validate(JSON.parse(formatters.sarif(results, ctx)));
      expect(validate.errors ?? []).toEqual([]);
      expect(ok).toBe(true);
    }
  });

  it('has what GitHub code scanning needs: rules with help, relative URIs, full regions, fingerprints', () => {
    const log = JSON.parse(formatters.sarif(demo, ctx)) as { runs: { tool: { driver: { rules: { id: string; helpUri: string; help: { text: string } }[] } }; results: { ruleId: string; ruleIndex: number; locations: { physicalLocation: { artifactLocation: { uri: string }; region: Record<string, number> } }[]; partialFingerprints: Record<string, string> }[] }[] };
    const run = log.runs[0]!;
    expect(run.results.length).toBe(demo.reduce((n, r) => n + r.diagnostics.length, 0));
    for (const r of run.results) {
      expect(run.tool.driver.rules[r.ruleIndex]!.id).toBe(r.ruleId);
      const loc = r.locations[0]!.physicalLocation;
      expect(loc.artifactLocation.uri).toMatch(/^fixtures\//);
      expect(Object.keys(loc.region).sort()).toEqual(['endColumn', 'endLine', 'startColumn', 'startLine']);
      expect(r.partialFingerprints['milintFingerprint/v1']).toMatch(/^[0-9a-f]{64}$/);
    }
  });
});

describe('JUnit', () => {
  it('is well-formed XML, with every problem a failing test case, also with characters to escape', () => {
    for (const results of [demo, nasty(), []]) {
      const out = formatters.junit(results, ctx);
      expect(XMLValidator.validate(out)).toBe(true);
      const doc = new XMLParser({ ignoreAttributes: false }).parse(out) as { testsuites: { '@_failures': string } };
      expect(Number(doc.testsuites['@_failures'])).toBe(results.reduce((n, r) => n + r.diagnostics.length, 0));
    }
  });
});

describe('GitLab Code Quality', () => {
  it('gives every issue a unique fingerprint, stable across runs and line moves', () => {
    const issues = JSON.parse(formatters.gitlab([...demo, ...nasty()], ctx)) as { fingerprint: string; severity: string; location: { path: string; lines: { begin: number } } }[];
    const fps = issues.map((i) => i.fingerprint);
    expect(new Set(fps).size).toBe(fps.length);
    expect(JSON.parse(formatters.gitlab([...demo, ...nasty()], ctx))).toEqual(issues);
    const moved = nasty().map((r) => ({ ...r, diagnostics: r.diagnostics.map((d) => ({ ...d, start: { line: 9, column: 1 }, end: { line: 9, column: 2 } })) }));
    expect((JSON.parse(formatters.gitlab(moved, ctx)) as { fingerprint: string }[]).map((i) => i.fingerprint))
      .toEqual((JSON.parse(formatters.gitlab(nasty(), ctx)) as { fingerprint: string }[]).map((i) => i.fingerprint));
    expect(new Set(issues.map((i) => i.severity))).toEqual(new Set(['major', 'minor']));
  });
});

describe('GitHub workflow commands', () => {
  it('escapes %, CR and LF in messages, and also : and , in properties', () => {
    expect(escapeData('100% a\r\nb')).toBe('100%25 a%0D%0Ab');
    expect(escapeProperty('a,b: c%')).toBe('a%2Cb%3A c%25');
    const out = formatters.github(nasty(), ctx).split('\n');
    expect(out[0]).toBe('::warning file=docs/a%2Cb%3Ac.md,line=1,endLine=1,col=1,endColumn=2,title=schema/unknown-key::Key "a,b: 100%25" <&> \'x\'%0D%0Asecond line\\x07');
    expect(out[1]).toMatch(/^::error /);
    expect(out[2]).toBe('::group::milint report');
    expect(out.at(-2)).toBe('::endgroup::');
  });

  it('puts the full report in a group after the annotations', () => {
    const out = formatters.github(demo, ctx);
    expect(out.match(/^::(error|warning|notice) /gm)).toHaveLength(demo.reduce((n, r) => n + r.diagnostics.length, 0));
    expect(out).toMatch(/::group::milint report\n[\s\S]*✖ \d+ problems[\s\S]*\n::endgroup::\n$/);
  });
});
