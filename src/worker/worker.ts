/// <reference lib="webworker" />
// Worker entry: owns the engine and pipeline, talks to the UI only through protocol.ts messages.
import { WorkerController } from './controller';
import { startHeartbeat } from './heartbeat';
import type { WorkerEvent, WorkerRequest } from './protocol';
import { workerServices } from './services';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (ev: WorkerEvent) => scope.postMessage(ev);
const controller = new WorkerController(workerServices(), post);

scope.addEventListener('message', (e: MessageEvent<WorkerRequest>) => {
  void controller.handle(e.data);
});

void controller.status().then((status) => post({ type: 'status', status }));

startHeartbeat((m) => scope.postMessage(m));
