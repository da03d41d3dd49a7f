/**
 * Follows the framing of the client's byte stream (`Content-Length: n`, a blank line, n bytes) to
 * tell whether a message has begun but not ended: a large message arrives in many chunks, and a
 * lint started between them would lint a version about to be replaced.
 */
const HEADER_END = Buffer.from('\r\n\r\n');
const MAX_HEADER = 8192;

export class Frames {
  private header = Buffer.alloc(0);
  /** Bytes of the current message's body still to come (0: between messages or in a header). */
  private body = 0;

  /** Whether a message has begun and not ended. */
  get partial(): boolean { return this.body > 0 || this.header.length > 0; }

  take(chunk: Buffer): void {
    let at = 0;
    while (at < chunk.length) {
      if (this.body > 0) {
        const n = Math.min(this.body, chunk.length - at);
        this.body -= n;
        at += n;
        continue;
      }
      const rest = chunk.subarray(at);
      const joined = this.header.length > 0 ? Buffer.concat([this.header, rest]) : rest;
      const end = joined.indexOf(HEADER_END);
      // No header is this long: not a frame (the reader reports it); stop following.
      if (end === -1) { this.header = joined.length > MAX_HEADER ? Buffer.alloc(0) : Buffer.from(joined); return; }
      const length = /content-length:\s*(\d+)/i.exec(joined.subarray(0, end).toString('ascii'));
      at += end + HEADER_END.length - this.header.length;
      this.header = Buffer.alloc(0);
      // A header without a length: the reader reports it; stop following this stream's framing.
      if (!length) { this.body = 0; return; }
      this.body = Number(length[1]);
    }
  }
}
