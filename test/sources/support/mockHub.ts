// A loopback HTTP server that serves model files the way a hub does (HEAD, Range/206) and can
// misbehave on purpose: cut a body short, lie about Content-Length, ignore Range, stall, refuse
// HEAD. It counts and records every request so tests can assert what went over the wire.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { createServer as createTcpServer, type AddressInfo } from 'node:net';

export interface Misbehaviour {
  /** The first `times` GETs of the file send `bytes` body bytes, then drop the connection. */
  cut?: { bytes: number; times: number };
  /** Every GET announces this Content-Length but sends the real bytes (then drops the connection when shorter). */
  declaredLength?: number;
  /** Answer 200 with the whole file even when a Range is asked for. */
  ignoreRange?: boolean;
  /** Send this many bytes, then keep the connection open without sending more. */
  stallAfter?: number;
  /** Answer HEAD with 405 (GET with Range 0-0 must be used instead). */
  noHead?: boolean;
  /** The first `times` requests answer this status. */
  fail?: { status: number; times: number };
}

export interface SeenRequest {
  method: string;
  path: string;
  range?: string;
  ifRange?: string;
}

export class MockHub {
  readonly files = new Map<string, Uint8Array>();
  readonly misbehave = new Map<string, Misbehaviour>();
  readonly requests: SeenRequest[] = [];
  /** Open responses of stalled downloads, and whether the client went away. */
  readonly closed: string[] = [];
  private server?: Server;
  private cuts = new Map<string, number>();
  private fails = new Map<string, number>();
  url = '';

  /** Serves every file under `dir` at `${prefix}<relative path>`. */
  serveFolder(prefix: string, dir: string): string[] {
    const paths: string[] = [];
    const walk = (d: string) => {
      for (const e of readdirSync(d, { withFileTypes: true })) {
        const p = join(d, e.name);
        if (e.isDirectory()) walk(p);
        else if (statSync(p).isFile()) {
          const rel = relative(dir, p).split(sep).join('/');
          this.files.set(prefix + rel, new Uint8Array(readFileSync(p)));
          paths.push(rel);
        }
      }
    };
    walk(dir);
    return paths.sort();
  }

  async start(): Promise<string> {
    this.server = createServer((req, res) => this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.address() as AddressInfo;
    this.url = `http://127.0.0.1:${port}`;
    return this.url;
  }

  async close(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
  }

  count(path: string, method?: string): number {
    return this.requests.filter((r) => r.path === path && (!method || r.method === method)).length;
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const path = decodeURIComponent((req.url ?? '/').split('?')[0]);
    const method = req.method ?? 'GET';
    this.requests.push({ method, path, range: header(req, 'range'), ifRange: header(req, 'if-range') });
    const body = this.files.get(path);
    const m = this.misbehave.get(path) ?? {};

    if (m.fail && (this.fails.get(path) ?? 0) < m.fail.times) {
      this.fails.set(path, (this.fails.get(path) ?? 0) + 1);
      res.writeHead(m.fail.status).end('failing on purpose');
      return;
    }
    if (!body) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    if (method === 'HEAD') {
      if (m.noHead) res.writeHead(405).end();
      else res.writeHead(200, { 'content-length': body.length, 'accept-ranges': 'bytes', etag: '"v1"' }).end();
      return;
    }

    let start = 0;
    const range = /^bytes=(\d+)-(\d*)$/.exec(header(req, 'range') ?? '');
    if (range && !m.ignoreRange) start = Number(range[1]);
    if (start >= body.length && start > 0) {
      res.writeHead(416, { 'content-range': `bytes */${body.length}` }).end();
      return;
    }
    const end = range && range[2] && !m.ignoreRange ? Number(range[2]) + 1 : body.length;
    let part = body.subarray(start, end);
    const headers: Record<string, string | number> = { 'content-type': 'application/octet-stream', 'accept-ranges': 'bytes', etag: '"v1"' };
    let status = 200;
    if (range && !m.ignoreRange) {
      status = 206;
      headers['content-range'] = `bytes ${start}-${end - 1}/${body.length}`;
    }
    headers['content-length'] = m.declaredLength ?? part.length;
    res.writeHead(status, headers);

    const cutsDone = this.cuts.get(path) ?? 0;
    if (m.cut && cutsDone < m.cut.times) {
      this.cuts.set(path, cutsDone + 1);
      part = part.subarray(0, m.cut.bytes);
      res.write(part, () => res.destroy());
      return;
    }
    if (m.stallAfter !== undefined) {
      res.write(part.subarray(0, m.stallAfter));
      res.on('close', () => this.closed.push(path));
      return;
    }
    if (m.declaredLength !== undefined && m.declaredLength > part.length) {
      res.write(part, () => res.destroy());
      return;
    }
    res.end(part);
  }
}

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

/** Deterministic bytes of any length (a file big enough to arrive in several chunks). */
export function patternBytes(n: number, seed = 1): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

/** A loopback port with nothing listening (bound, then released). */
export async function closedPort(): Promise<number> {
  const s = createTcpServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const { port } = s.address() as { port: number };
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}
