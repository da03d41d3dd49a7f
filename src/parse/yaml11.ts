/**
 * Plain scalars that YAML 1.1 readers (PyYAML) read differently from YAML 1.2: one definition for
 * the `yaml/portability` rule and for the parse stage's `yaml11` hint (fast-block.ts, and the plain
 * loader's note that a block holds such a number). Each form is written once, as the source of a
 * regex, and the whole-scalar and in-text searches are built from it.
 */

const OCTAL = String.raw`[-+]?0[0-7]+`;
const EXPONENT_STRING = String.raw`[-+]?(?:(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)[eE][0-9]+|[0-9]+[eE][-+]?[0-9]+)`;
const BOOLEAN = 'y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF';
const BASE60 = String.raw`[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+`;
const UNDERSCORE_NUMBER = String.raw`[-+]?[0-9][0-9_]*_[0-9_]*`;

const whole = (source: string): RegExp => new RegExp(`^(?:${source})$`);

/** A plain scalar YAML 1.1 reads as an octal number (`0755`). */
export const YAML11_OCTAL = whole(OCTAL);

/** A plain scalar YAML 1.2 reads as a number and YAML 1.1 as a string (`1e6`: no dot, or no exponent sign). */
export const YAML11_EXPONENT_STRING = whole(EXPONENT_STRING);

/** A plain scalar YAML 1.1 reads as a boolean (`yes`, `off`). */
export const YAML11_BOOLEAN = whole(BOOLEAN);

/** A plain scalar YAML 1.1 reads as a base-60 number (`1:30`). */
export const YAML11_BASE60 = whole(BASE60);

/** A plain scalar YAML 1.1 reads as a number with its underscores dropped (`1_000`). */
export const YAML11_UNDERSCORE_NUMBER = whole(UNDERSCORE_NUMBER);

/** Whether a plain scalar is a number form that YAML 1.1 reads differently. */
export function isYaml11Number(s: string): boolean {
  return YAML11_OCTAL.test(s) || YAML11_EXPONENT_STRING.test(s);
}

// One regex for the three string forms: the fast path tests every key and string value with it.
const YAML11_STRING = whole(`${BOOLEAN}|${BASE60}|${UNDERSCORE_NUMBER}`);

/** Whether a string, as YAML 1.2 read it, is one YAML 1.1 reads as a boolean or a number (`yes`, `1:30`, `1_000`). */
export function isYaml11String(s: string): boolean {
  return YAML11_STRING.test(s);
}

// The number forms as plain scalars in YAML text: after `key:`, `- ` or `? ` and a blank, or inside
// a flow collection, and running to the end of the scalar.
const NUMBER_IN_TEXT = new RegExp(String.raw`(?:(?:^|[:?-])[ \t]+|[[{,][ \t]*)(?:${OCTAL}|${EXPONENT_STRING})[ \t]*(?:$|#|[,\]}])`, 'm');
// A looser first look that most blocks fail, so that the search above rarely runs.
const MAYBE_NUMBER_IN_TEXT = /[:\-?,[{][ \t]*[-+]?(?:0[0-7]|\d*\.?\d+[eE])/;

/** Whether YAML text holds a plain scalar of a number form that YAML 1.1 reads differently. */
export function hasYaml11Number(text: string): boolean {
  return MAYBE_NUMBER_IN_TEXT.test(text) && NUMBER_IN_TEXT.test(text);
}
