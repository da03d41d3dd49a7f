/**
 * The progress of `--verify-weights` on a terminal: checkpoints done, bytes and rate, on one line
 * of stderr redrawn at most ten times a second. Nothing is drawn when stderr is not a terminal.
 */
export interface ProgressStream { readonly isTTY?: boolean; write(s: string): unknown }

export class DownloadProgress {
  private bytes = 0;
  private done = 0;
  private last = 0;
  private drawn = false;
  private readonly started: number;

  constructor(private readonly stream: ProgressStream, private readonly total: number, private readonly now: () => number = Date.now) {
    this.started = now();
  }

  add(n: number): void {
    this.bytes += n;
    this.draw(false);
  }

  finishOne(): void {
    this.done++;
    this.draw(true);
  }

  /** Clears the line (before the report is printed). */
  clear(): void {
    if (this.drawn) this.stream.write('\r\x1b[K');
    this.drawn = false;
  }

  /** The line as drawn, without control characters. */
  line(): string {
    const seconds = Math.max((this.now() - this.started) / 1000, 0.001);
    return `milint: verifying weights ${this.done}/${this.total}  ${formatBytes(this.bytes)}  ${formatBytes(this.bytes / seconds)}/s`;
  }

  private draw(force: boolean): void {
    if (!this.stream.isTTY) return;
    const t = this.now();
    if (!force && t - this.last < 100) return;
    this.last = t;
    this.stream.write(`\r\x1b[K${this.line()}`);
    this.drawn = true;
  }
}

/** Bytes for people: `812 B`, `4.2 MB`, `1.31 GB` (powers of 1000). */
export function formatBytes(n: number): string {
  if (n < 1000) return `${Math.round(n)} B`;
  const units = ['kB', 'MB', 'GB', 'TB'];
  let v = n;
  let i = -1;
  while (v >= 1000 && i < units.length - 1) { v /= 1000; i++; }
  return `${v < 10 ? v.toFixed(2) : v < 100 ? v.toFixed(1) : Math.round(v)} ${units[i]}`;
}
