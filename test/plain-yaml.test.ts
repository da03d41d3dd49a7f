/**
 * The plain-subset loader must give exactly what js-yaml gives (values, types, key order) or give
 * up: on every block of every corpus we have, on generated YAML in every style the subset covers
 * and many it does not, and on mutated real blocks. It must also take most real blocks, or the
 * fast path it exists for has silently stopped paying.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import jsYaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { extract, formatOf } from '../src/extract/extract.js';
import { sourceFromText } from '../src/source/source-file.js';
import { SCHEMA } from '../src/parse/fast-block.js';
import { yamlText } from '../src/parse/parse-block.js';
import { GAVE_UP, loadPlainYaml } from '../src/parse/plain-yaml.js';
import { generateCorpus } from '../scripts/generate-corpus.js';
import { ROOT } from './helpers/exec.js';
import { filesBelow } from './helpers/files.js';
import { fuzzTimeLimit } from './helpers/fuzz.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 400) * 5;

/** A value written out with its types and key order, so that `1` and `'1'`, `{a, b}` and `{b, a}` differ. */
function typed(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(typed).join(',')}]`;
  if (v !== null && typeof v === 'object') {
    const proto = Object.getPrototypeOf(v) === Object.prototype ? '' : '!proto';
    return `{${proto}${Object.keys(v).map((k) => `${JSON.stringify(k)}:${typed((v as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  if (typeof v === 'number') return Object.is(v, -0) ? 'n:-0' : `n:${v}`;
  return `${typeof v}:${String(v)}`;
}

/** Loads `text` both ways; fails on any disagreement. Returns whether the plain loader took it. */
function agree(text: string): boolean {
  let expected: unknown;
  let threw = false;
  try {
    expected = jsYaml.load(text, { schema: SCHEMA, json: false });
  } catch {
    threw = true;
  }
  const got = loadPlainYaml(text, SCHEMA);
  if (got === GAVE_UP) return false;
  expect(threw, `js-yaml rejects what the plain loader took:\n${text}`).toBe(false);
  expect(typed(got), text).toBe(typed(expected));
  return true;
}

/** The YAML text of every block in the files below `dir`. */
function blocksBelow(dir: string): string[] {
  return filesBelow(dir).flatMap((path) => {
    const format = formatOf(path);
    if (!format || format === 'json') return [];
    const file = sourceFromText(path, readFileSync(path, 'utf8'));
    return extract(file, format, true).blocks.map((b) => yamlText(b.text));
  });
}

describe('plain-subset loader = js-yaml', () => {
  it('on every block of the timm docs, and takes nearly all of them', () => {
    const blocks = blocksBelow(join(ROOT, 'fixtures', 'corpus', 'timm'));
    const taken = blocks.filter(agree).length;
    expect(blocks.length).toBeGreaterThan(100);
    expect(taken / blocks.length).toBeGreaterThan(0.95);
  });

  it('on every block of the reference fixtures, the rule fixtures (bad input) and the demo zoo', () => {
    let taken = 0;
    let all = 0;
    for (const dir of ['corpus/pwc-model-index-tests', 'rules', 'demo', 'cli']) {
      for (const text of blocksBelow(join(ROOT, 'fixtures', dir))) {
        all++;
        if (agree(text)) taken++;
      }
    }
    expect(all).toBeGreaterThan(200);
    expect(taken).toBeGreaterThan(all / 2);
  });

  it('on an injected-error corpus, taking every generated page', () => {
    const { files } = generateCorpus({ pages: 200, seed: 3, inject: true });
    let taken = 0;
    for (const [path, text] of Object.entries(files)) {
      const format = formatOf(path);
      if (!format || format === 'json') continue;
      for (const b of extract(sourceFromText(path, text), format, true).blocks) if (agree(yamlText(b.text))) taken++;
    }
    expect(taken).toBeGreaterThan(150);
  });

  it.each([
    // The subset.
    ['Type: model-index\nModels:\n- Name: a\n  Metadata:\n    FLOPs: 10\n', true],
    ['Models:\n  - Name: a\n    Results:\n    - Task: x\n      Metrics:\n        Top 1: 7.5%\n', true],
    ['- - a\n  - b\n- -\n    c: 1\n-\n  d: 2\n', true],
    ['a: b\n  c\n', true], ['- a\n  b\n', true], ["a: 'x\n  y'\n", true], ["- k: 'it''s\n     long'  # c\n  j: x\n", true],
    ["a: 'it''s'  # note\nb: \"x y\"\nc: '0.95'\nd: -1\ne: .5\nf: 0x1F\ng: ~\nh: True\ni:\nj: +.inf\n", true],
    ['a: http://x/y#frag\nb: C#\nc#: v\nd: a,b [c] {d}\ne: x:y\n', true],
    ['  a: 1\n  b:\n  - x\n  c: 2\n', true],
    ['# top\n\na: 1   \n   # inner\n\nb: 2\n', true],
    // Integers read without the schema (1 to 15 digits, no leading 0) and the forms around them.
    ['a: 7\nb: 123456789012345\nc: 1234567890123456\nd: 0\ne: 012\nf: 1_000\ng: 1e3\nh: 12a\ni: 3.0\nj: 9 9\n', true],
    ['constructor: 1\ntoString: x\nhasOwnProperty: y\n', true],
    // Keys read again are taken from the last one with that length (mod 32) and first letter.
    ['Name: a\nNote: b\nm:\n- Note: c\n  Name: d\n', true],
    ['ab: 1\nb:\n  ab: 2\n  abcdefghijklmnopqrstuvwxyzABCDEFGH: 3\n  ab: 4\n', false],
    ['ab: 1\nb:\n  ab: 2\n  abcdefghijklmnopqrstuvwxyzABCDEFGH: 3\nabcdefghijklmnopqrstuvwxyzABCDEFGH: 4\n', true],
    // Outside it: js-yaml decides.
    ['a: [1, 2]\n', false], ['a: {b: 1}\n', false], ['a: |\n  x\n', false], ['a: >\n  x\n', false],
    ['-\n', false], ['- a\n-\n- b\n', false], ['a: b\n\n  c\n', false], ['a: b # c\n  d\n', false], ["a: 'x\n\n  y'\n", false], ['a: "x\\ny"\n', false],
    ['a: 1\na: 2\n', false], ["'a': 1\n", false], ['1: x\n', false], ['null: x\n', false], ['? a\n: b\n', false],
    ['a: &x 1\nb: *x\n', false], ['a: !!str 1\n', false], ['---\na: 1\n', false], ['a: 1\n...\n', false],
    ['a: b: c\n', false], ['a: b:\n', false], ['a:\n - x\n  - y\n', false], ['a:\n  b: 1\n c: 2\n', false],
    ['a: 1\n- x\n', false], ['- x\na: 1\n', false], ['a\n', false], ['', false], ['a:\n  x\n', false],
    ['a: x\r\nb: y\r\n', false], ['a: \u0085\n', false], ['\ufeffa: 1\n', false], ['a: 😀\n', false],
    ["a: 'x' y\n", false], ['a: "x"y\n', false], ['a: @x\n', false], ['a: %x\n', false], ['a: `x`\n', false],
    ['a:\tb\n', false], ['<<: {a: 1}\n', false], ['%YAML 1.2\n---\na: 1\n', false],
    ['__proto__: 1\n', false], ['a:\n  __proto__:\n    b: 1\n', false], ['constructor: 1\nconstructor: 2\n', false],
  ])('%j: taken %s', (text, taken) => {
    expect(agree(text)).toBe(taken);
  });

  it('leaves deep nesting to js-yaml and its limits', () => {
    const deep = (levels: number) => `${Array.from({ length: levels }, (_, i) => `${' '.repeat(i)}k:`).join('\n')} 1\n`;
    expect(agree(deep(60))).toBe(true);
    expect(agree(deep(70))).toBe(false);
  });

  it(`on generated YAML in and around the subset (${RUNS} runs)`, () => {
    const SCALARS = ['a', 'Top 1 Accuracy', '70.04%', '0.875', "'0.875'", '"224"', '42', '-7', '+3', '1e3', '1.5e-3',
      '0x1A', '0o17', '017', '0b11', '.inf', '-.Inf', '.NaN', 'true', 'False', 'yes', 'no', 'null', '~', 'NULL', 'Null',
      "'it''s'", "''", '""', 'a b  c', 'x # c', 'x#y', 'http://a.b/c?d=e#f', 'a:b', '- x', '-x', '?x', ':x', 'a, b',
      '1_000', '12:30', '2020-01-01', "'a\\b'", '"a\\b"', '[a]', '{a: 1}', '|', '>', '&a x', '*a', '!t x', "'x'#c", 'é', '×',
      "'multi", '"q"x', ' ', '', '#', '%', '@x', '`x`', '...', '---',
      // Over several lines: each line break is written with the style's continuation indentation.
      'Inception-v4, on\nLearning', "'FBNet: Hardware-Aware\nSearch'", "'it''s\nlong'", "'a \n  b'", 'a\n- b', 'a\nb: c',
      'a\n#b', "'a\n\nb'", 'a\n\nb', '1\n2', "'\nx'", 'x #c\ny', 'a\n[b]'];
    const KEYS = ['Name', 'In Collection', 'Top 1 Accuracy', 'a', 'b', 'C#', '1', 'null', 'true', "'q'", '"q"', '-k', '? k',
      'x y', 'key ', 'k:v', '<<', 'Name', 'Metadata', 'Results', 'long'.repeat(300)];
    type Node = string | { seq: Node[] } | { map: [string, Node][] };
    const node: fc.Memo<Node> = fc.memo((depth) => depth <= 1
      ? fc.constantFrom(...SCALARS)
      : fc.oneof(
        { weight: 3, arbitrary: fc.constantFrom(...SCALARS) },
        { weight: 1, arbitrary: fc.record({ seq: fc.array(node(depth - 1), { maxLength: 4 }) }) },
        { weight: 2, arbitrary: fc.record({ map: fc.array(fc.tuple(fc.constantFrom(...KEYS), node(depth - 1)), { maxLength: 4 }) }) },
      ));
    const style = fc.record({ step: fc.constantFrom(1, 2, 3, 4), cont: fc.constantFrom(-1, 0, 1, 2, 4), indentless: fc.boolean(), compact: fc.boolean(), comments: fc.boolean(), blank: fc.boolean(), trailing: fc.boolean() });
    type Style = { step: number; cont: number; indentless: boolean; compact: boolean; comments: boolean; blank: boolean; trailing: boolean };
    const write = (n: Node, indent: number, s: Style): string[] => {
      const pad = ' '.repeat(indent);
      const end = s.trailing ? '  ' : '';
      const note = s.comments ? ' # note' : '';
      const lines = (scalar: string): string => scalar.replaceAll('\n', `\n${' '.repeat(Math.max(0, indent + s.cont))}`);
      if (typeof n === 'string') return [`${pad}${lines(n)}${end}`];
      if ('seq' in n) {
        return n.seq.flatMap((item) => {
          if (typeof item === 'string') return [`${pad}- ${lines(item)}${end}`];
          const inner = write(item, indent + 2, s);
          if (s.compact && inner.length > 0) return [`${pad}- ${inner[0]!.slice(indent + 2)}`, ...inner.slice(1)];
          return [`${pad}-${note}`, ...inner, ...(s.blank ? [''] : [])];
        });
      }
      return n.map.flatMap(([k, v]) => {
        if (typeof v === 'string') return [`${pad}${k}: ${lines(v)}${end}`];
        const childIndent = 'seq' in v && s.indentless ? indent : indent + s.step;
        return [`${pad}${k}:${note}`, ...(s.comments ? [`${pad}# between`] : []), ...write(v, childIndent, s)];
      });
    };
    let taken = 0;
    fc.assert(fc.property(node(4), style, (n, s) => {
      const text = `${write(n, 0, s).join('\n')}\n`;
      if (agree(text)) taken++;
    }), { numRuns: RUNS, seed: Number(process.env.FUZZ_SEED ?? 1) });
    expect(taken).toBeGreaterThan(RUNS / 20);
  }, fuzzTimeLimit);

  it(`on mutated real blocks (${RUNS} runs)`, () => {
    const seeds = blocksBelow(join(ROOT, 'fixtures', 'corpus', 'timm', 'docs', 'models')).slice(0, 30);
    const INSERT = [' ', '  ', '-', '- ', ':', ': ', '#', ' #', "'", '"', '\\', '[', '{', '&', '*', '!', '|', '>', '?', '%', '@',
      '\n', '\n  ', '\n- ', '---', '...', '\t', '\r', '\u0085', '\ufeff', 'é', '😀', 'null', 'true', '0x', '1e', '~', '<<'];
    fc.assert(fc.property(fc.nat(seeds.length - 1), fc.array(fc.tuple(fc.nat(), fc.nat(6), fc.constantFrom(...INSERT)), { minLength: 1, maxLength: 4 }), (s, edits) => {
      let text = seeds[s]!;
      for (const [at, cut, insert] of edits) {
        const i = at % (text.length + 1);
        text = text.slice(0, i) + insert + text.slice(i + (cut > 3 ? cut - 3 : 0));
      }
      agree(text);
    }), { numRuns: RUNS, seed: Number(process.env.FUZZ_SEED ?? 1) + 1 });
  }, fuzzTimeLimit);
});
