/**
 * Builds the effective configuration: each rule's default, then the presets (a preset's own base
 * first), then the config file's `rules`, then `--preset` and `--rule` from the command line.
 * A setting that gives only a severity keeps the options set before it; one with options
 * replaces them. Every problem is reported, all at once, in one ConfigError naming each bad key,
 * with a suggestion.
 */
import type { RuleId } from '../types.js';
import { z } from 'zod';
import { ConfigError } from '../errors.js';
import { rules } from '../rules/index.js';
import { closest } from '../core/suggest.js';
import { PRESETS } from './presets.js';
import { PRESET_NAMES, type EffectiveConfig, type PresetName, type SeveritySetting } from './types.js';

export interface ConfigInput {
  /** The config file's content, as read (validated here). */
  readonly file?: { readonly path: string; readonly data: unknown };
  /** `--preset`: replaces the file's `extends`. */
  readonly preset?: string;
  /** `--rule 'id: severity'` settings, in order. */
  readonly ruleFlags?: readonly string[];
  /** How messages name `preset` and `ruleFlags`: the CLI's flags, or (default) the API's options. */
  readonly names?: { readonly preset: string; readonly rule: string };
}

const API_NAMES = { preset: 'the "preset" option', rule: 'the "ruleFlags" option' };

const TOP_KEYS = ['$schema', 'extends', 'rules', 'ignores', 'rootDir'];
const SEVERITIES: Record<string, SeveritySetting> = {
  off: 'off', 0: 'off', info: 'info', warn: 'warning', warning: 'warning', 1: 'warning', error: 'error', 2: 'error',
};

export function resolveConfig(input: ConfigInput = {}): EffectiveConfig {
  const names = input.names ?? API_NAMES;
  const where = input.file ? `in ${input.file.path}` : '';
  const of = input.file ? ` of ${input.file.path}` : '';
  // Each mistake is noted and the rest still checked: one run names them all.
  const problems: ConfigError[] = [];
  const attempt = (step: () => void): void => {
    try { step(); } catch (e) { if (e instanceof ConfigError) problems.push(e); else throw e; }
  };
  let data: Record<string, unknown> = {};
  attempt(() => { data = input.file ? asObject(input.file.data, `The configuration ${where}`) : {}; });
  for (const key of Object.keys(data)) {
    if (!TOP_KEYS.includes(key)) problems.push(unknown(`key "${key}"`, where, key, TOP_KEYS));
  }
  const settings = new Map<RuleId, { severity: SeveritySetting; options: unknown }>();
  for (const r of rules) settings.set(r.meta.id, { severity: r.meta.defaultSeverity, options: undefined });

  let extendsList: unknown[] = [];
  attempt(() => { extendsList = input.preset !== undefined ? [input.preset] : toList(data.extends ?? 'recommended', `"extends"${of}`); });
  const applied: PresetName[] = [];
  const applyPreset = (name: string, ctx: string): void => {
    if (!(PRESET_NAMES as readonly string[]).includes(name)) throw unknown(`preset "${name}"`, ctx, name, PRESET_NAMES);
    const preset = PRESETS[name as PresetName];
    if (preset.extends) applyPreset(preset.extends, ctx);
    for (const [id, s] of Object.entries(preset.rules)) apply(settings, id, s, `in preset ${name}`);
    applied.push(name as PresetName);
  };
  for (const p of extendsList) attempt(() => applyPreset(String(p), input.preset !== undefined ? `in ${names.preset}` : `in "extends"${of}`));

  if (data.rules !== undefined) {
    attempt(() => {
      for (const [id, s] of Object.entries(asObject(data.rules, `"rules"${of}`))) attempt(() => apply(settings, id, s, `in "rules"${of}`));
    });
  }
  for (const flag of input.ruleFlags ?? []) {
    attempt(() => {
      const m = /^\s*([^:\s]+)\s*:\s*(.+?)\s*$/.exec(flag);
      if (!m) throw new ConfigError(`${names.rule} expects "rule-id: severity", got "${flag}".`, 'Example: "url/https: off"');
      let value: unknown = m[2];
      if (m[2]!.startsWith('[')) {
        try { value = JSON.parse(m[2]!) as unknown; } catch { throw new ConfigError(`${names.rule} for ${m[1]}: the setting is not valid JSON: ${m[2]}`); }
      }
      apply(settings, m[1]!, value, `in ${names.rule}`);
    });
  }
  // Fill in and check options once every layer has spoken.
  for (const r of rules) {
    const s = settings.get(r.meta.id)!;
    if (!r.options) continue;
    // Unknown option keys (`treshold` for `threshold`) are mistakes, not extras to drop.
    const schema = r.options instanceof z.ZodObject ? r.options.strict() : r.options;
    const parsed = schema.safeParse(s.options ?? {});
    if (!parsed.success) {
      for (const issue of parsed.error.issues) problems.push(...optionProblems(r.meta.id, issue, r.options));
      continue;
    }
    settings.set(r.meta.id, { severity: s.severity, options: parsed.data });
  }
  let ignores: string[] = [];
  attempt(() => { ignores = data.ignores === undefined ? [] : toList(data.ignores, `"ignores"${of}`).map(String); });
  if (data.rootDir !== undefined && typeof data.rootDir !== 'string') problems.push(new ConfigError(`"rootDir"${of} must be a string.`));
  if (problems.length === 1) throw problems[0]!;
  if (problems.length > 1) {
    const lines = problems.map((p) => `- ${p.message}${p.hint ? ` ${p.hint}` : ''}`);
    throw new ConfigError(`${problems.length} problems in the configuration:\n${lines.join('\n')}`);
  }
  return {
    extends: applied, rules: settings, ignores,
    ...(typeof data.rootDir === 'string' ? { rootDir: data.rootDir } : {}),
    ...(input.file ? { file: input.file.path } : {}),
  };
}

/** A rule option that is not valid: unknown keys get the nearest known key as a suggestion. */
function optionProblems(id: string, issue: z.core.$ZodIssue, schema: z.ZodType): ConfigError[] {
  if (issue.code === 'unrecognized_keys') {
    const known = schema instanceof z.ZodObject ? Object.keys(schema.shape as object) : [];
    return issue.keys.map((key) => {
      const suggestion = closest(key, known);
      return new ConfigError(`Unknown option "${key}" for rule ${id}.`, suggestion ? `Did you mean "${suggestion}"?` : `Known: ${known.join(', ')}.`);
    });
  }
  return [new ConfigError(`Invalid options for rule ${id}: ${issue.path.join('.') || 'options'}: ${issue.message}.`)];
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
