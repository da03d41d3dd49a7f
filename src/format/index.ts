import type { Formatter } from './types.js';
import { json } from './json.js';
import { stylish } from './stylish.js';

/** Formatters by name. */
export const formatters = { stylish, json } as const satisfies Record<string, Formatter>;

export type FormatName = keyof typeof formatters;

export function isFormatName(name: string): name is FormatName {
  return Object.prototype.hasOwnProperty.call(formatters, name);
}

export type { Formatter, FormatContext } from './types.js';
