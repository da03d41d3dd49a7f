/**
 * Field schemas shared by the dialects. Every schema carries, as its error, the phrase that
 * completes "<field> must be …": the diagnostic renders that phrase, never zod's own wording.
 */
import * as z from 'zod';

/** "must be a string". */
export const str = (phrase = 'a string') => z.string({ error: phrase });

/** A string that is not empty once trimmed. */
export const nonEmpty = (phrase = 'a non-empty string') =>
  z.string({ error: phrase }).refine((s) => s.trim() !== '', { error: phrase });

/** Whether a string is an absolute http(s) URL. */
export function isHttpUrl(s: string): boolean {
  const t = s.trim();
  if (!/^https?:\/\//i.test(t)) return false;
  // The usual URL (a host name ending in a label that starts with a letter, no port, no spaces)
  // needs no parse; anything else is left to the WHATWG parser.
  if (PLAIN_URL.test(t)) return true;
  try {
    const u = new URL(t);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname !== '';
  } catch {
    return false;
  }
}

const PLAIN_URL = /^https?:\/\/(?:[A-Za-z0-9-]+\.)*[A-Za-z][A-Za-z0-9-]*(?:[/?#][^\s]*)?$/;

/** An absolute http(s) URL. */
export const httpUrl = (phrase = 'an absolute http(s) URL') =>
  z.string({ error: phrase }).refine(isHttpUrl, { error: phrase });

/** A bare arXiv identifier such as `1404.5997` or `1512.00567v3` (written as paper references). */
export const ARXIV_ID = /^\d{4}\.\d{4,5}(v\d+)?$/;

/** A string, or a list of strings. */
export const strOrList = (phrase = 'a string or a list of strings') =>
  z.union([z.string(), z.array(z.string({ error: 'a string' }))], { error: phrase });

/** Any value but null: used where a key may hold anything, but not nothing. */
export const present = (phrase = 'a value') =>
  z.custom<unknown>((v) => v !== null && v !== undefined, { error: phrase });
