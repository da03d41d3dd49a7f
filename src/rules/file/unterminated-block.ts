import { defineRule } from '../define-rule.js';

export const fileUnterminatedBlock = defineRule({
  meta: {
    id: 'file/unterminated-block', stage: 'file', defaultSeverity: 'error', fixable: false,
    detectedIn: ['src/parse/load-file.ts'],
    description: 'A model-index comment must end with `-->` and front matter with a closing `---` line.',
  },
  messages: {
    comment: () => 'This model-index comment is never closed: add `-->` after its last line (the rest of the page is hidden in the comment).',
    frontMatter: () => 'This front matter holds `model-index` but is never closed: add a `---` line after it.',
    frontMatterNotFirst: (d) => `This front matter holds \`model-index\` but does not start the file (${before(d.before)} comes first), so the Hugging Face Hub does not read it: remove the text before the \`---\` line.`,
  },
});

/** The text before the front matter as written (`\n`), control characters shown as `?`. */
function before(text: string | number | undefined): string {
  return `\`${String(text ?? '').replace(/[\u0000-\u001f\u007f-\u009f`]/g, '?')}\``;
}
