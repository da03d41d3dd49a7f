import type { Formatter } from './types.js';
import type { FormatName } from './names.js';
import { compact } from './compact.js';
import { github } from './github.js';
import { gitlab } from './gitlab.js';
import { json } from './json.js';
import { jsonWithMetadata } from './json-with-metadata.js';
import { junit } from './junit.js';
import { sarif } from './sarif.js';
import { stylish } from './stylish.js';

/** Formatters by name. */
export const formatters = {
  stylish, compact, json, 'json-with-metadata': jsonWithMetadata, sarif, github, gitlab, junit,
} as const satisfies Record<FormatName, Formatter>;

export type { FormatName } from './names.js';
export { HUMAN_FORMATS } from './names.js';


export type { Formatter, FormatContext } from './types.js';
