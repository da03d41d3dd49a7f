import { describe, expect, it } from 'vitest';
import { lintTree } from '../helpers/tmp.js';

const rows = (files: Record<string, string>) => {
  const run = lintTree(files);
  return run.results.flatMap((r) => r.diagnostics.map((d) => `${r.file.slice(run.dir.length + 1)}:${d.start.line} ${d.ruleId}${d.messageId === 'unused' ? ' unused' : ''}`));
};

let n = 0;
const block = (weights: string[]) => `<!--\nType: model-index\nModels:\n${weights.map((w) => `- Name: m${n++}\n  Weights: ${w}\n`).join('')}-->\n`;
const HTTP = 'http://example.org/w.pth';

describe('inline disables', () => {
  it('Markdown: disable ... enable covers the range, for the rules named', () => {
    expect(rows({
      'a.md': `# A\n\n<!-- milint-disable url/https -- mirror without https -->\n${block([HTTP])}<!-- milint-enable url/https -->\n${block([`${HTTP}2`])}`,
    })).toEqual(['a.md:15 url/https']);
  });

  it('Markdown: a bare disable covers every rule until the end of the file', () => {
    expect(rows({ 'a.md': `<!-- milint-disable -->\n${block([HTTP, 'not a url'])}` })).toEqual([]);
  });

  it('Markdown: disable-next-line covers the line after the comment only', () => {
    const text = `<!--\nType: model-index\nModels:\n- Name: a\n  Weights: ${HTTP}\n-->\n`;
    expect(rows({ 'a.md': `<!-- milint-disable-next-line url/https -->\n${text}` })).toEqual(['a.md:1 file/unused-disable unused', 'a.md:6 url/https']);
  });

  it('YAML: disable-line and disable-next-line inside a Markdown comment and in a YAML file', () => {
    expect(rows({
      'a.md': `<!--\nType: model-index\nModels:\n- Name: a\n  Weights: ${HTTP}a  # milint-disable-line url/https\n- Name: b\n  # milint-disable-next-line url/https, schema/invalid-value -- two rules\n  Weights: ${HTTP}b\n-->\n`,
      'model-index.yml': `Models:\n- Name: c\n  Weights: ${HTTP}c # milint-disable-line\n- Name: d\n  Weights: ${HTTP}d # milint-disable-line metadata/number\n`,
    })).toEqual(['model-index.yml:5 url/https', 'model-index.yml:5 file/unused-disable unused']);
  });

  it('YAML: a directive at the start of a line (above a root-level key) counts', () => {
    expect(rows({
      'a.md': '# A\n\n<!--\nType: model-index\n# milint-disable-next-line schema/unknown-key\nModelz: []\n-->\n',
      'model-index.yml': 'Models: []\n# milint-disable-next-line schema/unknown-key\nModelz: []\n',
    })).toEqual(['model-index.yml:1 schema/empty-value']);
  });

  it('a YAML-looking comment outside a block is prose, not a directive', () => {
    expect(rows({ 'a.md': `# milint-disable-line url/https\n\n${block([HTTP])}` })).toEqual(['a.md:7 url/https']);
  });

  it('a directive inside a code block is an example, not a directive', () => {
    expect(rows({ 'a.md': `\`\`\`\n<!-- milint-disable -->\n\`\`\`\n${block([HTTP])}` })).toEqual(['a.md:8 url/https']);
  });

  it('an unknown rule id is reported with a suggestion, and the unused directive is not', () => {
    const run = lintTree({ 'a.md': `<!-- milint-disable url/htps -->\n${block([HTTP])}` });
    expect(run.results[0]!.diagnostics.map((d) => `${d.start.line} ${d.ruleId} ${d.message}`)).toEqual([
      '1 file/unused-disable Unknown rule "url/htps" in a milint directive; did you mean "url/https"?',
      '6 url/https Weights uses plain http ("http://example.org/w.pth"); use https if the server offers it.',
    ]);
  });

  it('YAML: # milint-disable ... # milint-enable covers a range, in a YAML file and in a Markdown block', () => {
    expect(rows({
      'model-index.yml': `Models:\n# milint-disable url/https -- mirrors\n- Name: c\n  Weights: ${HTTP}c\n- Name: d\n  Weights: ${HTTP}d\n# milint-enable url/https\n- Name: e\n  Weights: ${HTTP}e\n`,
      'a.md': `<!--\nType: model-index\nModels:\n# milint-disable\n- Name: a\n  Weights: ${HTTP}a\n  Metadata:\n    Epochs: -1\n-->\n`,
    })).toEqual(['model-index.yml:9 url/https']);
  });

  it('a directive that can never apply is reported: an unknown form, a typo, an enable without a disable', () => {
    const run = lintTree({
      'a.md': `<!-- milint-disable-line url/https -->\n${block([HTTP])}<!-- milint-enable url/https -->\n`,
      'model-index.yml': `Models:\n- Name: c\n  Weights: ${HTTP}c # milint-disabled-line url/https\n`,
    });
    expect(run.results.flatMap((r) => r.diagnostics.map((d) => `${r.file.slice(run.dir.length + 1)}:${d.start.line}:${d.start.column} ${d.ruleId} ${d.message}`))).toEqual([
      'a.md:1:1 file/unused-disable Unknown directive "milint-disable-line": it never applies. Here milint knows milint-disable, milint-enable, milint-disable-next-line.',
      'a.md:6 url/https Weights uses plain http ("http://example.org/w.pth"); use https if the server offers it.'.replace('a.md:6', 'a.md:6:12'),
      'a.md:8:1 file/unused-disable "milint-enable url/https" follows no milint-disable of its rules: it never applies; remove it.',
      'model-index.yml:3:12 url/https Weights uses plain http ("http://example.org/w.pthc"); use https if the server offers it.',
      'model-index.yml:3:38 file/unused-disable Unknown directive "milint-disabled-line": it never applies. Here milint knows milint-disable, milint-enable, milint-disable-line, milint-disable-next-line.',
    ]);
  });
});
