// When a silent worker counts as dead, on a fake clock.
import { describe, expect, it } from 'vitest';
import { CrashCounter, Watchdog } from '../../src/app/recovery/watchdog';
import { isHeartbeat, startHeartbeat } from '../../src/worker/heartbeat';

describe('Watchdog', () => {
  it('declares death only after the timeout of silence', () => {
    const dog = new Watchdog({ timeoutMs: 3000, checkEveryMs: 500 });
    let lastSeen = 0;
    for (let t = 500; t <= 3000; t += 500) expect(dog.isDead(t, lastSeen)).toBe(false);
    lastSeen = 3000; // a heartbeat
    for (let t = 3500; t <= 6000; t += 500) expect(dog.isDead(t, lastSeen)).toBe(false);
    expect(dog.isDead(6500, lastSeen)).toBe(true);
  });

  it('never declares death on a late check (this page was frozen, heartbeats still queued)', () => {
    const dog = new Watchdog({ timeoutMs: 3000, checkEveryMs: 500 });
    expect(dog.isDead(500, 0)).toBe(false);
    expect(dog.isDead(60_000, 0)).toBe(false);
    expect(dog.isDead(60_500, 0)).toBe(true);
  });
});

describe('CrashCounter', () => {
  it('gives up after three crashes within the window, not spread out', () => {
    const spread = new CrashCounter(60_000, 3);
    expect([0, 70_000, 140_000].map((t) => spread.record(t))).toEqual([false, false, false]);
    const burst = new CrashCounter(60_000, 3);
    expect([0, 10_000, 20_000].map((t) => burst.record(t))).toEqual([false, false, true]);
  });
});

describe('heartbeat', () => {
  it('posts at once and on every interval until stopped; only heartbeats pass isHeartbeat', async () => {
    const got: unknown[] = [];
    const stop = startHeartbeat((m) => got.push(m), 5);
    await new Promise((r) => setTimeout(r, 40));
    stop();
    const n = got.length;
    await new Promise((r) => setTimeout(r, 20));
    expect(n).toBeGreaterThanOrEqual(3);
    expect(got.length).toBe(n);
    expect(got.every(isHeartbeat)).toBe(true);
    expect(isHeartbeat({ type: 'status' })).toBe(false);
    expect(isHeartbeat(null)).toBe(false);
  });
});
