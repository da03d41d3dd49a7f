import { readGuarded, type ReadGuard } from '../io/read-guard.js';
import type { SourceFile } from '../types.js';
import { sha1 } from '../io/digest.js';
import { LineIndex } from './line-index.js';

/** Why bytes could not be used as text. */
export type DecodeProblem =
  | { kind: 'binary'; offset: number }
  /** UTF-16 with a byte order mark (what some Windows editors save); `text` is what it says. */
  | { kind: 'utf16'; offset: 0; text: string }
  | { kind: 'invalid-utf8'; offset: number };

export interface Decoded {
  readonly file: SourceFile;
  /** Set when the bytes are not clean UTF-8 text; `file.text` then holds a lossy decoding. */
  readonly problem?: DecodeProblem;
}

const fatal = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const lossy = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

/**
 * Builds a `SourceFile` from text (a leading BOM is removed and remembered). The line index is
 * built on first use: a clean file never needs line numbers. With `reread`, the text can be
 * released and is read again (and checked against its hash) when something asks for it.
 */
export function sourceFromText(path: string, raw: string, reread?: () => string): SourceFile {
  const bom = raw.charCodeAt(0) === 0xfeff;
  let text: string | undefined = bom ? raw.slice(1) : raw;
  const length = text.length;
  // The digest a re-read is checked against is computed when the text is released.
  let digest = '';
  let lines: LineIndex | undefined;
  let changed = false;
  const current = (): string => {
    if (text === undefined) {
      let again = '';
      try { again = reread!(); } catch { /* gone or unreadable now: changed */ }
      const t = again.charCodeAt(0) === 0xfeff ? again.slice(1) : again;
      // A file edited during the run would shift every position: the file is marked, not guessed at.
      if (t.length !== length || sha1(t) !== digest) changed = true;
      text = changed ? sameLength(t, length) : t;
    }
    return text;
  };
  return {
    path, bom, length, mayHaveDirectives: text.includes('milint-'),
    get changed() { return changed; },
    get text() { return current(); },
    get lines() { return (lines ??= new LineIndex(current())); },
    ...(reread ? {
      release() {
        if (text !== undefined && digest === '') digest = sha1(text);
        text = undefined;
      },
    } : {}),
  };
}

/** `t` cut or padded with spaces to `length` characters (a changed file keeps its checked length). */
export function sameLength(t: string, length: number): string {
  return t.length >= length ? t.slice(0, length) : t + ' '.repeat(length - t.length);
}

/**
 * Decodes file bytes as UTF-8. A NUL byte in the first 8 KiB marks a binary file (the test git
 * uses); invalid UTF-8 is reported with the byte offset of the first bad sequence, and the text
 * is still decoded (with U+FFFD) so that the rest of the file can be checked.
 */
export function decodeSource(path: string, bytes: Uint8Array, guard: ReadGuard): Decoded {
  // UTF-16 is told by its byte order mark, before the NUL test (its ASCII has a NUL in every pair).
  const le = bytes[0] === 0xff && bytes[1] === 0xfe;
  if (le || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    const text = new TextDecoder(le ? 'utf-16le' : 'utf-16be', { fatal: false, ignoreBOM: true }).decode(bytes.subarray(2));
    return { file: sourceFromText(path, ''), problem: { kind: 'utf16', offset: 0, text } };
  }
  const head = bytes.subarray(0, 8192);
  const nul = head.indexOf(0);
  if (nul !== -1) return { file: sourceFromText(path, ''), problem: { kind: 'binary', offset: nul } };
  try {
    return { file: sourceFromText(path, fatal.decode(bytes), () => fatal.decode(readGuarded(path, guard).bytes)) };
  } catch {
    return {
      file: sourceFromText(path, lossy.decode(bytes)),
      problem: { kind: 'invalid-utf8', offset: firstInvalidUtf8(bytes) },
    };
  }
}

/** Byte offset of the first byte that does not start or continue a valid UTF-8 sequence. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let need = 0;
    let min = 0;
    if (b < 0x80) { i++; continue; }
    else if (b >= 0xc2 && b <= 0xdf) { need = 1; min = 0x80; }
    else if (b >= 0xe0 && b <= 0xef) { need = 2; min = 0x800; }
    else if (b >= 0xf0 && b <= 0xf4) { need = 3; min = 0x10000; }
    else return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return bytes.length;
}

/**
 * Maps a byte offset in the original bytes to an offset in the lossy-decoded text, so that a
 * diagnostic about invalid bytes can point at the right character.
 */
export function byteToTextOffset(bytes: Uint8Array, byteOffset: number, bom: boolean): number {
  const prefix = lossy.decode(bytes.subarray(0, byteOffset));
  return Math.max(0, prefix.length - (bom ? 1 : 0));
}
