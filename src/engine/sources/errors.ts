// Errors of model file sources that the app shows to users as they are.
import { ModelFileError } from '../types';

/**
 * The host of a model folder did not answer at all (offline, DNS failure, refused connection).
 * Still a ModelFileError, so code that only knows the contract names the file; the app can tell it
 * apart (name / instanceof) and fall back to the extractive summarizer.
 */
export class HostUnreachableError extends ModelFileError {
  constructor(
    sourceId: string,
    path: string,
    readonly host: string,
    /** navigator.onLine said false: the device has no network at all. */
    readonly offline: boolean,
    readonly causeText: string,
  ) {
    super(sourceId, path, `could not reach ${host}: ${reason(host, offline)} (${causeText})`);
    this.name = 'HostUnreachableError';
  }

  /** One sentence for users, without the technical cause. */
  get plain(): string {
    return `Could not reach ${this.host}: ${reason(this.host, this.offline)}.`;
  }
}

function reason(host: string, offline: boolean): string {
  return offline ? 'you appear to be offline' : `you appear to be offline, or ${host} is down or blocked`;
}

/** The sentence the app shows when a model cannot be fetched and it summarizes extractively instead. */
export function fallbackNotice(e: HostUnreachableError): string {
  return `${e.plain.slice(0, -1)}; using the extractive summarizer instead.`;
}

export function isHostUnreachable(e: unknown): e is HostUnreachableError {
  return e instanceof HostUnreachableError || (e instanceof Error && e.name === 'HostUnreachableError');
}

/** Words for an HTTP status a model file request ended with. */
export function statusProblem(status: number, statusText = ''): string {
  const text = statusText ? ` ${statusText}` : '';
  if (status === 404 || status === 410) return `not found on the server (HTTP ${status}${text})`;
  if (status === 401 || status === 403) {
    return `the server refused access (HTTP ${status}${text}); the repository may be gated or private`;
  }
  if (status === 416) return `the server rejected the byte range asked for (HTTP 416)`;
  return `the server answered HTTP ${status}${text}`;
}

/** Statuses worth another try: the server or a proxy may recover. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 425 || status === 429 || status >= 500;
}

export function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The download was cancelled.', 'AbortError');
}

/** Whether `navigator.onLine` reports no network (false when the platform does not say). */
export function platformOffline(): boolean {
  const nav = (globalThis as { navigator?: { onLine?: boolean } }).navigator;
  return nav?.onLine === false;
}
