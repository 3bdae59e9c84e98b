// Download progress across all the files of a model: bytes, speed and time left. Fed with the
// per-file FileProgress events every source emits; the clock is injectable so tests are exact.
import type { FileProgress } from '../types';

export interface DownloadSnapshot {
  /** Bytes read so far, cache hits included. */
  loaded: number;
  /** Bytes of all files, when every file's size is known (from the server or announced). */
  total?: number;
  /** Network rate over the recent window (cache hits excluded). */
  bytesPerSecond: number;
  /** Seconds left at the current rate, when the total and a rate are known. */
  etaSeconds?: number;
  /** Latest progress of every file seen or announced, in first-seen order. */
  files: FileProgress[];
  /** Files complete. */
  done: number;
}

export interface TrackerOptions {
  now?: () => number;
  /** Rate window in ms (default 3000). */
  windowMs?: number;
}

export class DownloadTracker {
  private readonly files = new Map<string, FileProgress>();
  private readonly samples: { t: number; bytes: number }[] = [];
  private readonly now: () => number;
  private readonly windowMs: number;

  constructor(opts: TrackerOptions = {}) {
    this.now = opts.now ?? (() => performance.now());
    this.windowMs = opts.windowMs ?? 3000;
  }

  /** Announces a file before it starts (e.g. sizes from the catalogue), so the total is known early. */
  expect(path: string, bytes: number): void {
    if (!this.files.has(path)) this.files.set(path, { path, loaded: 0, total: bytes });
  }

  update(p: FileProgress): DownloadSnapshot {
    const prev = this.files.get(p.path);
    this.files.set(p.path, { ...p, total: p.total ?? prev?.total });
    const t = this.now();
    this.samples.push({ t, bytes: this.networkBytes() });
    while (this.samples.length > 2 && t - this.samples[1].t >= this.windowMs) this.samples.shift();
    return this.snapshot();
  }

  snapshot(): DownloadSnapshot {
    const files = [...this.files.values()];
    const loaded = files.reduce((s, f) => s + f.loaded, 0);
    const sized = files.every((f) => f.total !== undefined);
    const total = sized ? files.reduce((s, f) => s + Math.max(f.total!, f.loaded), 0) : undefined;
    const bytesPerSecond = this.rate();
    const etaSeconds = total !== undefined && bytesPerSecond > 0 ? Math.max(0, total - loaded) / bytesPerSecond : undefined;
    const done = files.filter((f) => f.total !== undefined && f.loaded >= f.total).length;
    return { loaded, total, bytesPerSecond, etaSeconds, files, done };
  }

  private networkBytes(): number {
    let n = 0;
    for (const f of this.files.values()) if (!f.cached) n += f.loaded;
    return n;
  }

  private rate(): number {
    if (this.samples.length < 2) return 0;
    const a = this.samples[0];
    const b = this.samples[this.samples.length - 1];
    const dt = b.t - a.t;
    return dt > 0 ? ((b.bytes - a.bytes) * 1000) / dt : 0;
  }
}

/** 1234567 -> "1.2 MB" (decimal units, as the Hugging Face hub shows sizes). */
export function formatBytes(n: number): string {
  if (n < 1000) return `${n} B`;
  const units = ['kB', 'MB', 'GB', 'TB'];
  let v = n;
  let i = -1;
  do {
    v /= 1000;
    i++;
  } while (v >= 1000 && i < units.length - 1);
  return `${v >= 100 ? v.toFixed(0) : v.toFixed(1)} ${units[i]}`;
}

export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  const s = Math.round(seconds);
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m ${s % 60}s`;
  return `${Math.floor(m / 60)}h ${m % 60}m`;
}
