/**
 * A loader for the plain subset of YAML that model-index blocks are written in: block mappings
 * with plain keys, block sequences (indented or not, compact `- Key: value` items), plain and
 * single-quoted scalars (folded over the lines right below them, as long titles are), one-line
 * escape-free double-quoted scalars, comments and blank lines.
 *
 * It gives exactly what js-yaml's `load` gives for the same text and schema, about twice as fast,
 * or `GAVE_UP` when the text holds anything else (flow collections, block scalars, scalars whose
 * lines a blank or comment line splits, escapes, quoted or typed keys, empty sequence items,
 * anchors and tags, document markers, control or non-printable characters, bad indentation,
 * duplicate keys, nesting beyond 64...): the caller then asks js-yaml,
 * which also reports the errors. Plain scalars are typed by the schema's own implicit types, in
 * the schema's order, as js-yaml types them. `test/plain-yaml.test.ts` holds it to js-yaml on
 * every block of every corpus and on generated and mutated text.
 */
import type jsYaml from 'js-yaml';
import { isYaml11Number } from './yaml11.js';

/** What `loadPlainYaml` returns for text outside the subset. */
export const GAVE_UP: unique symbol = Symbol('outside the plain subset');

type Value = unknown;

/** Thrown inside the loader to leave it; never escapes. */
const LEAVE = { leave: true };

/** Nesting beyond this is left to js-yaml (model-index data nests about six deep). */
const MAX_DEPTH = 64;

const SPACE = 0x20;
const DASH = 0x2d;
const COLON = 0x3a;
const HASH = 0x23;
const QUOTE = 0x27;
const DQUOTE = 0x22;

/** Characters that cannot start a plain scalar or key (YAML indicators), besides `-`. */
const INDICATOR = new Uint8Array(128);
for (const c of ',[]{}#&*!|>\'"%@`?:') INDICATOR[c.charCodeAt(0)] = 1;

/** First characters of plain scalars that an implicit type (null, bool, int, float) may claim. */
const MAYBE_TYPED = new Uint8Array(128);
for (const c of '-+.0123456789~nNtTfF') MAYBE_TYPED[c.charCodeAt(0)] = 1;

/** Anything but a line feed and printable ASCII: checked further only when present. */
const NOT_PLAIN_ASCII = /[^\n\x20-\x7e]/;
/** Characters that js-yaml rejects or reads specially (control characters, tabs, CR, BOM...). */
const AWKWARD = /[\x00-\x09\x0b-\x1f\x7f-\x9f\ufeff\ufffe\uffff\ud800-\udfff]/;
/** `---` or `...` at the start of a line: a document marker, or something js-yaml takes for one. */
const DOCUMENT_MARKER = /^(?:---|\.\.\.)/m;

/** What the loader noticed on the way, for the rules' cheap looks (see `BlockHints`). */
export interface PlainNotes {
  /** A plain scalar value that YAML 1.1 reads as another number, or as a string. */
  yaml11: boolean;
  /** Shown every key and string value as they are read (so the caller need not walk the data again). */
  readonly inspect?: PlainInspector;
}

/** Looks at a block's keys and string values while the loader reads them. */
export interface PlainInspector {
  /** A key of a mapping; returns the form under which two keys of one mapping count as the same. */
  key(key: string): string;
  /** Two keys of one mapping share that form. */
  sameKeys(): void;
  /** A string value (quoted or plain, typed as a string). */
  string(s: string): void;
}

/**
 * Loads `text` as js-yaml would with `schema` (whose implicit types type plain scalars), or
 * returns `GAVE_UP`. `notes`, when given, is filled in.
 */
export function loadPlainYaml(text: string, schema: jsYaml.Schema, notes?: PlainNotes): Value | typeof GAVE_UP {
  if (NOT_PLAIN_ASCII.test(text) && AWKWARD.test(text)) return GAVE_UP;
  if (text.includes('---') || text.includes('...')) {
    if (DOCUMENT_MARKER.test(text)) return GAVE_UP;
  }
  const loader = new Loader(text, (schema as unknown as { compiledImplicit: jsYaml.Type[] }).compiledImplicit, notes);
  try {
    return loader.load();
  } catch (e) {
    if (e === LEAVE) return GAVE_UP;
    throw e;
  }
}

/**
 * The line table, shared by every load (a load is synchronous and a file's blocks are loaded one
 * at a time): a block's lines cost no allocation once the table is large enough.
 */
let lineTable = new Int32Array(3 * 512);

/**
 * The last key stored, by length and first character (`keySlot`): a key read again (blocks use the
 * same few dozen keys over and over) is that same string, so no new one is made and the mapping is
 * given a property name it has seen (docs/performance.md).
 */
