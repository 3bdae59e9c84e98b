// Hooks for the browser tests, present only with ?testHooks=1: kill the worker the way an
// out-of-memory kill does, and wait for pending saves.
import { flushPersistence } from '../persistence/autosave';
import { WorkerClient } from '../workerClient';

export interface PaperLensTestHooks {
  killWorker(): void;
  flushPersistence(): Promise<void>;
}

export function testHooksWanted(search: string): boolean {
  return new URLSearchParams(search).get('testHooks') === '1';
}

export function installTestHooks(): void {
  (window as unknown as { __paperlens: PaperLensTestHooks }).__paperlens = {
    killWorker: () => WorkerClient.current?.kill(),
    flushPersistence,
  };
}
