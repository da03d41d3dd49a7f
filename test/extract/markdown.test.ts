import { describe, expect, it } from 'vitest';
import { extractMarkdown } from '../../src/extract/markdown.js';
import { sourceFromText } from '../../src/source/source-file.js';

const blocks = (text: string, lenient = false) => {
  const file = sourceFromText('/x.md', text);
  const r = extractMarkdown(file, { lenient });
  return {
    blocks: r.blocks.map((b) => ({ kind: b.kind, offset: b.offset, text: b.text })),
    problems: r.problems.map((p) => ({ kind: p.kind, line: file.lines.position(p.span.start).line })),
  };
};

const MI = 'Type: model-index\nModels: []\n';

describe('extractMarkdown: comments', () => {
  it('finds several comments, each with the offset of its YAML', () => {
    const text = `a\n<!--\n${MI}-->\nb\n<!--\n${MI}-->\n`;
    const r = blocks(text);
    expect(r.blocks).toHaveLength(2);
    for (const b of r.blocks) expect(text.slice(b.offset, b.offset + b.text.length)).toBe(b.text);
    expect(r.blocks[0]!.text).toBe(`\n${MI}`);
  });

  it('accepts Type in any case and modelindex', () => {
    expect(blocks('<!--\ntype: ModelIndex\nModels: []\n-->').blocks).toHaveLength(1);
    expect(blocks('<!--\nTYPE: "model-index"\n-->').blocks).toHaveLength(1);
  });

  it('skips other comments, and accepts a comment without Type only when lenient', () => {
    expect(blocks('<!-- just a note -->\n<!--\nModels: []\n-->').blocks).toHaveLength(0);
    expect(blocks('<!--\nModels: []\n-->', true).blocks).toHaveLength(1);
    expect(blocks('<!--\nType: other\nModels: []\n-->', true).blocks).toHaveLength(0);
  });

  it.each([
    ['a fenced code block', `\`\`\`md\n<!--\n${MI}-->\n\`\`\`\n`],
    ['a tilde fence', `~~~~\n<!--\n${MI}-->\n~~~~\n`],
    ['a longer fence that a shorter one does not close', `\`\`\`\`\n\`\`\`\n<!--\n${MI}-->\n\`\`\`\`\n`],
    ['an indented code block', `text\n\n    <!--\n    ${MI.replace('\n', '\n    ')}    -->\n`],
    ['an inline code span', `Write \`<!-- ${MI.replace(/\n/g, ' ')} -->\` in the page.\n`],
    ['an inline code span over two lines', `Write \`<!--\n${MI.trim()} -->\` here.\n`],
  ])('ignores comments inside %s', (_name, text) => {
    expect(blocks(text).blocks).toEqual([]);
  });

  it('reads a comment after a closed fence', () => {
    expect(blocks(`\`\`\`\ncode\n\`\`\`\n<!--\n${MI}-->\n`).blocks).toHaveLength(1);
  });

  it.each([
    ['CRLF lines, fence closed', `\`\`\`\r\ncode\r\n\`\`\`\r\n<!--\r\n${MI.replace(/\n/g, '\r\n')}-->\r\n`, 1],
    ['CRLF lines, inside the fence', `\`\`\`\r\n<!--\r\n${MI.replace(/\n/g, '\r\n')}-->\r\n\`\`\`\r\n`, 0],
    ['a fence opened after three spaces', `   \`\`\`\n<!--\n${MI}-->\n   \`\`\`\n`, 0],
    ['four spaces: indented code, not a fence', `text\n\n    \`\`\`\n\n<!--\n${MI}-->\n`, 1],
    ['a tab before backticks is no fence opening', `\t\`\`\`\n\n<!--\n${MI}-->\n`, 1],
    ['a fence closed by a longer one, with trailing spaces', `~~~\n<!--\n${MI}-->\n~~~~~  \n<!--\n${MI}-->\n`, 1],
    ['a closing line indented by a tab does not close it', `\`\`\`\n\t\`\`\`\n<!--\n${MI}-->\n\`\`\`\n`, 0],
  ])('fences: %s', (_name, text, count) => {
    expect(blocks(text).blocks).toHaveLength(count);
  });

  it('reads a comment after an unmatched backtick', () => {
    expect(blocks(`A lone \` here.\n\n<!--\n${MI}-->\n`).blocks).toHaveLength(1);
  });

  it('reports an unterminated model-index comment', () => {
    expect(blocks(`# t\n\n<!--\n${MI}`)).toEqual({ blocks: [], problems: [{ kind: 'unterminated-comment', line: 3 }] });
    expect(blocks('# t\n<!-- a note never closed').problems).toEqual([]);
  });
});

describe('extractMarkdown: front matter', () => {
  const fm = 'model-index:\n- name: m\n  results: []\n';
  it.each([
    ['LF', `---\n${fm}---\n# Card\n`],
    ['CRLF', `---\r\n${fm.replace(/\n/g, '\r\n')}---\r\n# Card\r\n`],
    ['closing --- at end of file', `---\n${fm}---`],
    ['closing ... line', `---\n${fm}...\n`],
    ['trailing spaces after the markers', `---  \n${fm}---   \n`],
  ])('finds model-index front matter (%s)', (_name, text) => {
    const r = blocks(text);
    expect(r.blocks.map((b) => b.kind)).toEqual(['front-matter']);
    expect(r.blocks[0]!.text.replace(/\r\n/g, '\n')).toBe(fm);
  });

  it('ignores front matter without model-index', () => {
    expect(blocks('---\ntags: [a]\n---\n').blocks).toEqual([]);
  });

  it('reports unterminated front matter that holds model-index', () => {
    expect(blocks(`---\n${fm}# Card\n`).problems).toEqual([{ kind: 'unterminated-front-matter', line: 1 }]);
  });

  it('reads comments after the front matter too', () => {
    expect(blocks(`---\n${fm}---\n<!--\n${MI}-->\n`).blocks.map((b) => b.kind)).toEqual(['front-matter', 'comment']);
  });
});
