// Starts everything that keeps work safe: saving, crash recovery, the offline service worker.
import { registerServiceWorker } from '../../sw/register';
import { startPersistence } from '../persistence/autosave';
import { startRecovery } from './recovery';
import { installTestHooks, testHooksWanted } from './testHooks';

export async function startResilience(search: string): Promise<void> {
  const testing = testHooksWanted(search);
  if (testing) installTestHooks();
  // Tests kill the worker on purpose and should not wait half a minute to see it noticed.
  startRecovery(testing ? { timeoutMs: 3000, checkEveryMs: 500, loadingTimeoutMs: 30_000 } : {});
  registerServiceWorker();
  await startPersistence();
}
