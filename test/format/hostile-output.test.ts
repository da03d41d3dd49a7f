/**
 * Output hygiene: control characters, escape sequences and bidi controls from file names and file
 * content are shown escaped in every human format and in GitHub's workflow commands; SARIF URIs
 * are percent-encoded. Checked on a hostile result set and end to end on a hostile repository.
 */
import { join } from 'node:path';
import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import type { Diagnostic, FileResult } from '../../src/types.js';
import { formatters } from '../../src/format/index.js';
import { pathToUriReference, safeLine, safeText } from '../../src/io/sanitize.js';
import { milint } from '../helpers/exec.js';
import { tmpTree } from '../helpers/tmp.js';

const ROOTDIR = '/project';
const ctx = { cwd: ROOTDIR, chalk: new Chalk({ level: 0 }) };
const NAME = 'a\n::error file=X,line=1::Injected\n.md';
const ESCAPES = '\x1b[2J\x1b]0;pwned\x07\x1b]8;;https://evil.example/\x1b\\link\x1b]8;;\x1b\\\u009b31m\u202egnp.exe\u2066x\u2069\u200f\x7f\x00';
/** Raw bytes a terminal or a log acts on (tab and LF are layout). */
const RAW = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

/** A problem on line 2 of a file whose name and content carry every kind of control. */
const hostile = (): FileResult[] => {
  const source = `<!--\nName: ${ESCAPES}\tend\n-->\n`;
  const d: Diagnostic = {
    ruleId: 'schema/unknown-key', messageId: 'unknown', severity: 'error',
    message: `Unknown key "${ESCAPES}".\n::error file=Y,line=1::Also injected`, data: {}, file: join(ROOTDIR, NAME),
    span: { start: 11, end: 20 }, start: { line: 2, column: 7 }, end: { line: 2, column: 16 }, path: ['Name'], docsUrl: '',
  };
  return [{ file: d.file, diagnostics: [d], source }];
};

describe('sanitizer', () => {
  it('escapes C0, DEL, C1 and bidi controls; leaves other text alone; safeLine keeps tabs', () => {
    expect(safeText('a\x1b[2Jb\u009b\u202e\t\n\r\x7f')).toBe('a\\x1b[2Jb\\x9b\\u202e\\t\\n\\r\\x7f');
    expect(safeLine('\tx\x1b')).toBe('\tx\\x1b');
    for (const ok of ['Name: résumé ✔ 模型', 'a:b,c%d "e" <f>']) expect(safeText(ok)).toBe(ok);
  });

  it('SARIF URIs are relative references with each segment percent-encoded (RFC 3986)', () => {
    expect(pathToUriReference('docs/a b/c#d?e%f.md')).toBe('docs/a%20b/c%23d%3Fe%25f.md');
    expect(pathToUriReference('x:y/(1)!*\'.md')).toBe('x%3Ay/%281%29%21%2A%27.md');
    expect(pathToUriReference('configs/vit/metafile.yml')).toBe('configs/vit/metafile.yml');
  });
});

