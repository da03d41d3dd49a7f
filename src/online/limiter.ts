/**
 * Bounds the requests in flight: at most `perHost` to one host and `total` overall, so that a zoo
 * of 300 checkpoints on one server is not 300 connections at once. Waiters are served in order.
 */
export class Limiter {
  private running = 0;
  private readonly byHost = new Map<string, number>();
  private readonly queue: { host: string; start: () => void }[] = [];

  constructor(private readonly perHost: number, private readonly total: number) {}

  /** Runs `fn` when a slot for `host` is free. */
  async run<T>(host: string, fn: () => Promise<T>): Promise<T> {
    await new Promise<void>((start) => { this.queue.push({ host, start }); this.pump(); });
    try {
      return await fn();
    } finally {
      this.running--;
      this.byHost.set(host, (this.byHost.get(host) ?? 1) - 1);
      this.pump();
    }
  }

  /** Starts every queued task that fits, oldest first (a task for a busy host does not hold up others). */
  private pump(): void {
    for (let i = 0; i < this.queue.length && this.running < this.total;) {
      const { host, start } = this.queue[i]!;
      if ((this.byHost.get(host) ?? 0) >= this.perHost) { i++; continue; }
      this.queue.splice(i, 1);
      this.running++;
      this.byHost.set(host, (this.byHost.get(host) ?? 0) + 1);
      start();
    }
  }
}
