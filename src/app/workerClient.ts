// The UI side of the worker protocol: numbers requests, routes events to their request's
// listener, and resolves when the request's final event arrives.
import { t } from './i18n';
import { isHeartbeat } from '../worker/heartbeat';
import { isFinalEvent, type RuntimeStatus, type WorkerEvent, type WorkerRequest } from '../worker/protocol';

type Listener = (ev: WorkerEvent) => void;
type RequestBody = WorkerRequest extends infer R ? (R extends WorkerRequest ? Omit<R, 'id'> : never) : never;

export interface Pending {
  id: number;
  /** Resolves with the final event (done, error or cancelled); never rejects. */
  done: Promise<WorkerEvent>;
}

export class WorkerClient {
  private nextId = 1;
  private readonly listeners = new Map<number, Listener>();
  private worker!: Worker;
  /** When the current worker last sent anything (heartbeats included); read by the watchdog. */
  lastSeenAt = performance.now();
  /** The client made by create(), for the recovery watchdog and test hooks. */
  static current: WorkerClient | null = null;

  constructor(
    private readonly makeWorker: () => Worker,
    private readonly onStatus: (s: RuntimeStatus) => void,
    private readonly onCrash: (message: string) => void,
  ) {
    this.attach(makeWorker());
  }

  static create(onStatus: (s: RuntimeStatus) => void, onCrash: (message: string) => void): WorkerClient {
    const make = () => new Worker(new URL('../worker/worker.ts', import.meta.url), { type: 'module', name: 'paperlens' });
    return (WorkerClient.current = new WorkerClient(make, onStatus, onCrash));
  }

  private attach(worker: Worker): void {
    this.worker = worker;
    this.lastSeenAt = performance.now();
    worker.addEventListener('message', (e: MessageEvent<WorkerEvent>) => {
      if (worker !== this.worker) return;
      this.lastSeenAt = performance.now();
      if (!isHeartbeat(e.data)) this.dispatch(e.data);
    });
    worker.addEventListener('error', (e) => {
      e.preventDefault();
      if (worker === this.worker) this.fail(t('notices.workerStopped', { reason: e.message || t('notices.workerCouldNotStart') }));
    });
    worker.addEventListener('messageerror', () => {
      if (worker === this.worker) this.fail(t('notices.workerBadMessage'));
    });
  }

  /**
   * The worker died or stopped answering: every open request ends with an error (partial output
   * stays with the UI), and a fresh worker takes its place for what the user does next.
   */
  fail(message: string): void {
    this.worker.terminate();
    this.attach(this.makeWorker());
    this.crash(message);
  }

  /** Test hook: kills the worker silently, as an out-of-memory kill would. */
  kill(): void {
    this.worker.terminate();
  }

  request(body: RequestBody, onEvent: Listener = () => {}, transfer: Transferable[] = []): Pending {
    const id = this.nextId++;
    let resolve!: (ev: WorkerEvent) => void;
    const done = new Promise<WorkerEvent>((r) => (resolve = r));
    this.listeners.set(id, (ev) => {
      onEvent(ev);
      if (isFinalEvent(ev)) {
        this.listeners.delete(id);
        resolve(ev);
      }
    });
    this.worker.postMessage({ ...body, id } as WorkerRequest, transfer);
    return { id, done };
  }

  cancel(target: number): void {
    this.worker.postMessage({ type: 'cancel', id: this.nextId++, target } satisfies WorkerRequest);
  }

  private dispatch(ev: WorkerEvent): void {
    if (ev.type === 'status') return this.onStatus(ev.status);
    if (ev.type === 'loaded') this.onStatus(ev.status);
    this.listeners.get(ev.id)?.(ev);
  }

  private crash(message: string): void {
    // Only the dead worker's requests fail; what onCrash starts goes to the new worker.
    const dead = [...this.listeners];
    for (const [id, l] of dead) l({ type: 'error', id, request: 'summarize', message });
    this.onCrash(message);
  }
}
