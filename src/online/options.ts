/**
 * Settings of the online checks (`--check-urls`, `--verify-weights`), with their defaults. Tests
 * shorten the timeouts and delays here; the CLI sets the few a user may want to change.
 */
export interface OnlineOptions {
  /** Probe every link (Weights, Code, Paper, Config, README, Training Log, HF `source.url`). */
  readonly checkUrls: boolean;
  /** Download each Weights checkpoint and check its sha256 prefix and size. */
  readonly verifyWeights: boolean;
  /** Answer from the cache only; links it does not know are skipped. */
  readonly offline: boolean;
  /** How long a cached answer stands, in ms. */
  readonly cacheTtlMs: number;
  /** The cache folder (absolute); undefined: no cache. */
  readonly cacheDir: string | undefined;
  /** Time to connect, and to wait for headers or the next bytes of a body, in ms. */
  readonly timeoutMs: number;
  /** Extra attempts after a 429, a 5xx or a reset connection. */
  readonly retries: number;
  /** First backoff between attempts, in ms (doubled each time). */
  readonly backoffMs: number;
  /** Longest `Retry-After` honoured, in ms (longer ones are cut to this). */
  readonly maxRetryAfterMs: number;
  /** Redirects followed per link. */
  readonly maxRedirects: number;
  /** Requests in flight at once, per host and overall. */
  readonly perHost: number;
  readonly total: number;
  /** Largest checkpoint downloaded, in bytes. */
  readonly maxDownloadBytes: number;
  /** Longest time one download may take, in ms (a server that trickles bytes must not hold the run). */
  readonly maxDownloadMs: number;
  /** Hosts whose `/<owner>/<repo>/blob|tree/<ref>/` links are GitHub's. */
  readonly githubHosts: readonly string[];
  /** Proxy settings; undefined: from HTTP_PROXY, HTTPS_PROXY and NO_PROXY. */
  /** Extra certificate authorities to trust (PEM), on top of Node's (tests use a self-signed server). */
  readonly ca?: string;
  readonly proxy?: { readonly httpProxy?: string; readonly httpsProxy?: string; readonly noProxy?: string };
}

export const DEFAULT_ONLINE: OnlineOptions = {
  checkUrls: false,
  verifyWeights: false,
  offline: false,
  cacheTtlMs: 24 * 3600 * 1000,
  cacheDir: undefined,
  timeoutMs: 15_000,
  retries: 2,
  backoffMs: 500,
  maxRetryAfterMs: 30_000,
  maxRedirects: 5,
  perHost: 4,
  total: 16,
  maxDownloadBytes: 2 * 1024 ** 3,
  maxDownloadMs: 30 * 60 * 1000,
  githubHosts: ['github.com', 'www.github.com'],
};

/** A duration flag (`90`, `90s`, `30m`, `12h`, `1d`) in ms; undefined when it is not one. */
export function parseDuration(text: string): number | undefined {
  const m = /^([0-9]+(?:\.[0-9]+)?)(ms|s|m|h|d)?$/.exec(text.trim());
  if (!m) return undefined;
  const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[(m[2] ?? 's') as 'ms' | 's' | 'm' | 'h' | 'd'];
  return Number(m[1]) * unit;
}

/** A size flag (`500000`, `500MB`, `2GiB`) in bytes; undefined when it is not one. */
export function parseSize(text: string): number | undefined {
  const m = /^([0-9]+(?:\.[0-9]+)?)\s*(B|KB|MB|GB|KiB|MiB|GiB)?$/i.exec(text.trim());
  if (!m) return undefined;
  const units: Record<string, number> = { b: 1, kb: 1e3, mb: 1e6, gb: 1e9, kib: 1024, mib: 1024 ** 2, gib: 1024 ** 3 };
  const n = Math.floor(Number(m[1]) * units[(m[2] ?? 'b').toLowerCase()]!);
  return n > 0 ? n : undefined;
}
