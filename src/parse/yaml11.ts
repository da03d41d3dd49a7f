/**
 * Number forms that YAML 1.1 readers (PyYAML) read differently from YAML 1.2: one definition for
 * the `yaml/portability` rule and for the plain loader's note that a block holds one.
 */

/** A plain scalar YAML 1.1 reads as an octal number (`0755`). */
export const YAML11_OCTAL = /^[-+]?0[0-7]+$/;

/** A plain scalar YAML 1.2 reads as a number and YAML 1.1 as a string (`1e6`: no dot, or no exponent sign). */
export const YAML11_EXPONENT_STRING = /^[-+]?(?:(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)[eE][0-9]+|[0-9]+[eE][-+]?[0-9]+)$/;

/** Whether a plain scalar is a number form that YAML 1.1 reads differently. */
export function isYaml11Number(s: string): boolean {
  return YAML11_OCTAL.test(s) || YAML11_EXPONENT_STRING.test(s);
}
