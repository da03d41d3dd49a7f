/**
 * Hover and completion: both read the text at the cursor (see cursor.ts), never the last lint, so
 * they answer in a half-typed block; only `In Collection` names come from the index.
 */
import { CompletionItemKind, MarkupKind, type CompletionItem, type Hover, type Range } from 'vscode-languageserver';
import { displayKey } from '../source/keys.js';
import { INTERPOLATIONS } from '../rules/metadata/interpolation.js';
import type { ModelIndex } from '../model/types.js';
import type { EffectiveConfig } from '../config/types.js';
import { formatOf } from '../extract/extract.js';
import { cursorAt } from './cursor.js';
import { keyDoc, keysAt, RULE_IDS, ruleDescription, ruleDoc } from './help.js';

/** A directive up to the cursor: `milint-disable… id, id, partial`. */
const DIRECTIVE = /milint-(?:disable-next-line|disable-line|disable|enable)((?:\s+[\w/-]+,?)*\s+)([\w/-]*)$/;
const RULE_ID = /[a-z]+\/[a-z0-9-]+/g;

export function hoverAt(path: string, text: string, line: number, character: number): Hover | null {
  const c = cursorAt(path, text, line, character);
  if (/milint-(disable|enable)/.test(c.line)) {
    for (const m of c.line.matchAll(RULE_ID)) {
      if (character < m.index || character > m.index + m[0].length) continue;
      const value = ruleDoc(m[0]);
      if (value) return { contents: { kind: MarkupKind.Markdown, value }, range: { start: { line, character: m.index }, end: { line, character: m.index + m[0].length } } };
    }
  }
  if (!c.block) return null;
  // JSON puts several keys on a line (`{"Name": "x", "In Collection": "Y"}`): the one under the cursor.
  const key = formatOf(path) === 'json' ? jsonKeyAt(c.line, character) : c.key;
  if (!key || character < key.start || character > key.end) return null;
  const value = keyDoc(key.name);
  if (!value) return null;
  return { contents: { kind: MarkupKind.Markdown, value }, range: { start: { line, character: key.start }, end: { line, character: key.end } } };
}

/** The JSON key (a string followed by `:`) spanning `character` on a line, quotes included in its span. */
function jsonKeyAt(line: string, character: number): { name: string; start: number; end: number } | undefined {
  for (const m of line.matchAll(/"((?:[^"\\]|\\.)*)"\s*:/g)) {
    const end = m.index + m[1]!.length + 2;
    if (character >= m.index && character <= end) return { name: m[1]!, start: m.index, end };
  }
  return undefined;
}

export function completionsAt(
  path: string, text: string, line: number, character: number, index: ModelIndex | undefined, config: EffectiveConfig,
): CompletionItem[] {
  const c = cursorAt(path, text, line, character);
  const directive = DIRECTIVE.exec(c.before);
  if (directive) {
    const named = new Set(directive[1]!.split(/[\s,]+/));
    const after = /^[\w/-]*/.exec(c.line.slice(c.before.length))![0];
    const range = spanAround(line, character, directive[2]!.length, after.length);
    return RULE_IDS.filter((id) => !named.has(id)).map((id) => ({
      label: id, kind: CompletionItemKind.Value, detail: ruleDescription(id), filterText: id, textEdit: { range, newText: id },
    }));
  }
  if (!c.block) return [];
  // After `key:` on the line: values of that key.
  const valueOf = /^\s*(?:-\s+)?([^\s#:'"][^:#]*?)\s*:\s+([^#]*)$/.exec(c.before);
  if (valueOf) {
    // The item replaces the whole value (names have spaces: `CSP Res` + `CSP ResNet` is not `CSP CSP ResNet`).
    const rest = c.line.slice(c.before.length).split(/\s#|-->/)[0]!.trimEnd();
    const range = spanAround(line, character, valueOf[2]!.length, rest.length);
    return valuesFor(displayKey(valueOf[1]!), index, config).map((item) => ({ ...item, filterText: item.label, textEdit: { range, newText: item.label } }));
  }
  // A key being typed (or an empty line) in a mapping; front matter is the Hugging Face dialect,
  // whose keys the Papers-with-Code levels do not describe.
  if (!/^\s*(-\s+)?[^:#]*$/.test(c.before) || c.block.kind === 'front-matter') return [];
  return keysAt(c.parents).map((k) => {
    const doc = keyDoc(k);
    return {
      label: k, kind: CompletionItemKind.Property, insertText: `${k}: `,
      ...(doc ? { documentation: { kind: MarkupKind.Markdown, value: doc } } : {}),
    };
  });
}

/** The range from `before` characters before the cursor to `after` characters after it, on its line. */
function spanAround(line: number, character: number, before: number, after: number): Range {
  return { start: { line, character: character - before }, end: { line, character: character + after } };
}

function valuesFor(key: string, index: ModelIndex | undefined, config: EffectiveConfig): CompletionItem[] {
  if (key === 'Interpolation') {
    const extra = (config.rules.get('metadata/interpolation')?.options as { values?: string[] } | undefined)?.values ?? [];
    return [...new Set([...INTERPOLATIONS, ...extra])].map((v) => ({ label: v, kind: CompletionItemKind.EnumMember }));
  }
  if (key === 'In Collection') {
    const names = new Set<string>();
    for (const e of index?.collections ?? []) if (typeof e.name?.value === 'string') names.add(e.name.value);
    return [...names].sort().map((n) => ({ label: n, kind: CompletionItemKind.Reference, detail: 'collection' }));
  }
  return [];
}
