// Decides when a silent worker is dead. Pure timing logic (no timers of its own), so it is tested
// with a fake clock; recovery.ts drives it.

export interface WatchdogOptions {
  /** Silence longer than this means the worker is gone. */
  timeoutMs: number;
  /** How often check() is called; a much longer gap means this page itself was asleep. */
  checkEveryMs: number;
}

export class Watchdog {
  private lastCheck: number | null = null;

  constructor(private readonly opts: WatchdogOptions) {}

  /**
   * True when the worker has been silent for longer than the timeout. A check that comes late
   * (the tab was frozen, the laptop slept) never declares death: heartbeats that queued up while
   * this page was asleep have not been delivered yet.
   */
  isDead(now: number, lastSeenAt: number): boolean {
    const previous = this.lastCheck;
    this.lastCheck = now;
    if (previous !== null && now - previous > this.opts.checkEveryMs * 3) return false;
    return now - lastSeenAt > this.opts.timeoutMs;
  }
}

/** Counts crashes in a sliding window, to stop restarting a worker that keeps dying. */
export class CrashCounter {
  private readonly times: number[] = [];

  constructor(
    private readonly windowMs: number,
    private readonly limit: number,
  ) {}

  /** Records a crash; true when crashes have become too frequent to keep restarting. */
  record(now: number): boolean {
    this.times.push(now);
    while (this.times.length && now - this.times[0] > this.windowMs) this.times.shift();
    return this.times.length >= this.limit;
  }
}
