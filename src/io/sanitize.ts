/**
 * Text from a repository (file names, values quoted in messages, source lines in code frames) is
 * shown escaped where a terminal or a CI log would act on it: C0 controls, DEL, C1 controls (ESC
 * starts CSI and OSC sequences: clear screen, window title, hyperlinks), and the bidi embeddings,
 * overrides, isolates and marks that reorder what a reader sees ("Trojan Source", CVE-2021-42574).
 * Ordinary text passes through unchanged.
 */

/** Characters shown escaped: C0 (tab, LF and CR too), DEL, C1, U+200E/U+200F, U+202A-U+202E, U+2066-U+2069. */
const UNSAFE = /[\u0000-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/** The same set without tab, for a source line whose tabs keep the caret line aligned. */
const UNSAFE_BUT_TAB = /[\u0000-\u0008\u000A-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/** `\x1b` below U+0100, `\u202e` above; tab, LF and CR as `\t`, `\n`, `\r`. */
function escapeChar(c: string): string {
  if (c === '\t') return '\\t';
  if (c === '\n') return '\\n';
  if (c === '\r') return '\\r';
  const code = c.charCodeAt(0);
  return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** Text for one line of a human report (a file name, a message): every unsafe character escaped. */
export function safeText(s: string): string {
  return s.replace(UNSAFE, escapeChar);
}

/** A source line for a code frame: as `safeText`, but tabs stay (the caret line copies them). */
export function safeLine(s: string): string {
  return s.replace(UNSAFE_BUT_TAB, escapeChar);
}

/**
 * A repo-relative path (`/` separators) as a relative URI reference (RFC 3986): each segment
 * percent-encoded, so that spaces, `%`, `#`, `?`, `:` and control characters cannot change what
 * a SARIF viewer opens.
 */
export function pathToUriReference(path: string): string {
  return path.split('/').map((seg) => encodeURIComponent(seg).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)).join('/');
}

/** What `JSON.stringify` leaves raw that a terminal may act on: DEL, C1 controls and bidi controls. */
const JSON_RAW = /[\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/**
 * JSON text with DEL, C1 and bidi controls written as `\u` escapes: the same JSON value, safe to
 * print. They can only stand inside strings (JSON's own syntax is ASCII), where `\u` is valid.
 */
export function safeJson(json: string): string {
  return json.replace(JSON_RAW, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).replace(/##\[/g, '#\\u0023[');
}

/**
 * Report text that a CI log cannot take for a workflow command: `::` starting a line (GitHub reads
 * one after leading blanks) and the older `##[` form (read anywhere in a line) are shown escaped.
 * File names and values can hold either; milint's own lines never start so.
 */
export function noCommands(text: string): string {
  return text.replace(/^([ \t]*)::/gm, '$1\\x3a:').replace(/##\[/g, '#\\x23[');
}
