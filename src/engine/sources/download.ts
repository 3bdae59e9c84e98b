// One file over HTTP into a sink: streamed, cancellable, retried with backoff, resumed with a
// Range request after an interrupted body, and checked against the length the server announced.
// HttpFileSource reads into memory through it; scripts/fetch-model.ts writes to disk through it.
import { ModelFileError } from '../types';
import {
  HostUnreachableError,
  abortReason,
  isRetryableStatus,
  platformOffline,
  statusProblem,
} from './errors';

/** Where downloaded bytes go. `size` is the resume offset. */
export interface ByteSink {
  readonly size: number;
  write(chunk: Uint8Array): void | Promise<void>;
  /** Drops everything written (the server ignored a Range request and sent the whole file). */
  reset(): void | Promise<void>;
}

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export interface RetryPolicy {
  /** Further tries after a failed or interrupted one that made no progress (default 3). */
  retries: number;
  /** First backoff; doubles on each try (default 500 ms). */
  backoffMs: number;
  /** Further tries when the host does not answer at all (default 1): offline should fail fast. */
  connectRetries: number;
}

export const DEFAULT_RETRY: RetryPolicy = { retries: 3, backoffMs: 500, connectRetries: 1 };

export interface DownloadRequest {
  url: string;
  /** For errors: the source id and the file path within it. */
  sourceId: string;
  path: string;
  fetch: FetchLike;
  retry: RetryPolicy;
  signal?: AbortSignal;
  onProgress?: (loaded: number, total: number | undefined) => void;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export interface DownloadResult {
  /** Bytes written to the sink. */
  bytes: number;
  /** Requests made, including retries (tests and logs). */
  requests: number;
  /** Requests that resumed with a Range header and got 206. */
  resumed: number;
}

/** Hard cap on tries that each made progress, so a server that trickles forever still ends. */
const MAX_TRIES = 50;

export async function download(req: DownloadRequest, sink: ByteSink): Promise<DownloadResult> {
  const sleep = req.sleep ?? abortableSleep;
  const { signal } = req;
  let etag: string | undefined;
  let failedTries = 0;
  let connectFailures = 0;
  let requests = 0;
  let resumed = 0;
  let lastProblem = '';

  for (let tries = 0; tries < MAX_TRIES; tries++) {
    if (signal?.aborted) throw abortReason(signal);
    const offset = sink.size;
    const headers: Record<string, string> = {};
    if (offset > 0) {
      headers.Range = `bytes=${offset}-`;
      // If the file changed since the first part, the server sends it whole (200) instead.
      if (etag) headers['If-Range'] = etag;
    }

    let res: Response;
    try {
      requests++;
      res = await req.fetch(req.url, { headers, signal });
    } catch (e) {
      if (signal?.aborted) throw abortReason(signal);
      if (++connectFailures > req.retry.connectRetries) {
        throw new HostUnreachableError(req.sourceId, req.path, hostOf(req.url), platformOffline(), describe(e));
      }
      await sleep(backoff(req.retry, connectFailures), signal);
      continue;
    }

    if (!res.ok) {
      await cancelBody(res);
      // Nothing beyond what we have, though the server announced more: the file is short.
      if (res.status === 416 && offset > 0 && lastProblem) throw new ModelFileError(req.sourceId, req.path, lastProblem);
      lastProblem = statusProblem(res.status, res.statusText);
      if (isRetryableStatus(res.status) && ++failedTries <= req.retry.retries) {
        await sleep(backoff(req.retry, failedTries), signal);
        continue;
      }
      throw new ModelFileError(req.sourceId, req.path, lastProblem);
    }

    let total: number | undefined;
    if (res.status === 206) {
      const range = parseContentRange(res.headers.get('content-range'));
      if (!range || range.start !== offset) {
        await cancelBody(res);
        throw new ModelFileError(req.sourceId, req.path, `the server resumed at the wrong byte (asked for ${offset}, got ${res.headers.get('content-range') ?? 'no Content-Range'})`);
      }
      total = range.total;
      resumed++;
    } else {
      if (offset > 0) await sink.reset(); // Range ignored or the file changed: start over.
      total = declaredLength(res);
    }
    etag = res.headers.get('etag') ?? etag;

    const before = sink.size;
    const interrupted = await pump(res, sink, req, total);
    const progressed = sink.size > before;
    if (!interrupted && (total === undefined || sink.size >= total)) {
      // More bytes than declared is accepted: a transparently decompressed body looks the same.
      req.onProgress?.(sink.size, Math.max(sink.size, total ?? 0));
      return { bytes: sink.size, requests, resumed };
    }
    lastProblem =
      total === undefined
        ? `the download was interrupted after ${sink.size} bytes (${interrupted})`
        : `the download stopped at ${sink.size} of ${total} bytes: the file is truncated or its Content-Length is wrong` +
          (interrupted ? ` (${interrupted})` : '');
    if (progressed) failedTries = 0;
    if (++failedTries > req.retry.retries) break;
    await sleep(backoff(req.retry, failedTries), signal);
  }
  throw new ModelFileError(req.sourceId, req.path, lastProblem || 'the download did not complete');
}

/** Streams the body into the sink. Returns why it stopped early, or '' when the body ended. */
async function pump(res: Response, sink: ByteSink, req: DownloadRequest, total: number | undefined): Promise<string> {
  const { signal } = req;
  if (!res.body) {
    const bytes = new Uint8Array(await res.arrayBuffer());
    await sink.write(bytes);
    req.onProgress?.(sink.size, total);
    return '';
  }
  const reader = res.body.getReader();
  const onAbort = () => void reader.cancel().catch(() => {});
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return '';
      if (signal?.aborted) throw abortReason(signal);
      await sink.write(value);
      req.onProgress?.(sink.size, total);
    }
  } catch (e) {
    if (signal?.aborted) throw abortReason(signal);
    return describe(e);
  } finally {
    signal?.removeEventListener('abort', onAbort);
  }
}

