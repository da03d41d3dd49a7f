/**
 * HTTP servers on 127.0.0.1 for the online checks: each counts the requests it gets. One port
 * can speak plain HTTP and TLS (`both`), so that `http://host:port/x` may redirect to
 * `https://host:port/x`. A small forward proxy (absolute-URI requests and CONNECT) stands for
 * HTTP_PROXY. Also an asynchronous runner of the built CLI: a synchronous spawn would block the
 * servers that run in the test's own process.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import https from 'node:https';
import net, { type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { ROOT, type Exec } from './exec.js';

export interface Seen { readonly method: string; readonly url: string; readonly headers: IncomingMessage['headers'] }

export interface TestServer {
  readonly origin: string;
  readonly host: string;
  readonly seen: Seen[];
  close(): Promise<void>;
}

/**
 * The request timeout for servers that answer: far beyond what a loaded machine takes, so it never
 * races an answer. Only a server that never answers is checked with a short one.
 */
export const ANSWERED_TIMEOUT_MS = 20_000;

export const TEST_CA = readFileSync(join(ROOT, 'fixtures', 'online', 'test-cert.pem'), 'utf8');
const KEY = readFileSync(join(ROOT, 'fixtures', 'online', 'test-key.pem'), 'utf8');

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/** A server on 127.0.0.1 (a free port) that hands every request to `handler`, over HTTP and TLS alike. */
export async function startServer(handler: Handler): Promise<TestServer> {
  const seen: Seen[] = [];
  const wrapped: Handler = (req, res) => { seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers }); handler(req, res); };
  const plain = http.createServer(wrapped);
  const secure = https.createServer({ key: KEY, cert: TEST_CA }, wrapped);
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.once('readable', () => {
      const first = socket.read(1) as Buffer | null;
      if (!first) return;
      socket.unshift(first);
      (first[0] === 0x16 ? secure : plain).emit('connection', socket);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`, host: `127.0.0.1:${port}`, seen,
    close: () => new Promise<void>((r) => { for (const s of sockets) s.destroy(); server.close(() => r()); }),
  };
}

/** A forward proxy: plain requests with an absolute URI are passed on, CONNECT is tunnelled. */
export async function startProxy(): Promise<TestServer> {
  const seen: Seen[] = [];
  const proxy = http.createServer((req, res) => {
    seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
    const target = new URL(req.url ?? '');
    const out = http.request({ host: target.hostname, port: target.port, path: target.pathname + target.search, method: req.method, headers: req.headers }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    });
    out.on('error', () => { res.writeHead(502); res.end(); });
    req.pipe(out);
  });
  proxy.on('connect', (req: IncomingMessage, client: net.Socket, head: Buffer) => {
    seen.push({ method: 'CONNECT', url: req.url ?? '', headers: req.headers });
    const [host, port] = (req.url ?? '').split(':');
    const up = net.connect(Number(port), host, () => { client.write('HTTP/1.1 200 Connection Established\r\n\r\n'); up.write(head); up.pipe(client); client.pipe(up); });
    up.on('error', () => client.destroy());
    client.on('error', () => up.destroy());
  });
  await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
  const { port } = proxy.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`, host: `127.0.0.1:${port}`, seen,
    close: () => new Promise<void>((r) => { proxy.closeAllConnections(); proxy.close(() => r()); }),
  };
}

/** Runs the built CLI without blocking this process, with a minimal environment plus `env`. */
export function milintAsync(args: string[], cwd: string, env: Record<string, string> = {}): Promise<Exec> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'milint.js'), ...args], {
      cwd, env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', HOME: process.env.HOME ?? '', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => { stdout += s; });
    child.stderr.setEncoding('utf8').on('data', (s: string) => { stderr += s; });
    child.on('error', reject);
    child.on('close', (code) => resolve({ stdout, stderr, code }));
  });
}
