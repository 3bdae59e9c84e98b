// After the worker dies: say what happened, bring the model back in the fresh worker, and let the
// user retry. WorkerClient replaces the worker itself; this module watches for silent deaths and
// handles what the user sees.
import { t } from '../i18n';
import { create } from 'zustand';
import { loadChoice, loadModel, summarize } from '../actions';
import { pickableModels } from '../catalogueView';
import { get, set, useApp } from '../store';
import { WorkerClient } from '../workerClient';
import { CrashCounter, Watchdog } from './watchdog';

export interface RecoveryState {
  /** What happened, in words; null when all is well. */
  crash: string | null;
  /** True when the worker keeps dying and restarting it again would not help. */
  givenUp: boolean;
  /** A summary was running (or failed) when the worker died, so Retry makes sense. */
  canRetry: boolean;
}

export const useRecovery = create<RecoveryState>()(() => ({ crash: null, givenUp: false, canRetry: false }));

export interface RecoveryOptions {
  /** Silence after which the worker counts as dead. */
  timeoutMs?: number;
  checkEveryMs?: number;
  /** Silence allowed while a model loads. */
  loadingTimeoutMs?: number;
}

const crashes = new CrashCounter(60_000, 3);

export function startRecovery(opts: RecoveryOptions = {}): void {
  const checkEveryMs = opts.checkEveryMs ?? 1000;
  // Generous: one very long synchronous step (a huge tokenization, a slow session build) must
  // not count as death.
  const timeoutMs = opts.timeoutMs ?? 30_000;
  // Building an ORT session for a large model is one long synchronous call in the worker.
  const loadingTimeoutMs = Math.max(timeoutMs, opts.loadingTimeoutMs ?? 120_000);
  const idle = new Watchdog({ timeoutMs, checkEveryMs });
  const loading = new Watchdog({ timeoutMs: loadingTimeoutMs, checkEveryMs });
  setInterval(() => {
    const client = WorkerClient.current;
    const dog = get().model.status === 'loading' ? loading : idle;
    const other = dog === idle ? loading : idle;
    other.isDead(performance.now(), performance.now()); // keeps its clock current
    if (client && dog.isDead(performance.now(), client.lastSeenAt)) {
      client.fail(t('notices.workerHung'));
    }
  }, checkEveryMs);
  useApp.subscribe((s, prev) => {
    if (s.fatal && s.fatal !== prev.fatal) onCrash(s.fatal, prev);
  });
}

function onCrash(message: string, before: ReturnType<typeof get>): void {
  const givenUp = crashes.record(performance.now());
  const wasRunning = before.run.status === 'preparing' || before.run.status === 'summarizing';
  useRecovery.setState({ crash: message, givenUp, canRetry: wasRunning || get().run.status === 'error' });
  if (givenUp) return;
  // The new worker has no model: load it again, so Retry gives the same kind of summary.
  const m = before.model;
  if (m.id && (m.status === 'ready' || m.status === 'loading' || (m.status === 'error' && m.error === message))) {
    const choice = pickableModels().find((c) => c.id === m.id);
    if (choice) void loadChoice(choice);
    else void loadModel(m.id, m.label ?? m.id, { kind: 'same-origin', path: m.id });
  }
}

export function dismissCrash(): void {
  useRecovery.setState({ crash: null, canRetry: false });
  set({ fatal: null });
}

export function retryAfterCrash(): void {
  dismissCrash();
  void summarize();
}
