/**
 * The generated parts of a rule's page (docs/rules/<family>/<name>.md): title, summary, severity
 * in each preset, fixable or not, options with their defaults. They come from the registry, so they
 * never drift from it; the hand-written part between the markers (why, bad and good examples) is
 * kept as it is. `node scripts/rule-docs.js` writes the pages; a test checks them.
 */
import { z } from 'zod';
import { resolveConfig } from '../config/resolve-config.js';
import { PRESET_NAMES } from '../config/types.js';
import type { Rule } from '../rules/define-rule.js';

export const HAND_START = '<!-- hand-written: start (kept by scripts/rule-docs.js) -->';
export const HAND_END = '<!-- hand-written: end -->';

const SEVERITY_WORD = { off: 'off', info: 'info', warning: 'warning', error: 'error' } as const;

/** The rule's severity under each preset, e.g. `recommended: error, strict: error, ...`. */
export function presetSeverities(rule: Rule): [preset: string, severity: string][] {
  return PRESET_NAMES.map((p) => [p, SEVERITY_WORD[resolveConfig({ preset: p }).rules.get(rule.meta.id)!.severity]]);
}

/** The options and their defaults, as `name: default` pairs (none: empty). */
export function optionDefaults(rule: Rule): [name: string, value: string][] {
  if (!rule.options) return [];
  const defaults = rule.options.parse({}) as Record<string, unknown>;
  const keys = rule.options instanceof z.ZodObject ? Object.keys(rule.options.shape as object) : Object.keys(defaults);
  return keys.map((k) => [k, JSON.stringify(defaults[k])]);
}

/** The part above the hand-written text. */
export function docHeader(rule: Rule): string {
  const { id, defaultSeverity, fixable, description } = rule.meta;
  const presets = presetSeverities(rule).map(([p, s]) => `| ${p} | ${s} |`);
  const options = optionDefaults(rule);
  return [
    `# ${id}`, '',
    description, '',
    `- Default severity: ${defaultSeverity}`,
    `- Fixable: ${fixable ? 'yes (`--fix` writes the fix)' : 'no'}`,
    `- Options: ${options.length ? options.map(([k, v]) => `\`${k}\` (default \`${v}\`)`).join(', ') : 'none'}`, '',
    '| Preset | Severity |', '| --- | --- |', ...presets, '',
    options.length ? `Set options in the configuration: \`rules: { ${id}: [warn, { ${options.map(([k, v]) => `${k}: ${v}`).join(', ')} }] }\`.\n` : '',
  ].filter((l, i, all) => !(l === '' && all[i - 1] === '')).join('\n');
}

/** A whole page: the generated header, the hand-written part, a generated footer. */
export function rulePage(rule: Rule, handWritten: string): string {
  return `${docHeader(rule)}\n${HAND_START}\n\n${handWritten.trim()}\n\n${HAND_END}\n\n`
    + `Generated parts of this page come from milint's rule registry (\`node scripts/rule-docs.js\`); \`milint rules ${rule.meta.id}\` prints it.\n`;
}

/** The hand-written part of a page, or undefined when the markers are missing. */
export function handWrittenPart(page: string): string | undefined {
  const start = page.indexOf(HAND_START);
  const end = page.indexOf(HAND_END);
  return start < 0 || end < start ? undefined : page.slice(start + HAND_START.length, end).trim();
}
