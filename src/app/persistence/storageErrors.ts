// Storage failures in words a user can act on. The browser's own texts ("QuotaExceededError: The
// operation failed for reasons unrelated to the database itself") say nothing useful to them.

export function describeStorageError(e: unknown, what: string): string {
  const name = e instanceof Error || (typeof e === 'object' && e !== null && 'name' in e) ? String((e as { name: unknown }).name) : '';
  const msg = e instanceof Error ? e.message : String(e);
  if (name === 'QuotaExceededError' || /quota|disk.*full|no space/i.test(msg)) {
    return `The browser's storage for PaperLens is full, so ${what} was not saved. Delete old summaries from the history or free some disk space; everything stays on this page until you close it.`;
  }
  if (name === 'SecurityError' || name === 'InvalidStateError' || /indexeddb.*(not|un)available|private/i.test(msg)) {
    return `This browser does not let PaperLens save anything (private browsing or blocked site data), so ${what} is kept only until you close this tab.`;
  }
  if (name === 'VersionError') {
    return `PaperLens's saved data comes from a newer version open in another tab, so ${what} was not saved. Close the other tab and reload.`;
  }
  return `Saving ${what} failed (${name || msg || 'unknown error'}); it is kept only until you close this tab.`;
}
