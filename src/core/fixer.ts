/**
 * Builds fixes for rules: minimal edits of one scalar, keeping how it is written (plain, single-
 * or double-quoted). The `Document` is never re-stringified. A fix is offered only where the node
 * is a simple one-line scalar; anything else gets no fix (the problem is still reported).
 */
import { isScalar, Scalar } from 'yaml';
import type { Fix, Origin } from '../types.js';
import { locate, type Target } from '../source/locate.js';

export type Quoting = 'PLAIN' | 'QUOTE_SINGLE' | 'QUOTE_DOUBLE';

export interface ScalarInfo {
  readonly value: unknown;
  readonly type: Quoting;
  /** The scalar as written, quotes included. */
  readonly source: string;
}

/** Whether a string can be written as a plain YAML scalar and read back as the same string. */
export function plainSafe(s: string): boolean {
  if (s === '' || s !== s.trim()) return false;
  if (/^[-?:,[\]{}#&*!|>'"%@`]/.test(s) || /[:#]\s|\s#|:$/.test(s) || /[\r\n\t]/.test(s)) return false;
  // Would read as something other than a string (numbers, booleans, null, YAML 1.1 forms).
  if (/^([-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?|0x[0-9a-fA-F]+|0o[0-7]+|[-+]?\.inf|\.nan|~|null|true|false|yes|no|on|off|y|n)$/i.test(s)) return false;
  return true;
}

/** A string written in a given quoting style. */
export function quote(s: string, type: Quoting): string {
  if (type === 'QUOTE_SINGLE') return `'${s.replace(/'/g, "''")}'`;
  if (type === 'QUOTE_DOUBLE') return JSON.stringify(s);
  return plainSafe(s) ? s : `'${s.replace(/'/g, "''")}'`;
}

export class Fixer {
  /** The scalar at a place in the data, when it is a one-line scalar. */
  scalar(at: Origin, target: Target = 'value'): ScalarInfo | undefined {
    const found = locate(at, target);
    const node = found.node;
    if (!isScalar(node) || !node.range) return undefined;
    const type = node.type;
    if (type !== Scalar.PLAIN && type !== Scalar.QUOTE_SINGLE && type !== Scalar.QUOTE_DOUBLE) return undefined;
    const source = at.block.block.file.text.slice(found.span.start, found.span.end);
    if (/[\r\n]/.test(source)) return undefined;
    return { value: node.value, type, source };
  }

  /** Replaces the scalar at `at` with a string, in the same quoting style (plain if still safe). */
  replaceString(at: Origin, value: string, target: Target = 'value'): Fix | undefined {
    const info = this.scalar(at, target);
    if (!info) return undefined;
    return this.edit(at, target, quote(value, info.type));
  }

  /** Replaces the scalar at `at` with text written as is (a number, or an explicitly quoted string). */
  replaceRaw(at: Origin, text: string, target: Target = 'value'): Fix | undefined {
    if (!this.scalar(at, target)) return undefined;
    return this.edit(at, target, text);
  }

  private edit(at: Origin, target: Target, text: string): Fix | undefined {
    const { span } = locate(at, target);
    const current = at.block.block.file.text.slice(span.start, span.end);
    return current === text ? undefined : { span, text };
  }
}

export const fixer = new Fixer();