const recentKeys: (string | undefined)[] = new Array<string | undefined>(32 * 128).fill(undefined);

const keySlot = (length: number, first: number): number => ((length & 31) << 7) | (first & 127);

class Loader {
  /** Per content line (blank and comment-only lines left out): start, indentation, end. */
  private readonly L: Int32Array;
  /** How many content lines. */
  private readonly count: number;
  /** The current content line. */
  private i = 0;
  /** Collections open around the current node: deep nesting is left to js-yaml and its limits. */
  private depth = 0;

  constructor(private readonly t: string, private readonly implicit: readonly jsYaml.Type[], private readonly notes?: PlainNotes) {
    const n = t.length;
    let L = lineTable;
    let count = 0;
    let start = 0;
    while (start < n) {
      let end = t.indexOf('\n', start);
      if (end === -1) end = n;
      let p = start;
      while (p < end && t.charCodeAt(p) === SPACE) p++;
      if (p < end && t.charCodeAt(p) !== HASH) {
        if (3 * count + 3 > L.length) {
          const grown = new Int32Array(L.length * 2);
          grown.set(L);
          L = lineTable = grown;
        }
        L[3 * count] = start;
        L[3 * count + 1] = p - start;
        L[3 * count + 2] = end;
        count++;
      }
      start = end + 1;
    }
    this.L = L;
    this.count = count;
  }

  load(): Value {
    if (this.count === 0) throw LEAVE;
    const value = this.block();
    if (this.i !== this.count) throw LEAVE;
    return value;
  }

  /** The node that starts the current line: a sequence or a mapping (a lone scalar: give up). */
  private block(): Value {
    const p = this.L[3 * this.i]! + this.L[3 * this.i + 1]!;
    const n = this.L[3 * this.i + 1]!;
    if (this.isItem(p)) return this.sequence(p, n);
    if (this.keyEnd(p) >= 0) return this.mapping(p, n);
    throw LEAVE;
  }

  /** A `-` at `p` that starts a sequence item (followed by a space or the line's end). */
  private isItem(p: number): boolean {
    const t = this.t;
    return t.charCodeAt(p) === DASH && (p + 1 === this.L[3 * this.i + 2]! || t.charCodeAt(p + 1) === SPACE);
  }

  /** The position of the `: ` (or final `:`) that ends a plain key starting at `p`, or -1. */
  private keyEnd(p: number): number {
    const t = this.t;
    const end = this.L[3 * this.i + 2]!;
    for (let j = p; j < end; j++) {
      const c = t.charCodeAt(j);
      if (c === COLON) {
        if (j + 1 === end || t.charCodeAt(j + 1) === SPACE) return j;
      } else if (c === HASH && t.charCodeAt(j - 1) === SPACE) {
        return -1;
      }
    }
    return -1;
  }

  /** Moves to the next content line; returns its indentation, or -1 at the end. */
  private next(): number {
    this.i++;
    return this.i < this.count ? this.L[3 * this.i + 1]! : -1;
  }

  /** After a node: the next line may continue the collection at column `n`, or leave it. */
  private after(n: number): number {
    const ind = this.i < this.count ? this.L[3 * this.i + 1]! : -1;
    if (ind > n) throw LEAVE; // a continuation line, or bad indentation
    return ind;
  }

  /** A block sequence whose first `-` is at `p`, column `n`, on the current line. */
  private sequence(p: number, n: number): Value[] {
    const t = this.t;
    const out: Value[] = [];
    if (++this.depth > MAX_DEPTH) throw LEAVE;
    for (;;) {
      const end = this.L[3 * this.i + 2]!;
      let q = p + 1;
      while (q < end && t.charCodeAt(q) === SPACE) q++;
      if (q === end || t.charCodeAt(q) === HASH) {
        // `-` alone: the item is on the lines below, or empty.
        // An empty item (js-yaml reads some of those in ways of its own): give up.
        if (this.next() <= n) throw LEAVE;
        out.push(this.block());
      } else {
        out.push(this.itemNode(q, n));
      }
      const ind = this.after(n);
      if (ind < n) break;
      p = this.L[3 * this.i]! + n;
      if (!this.isItem(p)) break; // a key at the sequence's column: the parent's (indentless)
    }
    this.depth--;
    return out;
  }

