/**
 * Presets: named rule settings on top of each rule's default severity. `recommended` reads the
 * reference format and tolerates what real zoos write; the zoo presets add the conventions of
 * one zoo; `strict` turns every general rule on as an error.
 */
import type { PresetName, RuleSetting } from './types.js';

export interface Preset {
  readonly description: string;
  readonly extends?: PresetName;
  readonly rules: Readonly<Record<string, RuleSetting>>;
}

/** Rules that only make sense under a zoo's conventions: off unless a preset turns them on. */
const CONVENTIONS_OFF: Record<string, RuleSetting> = {
  'model/id-matches-name': 'off',
  'model/required-fields': 'off',
  'model/code-version': 'off',
  'url/code-pinned': 'off',
  'results/metric-format': 'off',
};

export const PRESETS: Readonly<Record<PresetName, Preset>> = {
  recommended: {
    description: 'The reference format, tolerant of what real zoos write.',
    rules: CONVENTIONS_OFF,
  },
  strict: {
    description: 'Every general rule on, warnings promoted to errors, unit strings rejected.',
    rules: {
      'model/code-version': 'off',
      'results/metric-format': 'off',
      'model/required-fields': 'off',
      'model/id-matches-name': 'error',
      'url/code-pinned': 'error',
      'schema/unknown-key': ['error', { report: 'all' }],
      'schema/key-spelling': 'error',
      'metadata/misspelled-key': 'error',
      'metadata/file-size': 'error',
      'results/outlier': 'error',
      'url/https': 'error',
      'weights/shared': 'error',
      'weights/name-mismatch': 'error',
      'import/orphan': 'error',
      'import/no-match': 'error',
      'yaml/portability': 'error',
      'yaml/warning': 'error',
      'file/unused-disable': 'error',
    },
  },
  timm: {
    description: "timm's docs: ID equals Name, Crop Pct and Image Size quoted, percent metrics, Code pinned to a commit.",
    extends: 'recommended',
    rules: {
      'model/id-matches-name': 'error',
      'model/required-fields': ['error', {
        fields: ['Weights', 'Code', 'Metadata.ID', 'Metadata.Crop Pct', 'Metadata.Image Size', 'Metadata.Interpolation', 'Metadata.File Size'],
      }],
      'url/code-pinned': 'error',
      'results/metric-format': ['error', { form: 'percent' }],
      'metadata/crop-pct': ['error', { form: 'string' }],
      'metadata/image-size': ['error', { form: 'string' }],
    },
  },
  openmmlab: {
    description: 'OpenMMLab metafiles: root-relative README/Config paths, Config required, Code as {URL, Version}.',
    extends: 'recommended',
    rules: {
      'model/required-fields': ['error', { fields: ['Config'] }],
      'model/code-version': 'error',
      'file/not-found': ['error', { base: 'root' }],
      'metadata/number': ['error', { product: 'allow' }],
      'results/metric-value': ['error', { composite: 'allow' }],
    },
  },
  huggingface: {
    description: 'Hugging Face model cards: the model-index front matter, numeric metric values.',
    extends: 'recommended',
    rules: {
      'results/metric-value': ['error', { numeric: true }],
    },
  },
};
