/**
 * `--verify-weights`: downloads a checkpoint as a stream (hashed as it comes, never held in
 * memory, stopped at the size cap) and gives its sha256 and size. Redirects are followed here too:
 * release assets redirect to signed addresses that expire, so a cached probe's target is not reused.
 */
import { createHash } from 'node:crypto';
import { discard, toNetError, type HttpClient } from './http.js';
import type { Limiter } from './limiter.js';
import type { OnlineOptions } from './options.js';

export type Download =
  | { readonly kind: 'ok'; readonly sha256: string; readonly size: number }
  | { readonly kind: 'too-large' }
  | { readonly kind: 'failed'; readonly reason: string };

export interface DownloadDeps {
  readonly client: HttpClient;
  readonly limiter: Limiter;
  readonly options: OnlineOptions;
  /** Called with the number of bytes of each chunk as it arrives. */
  readonly onBytes?: (n: number) => void;
}

/** Downloads `url` and hashes it; never throws. */
export async function download(url: string, deps: DownloadDeps): Promise<Download> {
  const { client, limiter, options } = deps;
  let current = url;
  const deadline = AbortSignal.timeout(options.maxDownloadMs);
  try {
    for (let hop = 0; ; hop++) {
      const host = new URL(current).host;
      const result = await limiter.run(host, async (): Promise<Download | { next: string }> => {
        const a = await client.send(current, 'GET', {}, deadline);
        const location = a.headers.location;
        if (a.status >= 300 && a.status < 400 && location) { discard(a); return { next: new URL(location, current).href }; }
        if (a.status < 200 || a.status >= 300) { discard(a); return { kind: 'failed', reason: `the server answered ${a.status}` }; }
        const length = Number(a.headers['content-length']);
        if (Number.isFinite(length) && length > options.maxDownloadBytes) { discard(a); return { kind: 'too-large' }; }
        const hash = createHash('sha256');
        let size = 0;
        for await (const chunk of a.body as AsyncIterable<Buffer>) {
          size += chunk.length;
          if (size > options.maxDownloadBytes) { discard(a); return { kind: 'too-large' }; }
          hash.update(chunk);
          deps.onBytes?.(chunk.length);
        }
        return { kind: 'ok', sha256: hash.digest('hex'), size };
      });
      if (!('next' in result)) return result;
      if (hop >= options.maxRedirects) return { kind: 'failed', reason: `more than ${options.maxRedirects} redirects` };
      current = result.next;
    }
  } catch (e) {
    if (deadline.aborted) return { kind: 'failed', reason: `it took more than ${options.maxDownloadMs / 1000} s` };
    return { kind: 'failed', reason: toNetError(e).message };
  }
}

/**
 * The sha256 prefix a checkpoint's file name promises, torch.hub's convention: 8 or more hex
 * digits after the last `-`, before the extension (`resnext101_32x8d-8ba56ff5.pth`); lower case.
 */
export function hashPrefixOf(url: string): string | undefined {
  let name = url.replace(/[?#].*$/, '');
  name = name.slice(name.lastIndexOf('/') + 1);
  const m = /-([0-9a-fA-F]{8,})\.[A-Za-z0-9.]+$/.exec(name.slice(name.lastIndexOf('-')));
  return m ? m[1]!.toLowerCase() : undefined;
}