  /** The node after `- ` on the current line: a compact sequence or mapping, or a scalar. */
  private itemNode(q: number, n: number): Value {
    const t = this.t;
    const c = t.charCodeAt(q);
    const column = q - this.L[3 * this.i]!;
    if (c === QUOTE || c === DQUOTE) return this.scalar(q, n);
    if (this.isItem(q)) return this.sequence(q, column);
    if (this.keyEnd(q) >= 0) return this.mapping(q, column);
    return this.scalar(q, n);
  }

  /** A block mapping whose first key is at `p`, column `n`, on the current line. */
  private mapping(p: number, n: number): Record<string, Value> {
    const t = this.t;
    const out: Record<string, Value> = {};
    if (++this.depth > MAX_DEPTH) throw LEAVE;
    const inspect = this.notes?.inspect;
    // The inspector's forms of this mapping's keys: a short list, a set once it grows.
    let forms: string[] | Set<string> | undefined = inspect ? [] : undefined;
    for (;;) {
      const colon = this.keyEnd(p);
      if (colon < 0) throw LEAVE;
      const key = this.key(p, colon);
      // js-yaml: duplicated mapping key. A value is never undefined here: most keys are new and
      // answer at the first look; an inherited name (`constructor`) is checked as an own key.
      if (out[key] !== undefined && Object.hasOwn(out, key)) throw LEAVE;
      const end = this.L[3 * this.i + 2]!;
      let v = colon + 1;
      while (v < end && t.charCodeAt(v) === SPACE) v++;
      let value: Value;
      if (v === end || t.charCodeAt(v) === HASH) {
        const ind = this.next();
        if (ind > n) value = this.block();
        else if (ind === n && this.isItem(this.L[3 * this.i]! + n)) value = this.sequence(this.L[3 * this.i]! + n, n);
        else value = null;
      } else {
        value = this.scalar(v, n);
      }
      out[key] = value;
      // Remembered once stored: the string is then the mapping's (internalized) property name, no
      // longer a view into this block's text.
      recentKeys[keySlot(key.length, key.charCodeAt(0))] = key;
      if (inspect) {
        // After the key is stored: V8 has then made it a reference to the stored (internalized) key,
        // which the inspector's look-up compares by identity (docs/performance.md).
        const form = inspect.key(key);
        if (Array.isArray(forms)) {
          if (forms.includes(form)) inspect.sameKeys();
          forms.push(form);
          if (forms.length > 16) forms = new Set(forms);
        } else {
          const set = forms as Set<string>;
          if (set.has(form)) inspect.sameKeys();
          set.add(form);
        }
      }
      const ind = this.after(n);
      if (ind < n) break;
      p = this.L[3 * this.i]! + n;
      if (this.isItem(p)) throw LEAVE; // an item where a key belongs
    }
    this.depth--;
    return out;
  }

  /** A plain key from `p` to the colon: a string that no implicit type claims. */
  private key(p: number, colon: number): string {
    const t = this.t;
    const c = t.charCodeAt(p);
    let e = colon;
    while (e > p && t.charCodeAt(e - 1) === SPACE) e--;
    // A key read before (blocks use the same few dozen keys again and again) passed the checks
    // below, which look at its text only: it is taken as it is, without a new string.
    const known = recentKeys[keySlot(e - p, c)];
    if (known !== undefined && known.length === e - p && t.startsWith(known, p)) return known;
    if (c < 128 && INDICATOR[c]) throw LEAVE; // quoted, complex, flow or tagged keys
    if (e - p > 1024) throw LEAVE;
    const key = t.slice(p, e);
    if (key === '__proto__') throw LEAVE; // would set the prototype of the mapping
    if (c < 128 && MAYBE_TYPED[c] && this.typed(key) !== key) throw LEAVE;
    return key;
  }

