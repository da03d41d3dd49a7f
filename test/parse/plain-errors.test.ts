/**
 * YAML syntax errors in plain words, at the line of the mistake, and never with a parser code
 * (`[BLOCK_AS_IMPLICIT_KEY]`) in the sentence: the code stays in `data.code`.
 */
import { describe, expect, it } from 'vitest';
import { lintText } from '../../src/lint/lint.js';

const syntax = (text: string) => lintText(text, 'model-index.yml', { config: false }).results
  .flatMap((r) => r.diagnostics.filter((d) => d.ruleId === 'yaml/syntax'));

describe('plain YAML syntax errors', () => {
  it.each([
    ['a key indented under a key that has a value', 'Models:\n- Name: a\n  Weights: x\n    Config: y\n', 4, 'BLOCK_AS_IMPLICIT_KEY'],
    ['a missing colon', 'Models:\n- Name: a\n  Weights x\n  Config: y\n', 3, 'MULTILINE_IMPLICIT_KEY'],
    ['a quote never closed', 'Models:\n- Name: "a\n  Config: y\n', 2, 'MISSING_CHAR'],
    ['a [ never closed', 'Models:\n- Name: a\n  Results: [1, 2\n  Config: y\n', 3, 'BAD_INDENT'],
    ['a tab', 'Models:\n- Name: a\n\tWeights: x\n', 3, 'TAB_AS_INDENT'],
    ['a key out of line', 'Models:\n- Name: a\n  Metadata:\n    FLOPs: 1\n   Parameters: 2\n', 5, 'BAD_INDENT'],
  ])('%s', (_name, text, line, code) => {
    const [d, ...rest] = syntax(text);
    expect(rest).toEqual([]);
    expect(d!.start.line).toBe(line);
    expect(d!.data.code).toBe(code);
    expect(d!.message).toMatch(/^YAML syntax error: [a-z]/);
    expect(d!.message).not.toMatch(/\[[A-Z_]+\]/);
  });
});
