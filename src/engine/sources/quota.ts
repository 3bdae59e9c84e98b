// Storage quota before a download: a model that cannot be cached should be refused up front
// with a sentence, not fail at 90 % with a QuotaExceededError.
import { formatBytes } from './progress';

export interface StorageLike {
  estimate(): Promise<{ quota?: number; usage?: number }>;
}

export type QuotaCheck =
  | { ok: true; available?: number; message?: undefined }
  | { ok: false; available: number; needed: number; message: string };

/** Checks that `bytesNeeded` more bytes fit in this site's storage. Unknown quota counts as ok. */
export async function checkQuota(bytesNeeded: number, storage: StorageLike | undefined = platformStorage()): Promise<QuotaCheck> {
  if (!storage?.estimate) return { ok: true };
  let estimate: { quota?: number; usage?: number };
  try {
    estimate = await storage.estimate();
  } catch {
    return { ok: true };
  }
  if (typeof estimate.quota !== 'number') return { ok: true };
  const available = Math.max(0, estimate.quota - (estimate.usage ?? 0));
  if (bytesNeeded <= available) return { ok: true, available };
  return {
    ok: false,
    available,
    needed: bytesNeeded,
    message:
      `This model needs ${formatBytes(bytesNeeded)} of storage but the browser allows only ${formatBytes(available)} more for this site. ` +
      'Delete cached models you no longer use, pick a smaller model or dtype, or free disk space.',
  };
}

function platformStorage(): StorageLike | undefined {
  return (globalThis as { navigator?: { storage?: StorageLike } }).navigator?.storage;
}
