// Storage failures in words a user can act on. The browser's own texts ("QuotaExceededError: The
// operation failed for reasons unrelated to the database itself") say nothing useful to them.
import { t } from '../i18n';

/** What could not be saved, as a key under storage.what in the interface texts. */
export type StorageWhat = 'paperText' | 'partial' | 'modelChoice' | 'history' | 'historyChange' | 'summary' | 'summaries' | 'work' | 'conversation';

export function describeStorageError(e: unknown, what: StorageWhat): string {
  const name = e instanceof Error || (typeof e === 'object' && e !== null && 'name' in e) ? String((e as { name: unknown }).name) : '';
  const msg = e instanceof Error ? e.message : String(e);
  const thing = t(`storage.what.${what}`);
  if (name === 'QuotaExceededError' || /quota|disk.*full|no space/i.test(msg)) return t('storage.full', { what: thing });
  if (name === 'SecurityError' || name === 'InvalidStateError' || /indexeddb.*(not|un)available|private/i.test(msg)) return t('storage.blocked', { what: thing });
  if (name === 'VersionError') return t('storage.newer', { what: thing });
  return t('storage.failed', { what: thing, reason: name || msg || t('storage.unknownError') });
}
