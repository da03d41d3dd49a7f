/**
 * Builds the effective configuration: each rule's default, then the presets (a preset's own base
 * first), then the config file's `rules`, then `--preset` and `--rule` from the command line.
 * A setting that gives only a severity keeps the options set before it; one with options
 * replaces them. Every problem is a ConfigError naming the bad key, with a suggestion.
 */
import type { RuleId } from '../types.js';
import { ConfigError } from '../errors.js';
import { rules } from '../rules/index.js';
import { closest } from '../rules/helpers/suggest.js';
import { PRESETS } from './presets.js';
import { PRESET_NAMES, type EffectiveConfig, type PresetName, type SeveritySetting } from './types.js';

export interface ConfigInput {
  /** The config file's content, as read (validated here). */
  readonly file?: { readonly path: string; readonly data: unknown };
  /** `--preset`: replaces the file's `extends`. */
  readonly preset?: string;
  /** `--rule 'id: severity'` settings, in order. */
  readonly ruleFlags?: readonly string[];
}

const TOP_KEYS = ['$schema', 'extends', 'rules', 'ignores', 'rootDir'];
const SEVERITIES: Record<string, SeveritySetting> = {
  off: 'off', 0: 'off', info: 'info', warn: 'warning', warning: 'warning', 1: 'warning', error: 'error', 2: 'error',
};

export function resolveConfig(input: ConfigInput = {}): EffectiveConfig {
  const where = input.file ? `in ${input.file.path}` : '';
  const of = input.file ? ` of ${input.file.path}` : '';
  const data = input.file ? asObject(input.file.data, `The configuration ${where}`) : {};
  for (const key of Object.keys(data)) {
    if (!TOP_KEYS.includes(key)) throw unknown(`key "${key}"`, where, key, TOP_KEYS);
  }
  const settings = new Map<RuleId, { severity: SeveritySetting; options: unknown }>();
  for (const r of rules) settings.set(r.meta.id, { severity: r.meta.defaultSeverity, options: undefined });

  const extendsList = input.preset !== undefined ? [input.preset] : toList(data.extends ?? 'recommended', `"extends"${of}`);
  const applied: PresetName[] = [];
  const applyPreset = (name: string, ctx: string): void => {
    if (!(PRESET_NAMES as readonly string[]).includes(name)) throw unknown(`preset "${name}"`, ctx, name, PRESET_NAMES);
    const preset = PRESETS[name as PresetName];
    if (preset.extends) applyPreset(preset.extends, ctx);
    for (const [id, s] of Object.entries(preset.rules)) apply(settings, id, s, `in preset ${name}`);
    applied.push(name as PresetName);
  };
  for (const p of extendsList) applyPreset(String(p), input.preset !== undefined ? 'in --preset' : `in "extends"${of}`);

  if (data.rules !== undefined) {
    for (const [id, s] of Object.entries(asObject(data.rules, `"rules"${of}`))) apply(settings, id, s, `in "rules"${of}`);
  }
  for (const flag of input.ruleFlags ?? []) {
    const m = /^\s*([^:\s]+)\s*:\s*(.+?)\s*$/.exec(flag);
    if (!m) throw new ConfigError(`--rule expects "rule-id: severity", got "${flag}".`, 'Example: --rule "url/https: off"');
    let value: unknown = m[2];
    if (m[2]!.startsWith('[')) {
      try { value = JSON.parse(m[2]!) as unknown; } catch { throw new ConfigError(`--rule ${m[1]}: the setting is not valid JSON: ${m[2]}`); }
    }
    apply(settings, m[1]!, value, 'in --rule');
  }
  // Fill in and check options once every layer has spoken.
  for (const r of rules) {
    const s = settings.get(r.meta.id)!;
    if (!r.options) continue;
    const parsed = r.options.safeParse(s.options ?? {});
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new ConfigError(`Invalid options for rule ${r.meta.id}: ${issue.path.join('.') || 'options'}: ${issue.message}.`);
    }
    settings.set(r.meta.id, { severity: s.severity, options: parsed.data });
  }
  const ignores = data.ignores === undefined ? [] : toList(data.ignores, `"ignores"${of}`).map(String);
  if (data.rootDir !== undefined && typeof data.rootDir !== 'string') throw new ConfigError(`"rootDir"${of} must be a string.`);
  return {
    extends: applied, rules: settings, ignores,
    ...(typeof data.rootDir === 'string' ? { rootDir: data.rootDir } : {}),
    ...(input.file ? { file: input.file.path } : {}),
  };
}

function apply(settings: Map<RuleId, { severity: SeveritySetting; options: unknown }>, id: string, setting: unknown, ctx: string): void {
  const current = settings.get(id as RuleId);
  if (!current) throw unknown(`rule "${id}"`, ctx, id, rules.map((r) => r.meta.id));
  const [sev, options] = Array.isArray(setting) ? setting as unknown[] : [setting, undefined];
  const severity = SEVERITIES[String(sev)];
  if (!severity) {
    throw new ConfigError(`Invalid severity "${String(sev)}" for rule "${id}" ${ctx}.`, 'Use off, info, warn or error (or 0, 1, 2).');
  }
  if (options !== undefined && (typeof options !== 'object' || options === null || Array.isArray(options))) {
    throw new ConfigError(`The options of rule "${id}" ${ctx} must be a mapping.`);
  }
  settings.set(id as RuleId, { severity, options: options ?? current.options });
}

function unknown(what: string, ctx: string, name: string, known: readonly string[]): ConfigError {
  const suggestion = closest(name, known);
  return new ConfigError(`Unknown ${what}${ctx ? ` ${ctx}` : ''}.`,
    suggestion ? `Did you mean "${suggestion}"?` : `Known: ${known.join(', ')}.`);
}

function asObject(v: unknown, what: string): Record<string, unknown> {
  if (v === null || v === undefined) return {};
  if (typeof v !== 'object' || Array.isArray(v)) throw new ConfigError(`${what} must be a mapping.`);
  return v as Record<string, unknown>;
}

function toList(v: unknown, what: string): unknown[] {
  if (typeof v === 'string') return [v];
  if (Array.isArray(v)) return v;
  throw new ConfigError(`${what} must be a string or a list of strings.`);
}