/** Content-Length, unless the body is content-encoded (then it counts compressed bytes). */
function declaredLength(res: Response): number | undefined {
  const encoding = res.headers.get('content-encoding');
  if (encoding && encoding !== 'identity') return undefined;
  const n = Number(res.headers.get('content-length'));
  return res.headers.has('content-length') && Number.isFinite(n) && n >= 0 ? n : undefined;
}

export function parseContentRange(v: string | null): { start: number; end: number; total?: number } | undefined {
  const m = v && /^bytes (\d+)-(\d+)\/(\d+|\*)$/.exec(v.trim());
  if (!m) return undefined;
  return { start: Number(m[1]), end: Number(m[2]), total: m[3] === '*' ? undefined : Number(m[3]) };
}

function backoff(p: RetryPolicy, n: number): number {
  return p.backoffMs * 2 ** (n - 1);
}

async function cancelBody(res: Response): Promise<void> {
  try {
    await res.body?.cancel();
  } catch {
    // Nothing to release.
  }
}

export function hostOf(url: string): string {
  try {
    return new URL(url, (globalThis as { location?: { href: string } }).location?.href).host || url;
  } catch {
    return url;
  }
}

function describe(e: unknown): string {
  if (!(e instanceof Error)) return String(e);
  // undici hides the socket error (ECONNREFUSED, ENOTFOUND, ...) in `cause`.
  const cause = (e as { cause?: unknown }).cause;
  if (!(cause instanceof Error)) return e.message;
  const code = (cause as { code?: unknown }).code;
  return `${e.message}: ${typeof code === 'string' ? code : cause.message}`;
}

export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortReason(signal));
    const t = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(t);
      reject(abortReason(signal!));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Collects a download in memory; chunks are joined once at the end. */
export class MemorySink implements ByteSink {
  private parts: Uint8Array[] = [];
  size = 0;

  write(chunk: Uint8Array): void {
    this.parts.push(chunk);
    this.size += chunk.length;
  }

  reset(): void {
    this.parts = [];
    this.size = 0;
  }

  bytes(): Uint8Array {
    if (this.parts.length === 1) return this.parts[0];
    const out = new Uint8Array(this.size);
    let o = 0;
    for (const p of this.parts) {
      out.set(p, o);
      o += p.length;
    }
    this.parts = [out];
    return out;
  }
}