  /**
   * A scalar from `p` on the current line, in a collection at column `n`: it may go on over the
   * lines right below that are indented deeper than `n` (folded into one line, as YAML does), and
   * end with a comment. Moves to the line after it.
   */
  private scalar(p: number, n: number): Value {
    const t = this.t;
    const end = this.L[3 * this.i + 2]!;
    const c = t.charCodeAt(p);
    let value: Value;
    if (c === QUOTE) {
      value = this.singleQuoted(p + 1, n);
    } else if (c === DQUOTE) {
      const k = t.indexOf('"', p + 1);
      if (k === -1 || k >= end) throw LEAVE;
      const raw = t.slice(p + 1, k);
      if (raw.includes('\\')) throw LEAVE;
      value = raw;
      this.rest(k + 1, end);
    } else {
      if (c < 128 && INDICATOR[c]) throw LEAVE;
      if (c === DASH && (p + 1 === end || t.charCodeAt(p + 1) === SPACE)) throw LEAVE;
      const e = this.plainEnd(p, end);
      let s = t.slice(p, e);
      // Lines right below, deeper than the collection, go on with the scalar (not after a comment).
      if (!this.hasComment(e, end)) {
        while (this.continues(n)) {
          this.i++;
          const q = this.L[3 * this.i]! + this.L[3 * this.i + 1]!;
          const qEnd = this.L[3 * this.i + 2]!;
          const d = t.charCodeAt(q);
          if ((d < 128 && INDICATOR[d]) || d === DASH) throw LEAVE;
          const qe = this.plainEnd(q, qEnd);
          s += ` ${t.slice(q, qe)}`;
          if (this.hasComment(qe, qEnd)) break;
        }
      }
      if (c > 48 && c <= 57 && isShortDecimal(s)) {
        // `1`..`999999999999999`: the int type reads it so (the usual File Size or Parameters);
        // no YAML 1.1 difference either (that needs a leading 0 or an exponent).
        value = Number(s);
      } else if (c < 128 && MAYBE_TYPED[c]) {
        value = this.typed(s);
        if (this.notes && isYaml11Number(s)) this.notes.yaml11 = true;
      } else {
        value = s;
      }
    }
    if (typeof value === 'string') this.notes?.inspect?.string(value);
    this.next();
    return value;
  }

  /** Whether the next content line comes right after the current one, indented deeper than `n`. */
  private continues(n: number): boolean {
    const j = this.i + 1;
    return j < this.count && this.L[3 * j + 1]! > n && this.L[3 * j]! === this.L[3 * this.i + 2]! + 1;
  }

  /** Whether a comment starts at `q` (after spaces) before `end`. */
  private hasComment(q: number, end: number): boolean {
    const t = this.t;
    while (q < end && t.charCodeAt(q) === SPACE) q++;
    return q < end && t.charCodeAt(q) === HASH;
  }

  /**
   * Where the plain scalar from `p` ends on its line: before a comment and trailing spaces.
   * A `: ` or a final `:` (a key where a value belongs) gives up.
   */
  private plainEnd(p: number, end: number): number {
    const t = this.t;
    let e = end;
    for (let j = p; j < end; j++) {
      const d = t.charCodeAt(j);
      if (d === COLON) {
        if (j + 1 === end || t.charCodeAt(j + 1) === SPACE) throw LEAVE;
      } else if (d === HASH && t.charCodeAt(j - 1) === SPACE) {
        e = j;
        break;
      }
    }
    while (e > p && t.charCodeAt(e - 1) === SPACE) e--;
    return e;
  }

  /**
   * A single-quoted scalar whose text starts at `p`; it may go on over the lines right below,
   * deeper than `n`, each line break folded into a space.
   */
  private singleQuoted(p: number, n: number): string {
    const t = this.t;
    let out = '';
    let from = p;
    for (;;) {
      const end = this.L[3 * this.i + 2]!;
      const k = t.indexOf("'", from);
      if (k !== -1 && k < end) {
        if (t.charCodeAt(k + 1) === QUOTE) {
          out += t.slice(p, k + 1);
          p = from = k + 2;
          continue;
        }
        out += t.slice(p, k);
        this.rest(k + 1, end);
        return out;
      }
      // The line ends inside the quotes: the next line must go on with them.
      let e = end;
      while (e > p && t.charCodeAt(e - 1) === SPACE) e--;
      out += `${t.slice(p, e)} `;
      const j = this.i + 1;
      if (j >= this.count || this.L[3 * j + 1]! <= n || this.L[3 * j]! !== end + 1) throw LEAVE;
      this.i = j;
      p = from = this.L[3 * j]! + this.L[3 * j + 1]!;
    }
  }

  /** What follows a quoted scalar on its line: nothing, or spaces and a comment. */
  private rest(q: number, end: number): void {
    const t = this.t;
    if (q === end) return;
    if (t.charCodeAt(q) !== SPACE) throw LEAVE;
    while (q < end && t.charCodeAt(q) === SPACE) q++;
    if (q < end && t.charCodeAt(q) !== HASH) throw LEAVE;
  }

  /** A plain scalar as the schema's implicit types read it. */
  private typed(s: string): Value {
    for (const type of this.implicit) {
      if (type.resolve(s)) return type.construct(s);
    }
    return s;
  }
}

/** Digits only, at most 15 of them (read exactly as a double); the caller checked the first is 1-9. */
function isShortDecimal(s: string): boolean {
  if (s.length > 15) return false;
  for (let i = 1; i < s.length; i++) {
    const d = s.charCodeAt(i);
    if (d < 48 || d > 57) return false;
  }
  return true;
}
