import type { RuleId, Severity } from '../types.js';

export type SeveritySetting = Severity | 'off';

export const PRESET_NAMES = ['recommended', 'strict', 'timm', 'openmmlab', 'huggingface'] as const;
export type PresetName = (typeof PRESET_NAMES)[number];

/** A rule's setting as written in a preset or a config file: a severity, or severity and options. */
export type RuleSetting = SeveritySetting | 'warn' | readonly [SeveritySetting | 'warn', Record<string, unknown>?];

/** The configuration a run uses, after presets, the config file and the command line. */
export interface EffectiveConfig {
  /** The presets applied, in order. */
  readonly extends: readonly PresetName[];
  /** Every rule of the registry with its severity and its options (defaults filled in). */
  readonly rules: ReadonlyMap<RuleId, { readonly severity: SeveritySetting; readonly options: unknown }>;
  /** Globs of files whose problems are not reported (relative to the config's folder). */
  readonly ignores: readonly string[];
  readonly rootDir?: string;
  /** The config file read, if any. */
  readonly file?: string;
}