describe('formatters on hostile results', () => {
  for (const name of ['stylish', 'compact', 'junit'] as const) {
    it(`${name}: no raw control, escape or bidi character, no line that starts a workflow command`, () => {
      const out = formatters[name](hostile(), ctx);
      expect(out).not.toMatch(RAW);
      expect(out).not.toMatch(/^\s*::/m);
      expect(out).toContain('\\x1b[2J');
      expect(out).toContain('\\u202e');
    });
  }

  it('stylish: the caret stays under the span in the escaped code frame, and colours still work', () => {
    const [h] = hostile();
    const r: FileResult[] = [{ ...h!, source: 'x\nName: \x1b[2Jbad\n', diagnostics: [{ ...h!.diagnostics[0]!, start: { line: 2, column: 11 }, end: { line: 2, column: 14 } }] }];
    const lines = formatters.stylish(r, ctx).split('\n');
    const at = lines.findIndex((l) => l.includes('| Name: \\x1b[2Jbad'));
    expect(lines[at + 1]!.indexOf('^')).toBe(lines[at]!.indexOf('[2J') + 3);
    expect(lines[at + 1]).toMatch(/\^{3}$/);
    const coloured = formatters.stylish(hostile(), { ...ctx, chalk: new Chalk({ level: 1 }) });
    expect(coloured).toContain('\x1b[31merror\x1b[39m');
    expect(coloured.replace(/\x1b\[\d+(;\d+)*m/g, '')).not.toMatch(RAW);
  });

  it('github: one annotation per problem at a line start, properties and data escaped, the grouped report escaped', () => {
    const out = formatters.github(hostile(), ctx);
    const commands = out.split('\n').filter((l) => l.startsWith('::'));
    expect(commands.map((l) => l.split(' ')[0])).toEqual(['::error', '::group::milint', '::endgroup::']);
    expect(commands[0]).toMatch(/^::error file=a%0A%3A%3Aerror file=X%2Cline=1%3A%3AInjected%0A\.md,line=2,/);
    expect(out).not.toMatch(RAW);
  });

  it('sarif: the artifact URI is percent-encoded', () => {
    const log = JSON.parse(formatters.sarif(hostile(), ctx)) as { runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
    expect(log.runs[0]!.results[0]!.locations[0]!.physicalLocation.artifactLocation.uri).toBe('a%0A%3A%3Aerror%20file%3DX%2Cline%3D1%3A%3AInjected%0A.md');
  });
});

describe('end to end: a hostile file name and hostile content', () => {
  it('stylish, compact and github print no raw controls and no injected workflow command', () => {
    // Raw bytes in the file: the code frame shows the line as it is on disk.
    const page = `# Model\n\n<!--\nType: model-index\nModels:\n- Name: x\u202Eevil # \x1b[2J\x1b]0;pwned\x07\n  Metadata: {Epochs: -1}\n-->\n`;
    const dir = tmpTree({ [NAME]: page });
    for (const format of ['stylish', 'compact', 'github']) {
      const r = milint([NAME, '-f', format, '--no-config'], dir);
      expect(r.code).toBe(1);
      expect(r.stderr).toBe('');
      expect(r.stdout).not.toMatch(RAW);
      expect(r.stdout).not.toMatch(/^::error file=X/m);
      expect(r.stdout).toContain(format === 'github' ? 'file=a%0A%3A%3Aerror' : 'a\\n::error file=X');
      if (format !== 'compact') expect(r.stdout).toContain('| - Name: x\\u202eevil # \\x1b[2J');
    }
  });

  it('--fix-dry-run: the diff shows the changed lines escaped', () => {
    const page = '# m\n\n<!--\nType: model-index\nModels:\n- Name: m\n  Metadata:\n    Crop Pct: 0.875 # \x1b[2J\u202e\n-->\n';
    const r = milint(['--stdin', '--fix-dry-run', '--preset', 'timm', '--no-config', '-f', 'compact'], tmpTree({}), page);
    expect(r.stdout).toContain("+    Crop Pct: '0.875' # \\x1b[2J\\u202e");
    expect(r.stdout).not.toMatch(RAW);
  });

  it('export, json, sarif and gitlab: DEL, C1 and bidi controls are \\u escapes, and the data reads back the same', async () => {
    const { parse } = await import('yaml');
    const name = 'x\u202eevil\u009b31m\u007f\u2066';
    const dir = tmpTree({ 'model-index.yml': 'Models:\n- Name: "x\\u202Eevil\\x9b31m\\x7f\\u2066"\n  Metadata: {Epochs: -1}\n' });
    for (const format of ['json', 'yaml']) {
      const r = milint(['export', 'model-index.yml', '-f', format], dir);
      expect(r.code).toBe(0);
      expect(r.stdout).not.toMatch(RAW);
      expect(JSON.stringify(format === 'json' ? JSON.parse(r.stdout) : parse(r.stdout))).toContain(JSON.stringify(name).slice(1, -1));
    }
    const data = { 'x\u202e': name };
    for (const format of ['json', 'sarif', 'gitlab', 'json-with-metadata'] as const) {
      const out = formatters[format]([{ ...hostile()[0]!, diagnostics: hostile()[0]!.diagnostics.map((d) => ({ ...d, message: name, data })) }], ctx);
      expect(out).not.toMatch(RAW);
      expect(out).toContain('\\u202e');
    }
  });
});
