// What the history panel does with an entry: reopen it, download it, rename, delete; and the
// whole history as one JSON file out and in.
import { t } from '../i18n';
import { fileBaseName, mimeOf, render, type ExportFormat } from '../export/summaryExport';
import { deleteEntry, markRecorded, saveEntries, usePersistence } from '../persistence/autosave';
import { exportHistory, HistoryFileError, MAX_IMPORT_BYTES, parseHistoryFile } from '../persistence/historyFile';
import type { HistoryEntry } from '../persistence/records';
import { initialRun, isRunning, get, patchRun } from '../store';

export function saveFile(name: string, mime: string, text: string): void {
  const href = URL.createObjectURL(new Blob([text], { type: mime }));
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}

/** Shows a saved summary in the summary panel (not while one is being written). */
export function openEntry(e: HistoryEntry): boolean {
  if (isRunning(get())) return false;
  const r = e.record;
  markRecorded(r.date);
  patchRun({
    ...initialRun,
    status: r.partial ? 'stopped' : 'done',
    text: r.summary,
    kind: r.kind,
    modelId: r.modelId,
    backend: r.backend,
    fellBack: r.fellBack,
    request: { style: r.style, length: r.length, generation: r.generation, sections: r.sectionsIncluded },
    finishedAt: r.date,
  });
  usePersistence.setState({ restoredPartial: false });
  return true;
}

export function downloadEntry(e: HistoryEntry, format: ExportFormat): void {
  const record = { ...e.record, title: e.name || e.record.title };
  saveFile(`${fileBaseName(record.title)}.${format}`, mimeOf(format), render(format, record));
}

export function renameEntry(e: HistoryEntry, name: string): Promise<unknown> {
  const clean = name.replace(/\s+/g, ' ').trim().slice(0, 300);
  if (!clean || clean === e.name) return Promise.resolve();
  return saveEntries({ ...e, name: clean });
}

export function removeEntry(e: HistoryEntry): Promise<unknown> {
  return deleteEntry(e.id);
}

export function exportAll(): void {
  const entries = usePersistence.getState().entries;
  saveFile(`paperlens-history-${new Date().toISOString().slice(0, 10)}.json`, 'application/json;charset=utf-8', exportHistory(entries));
}

/** Imports a history file; resolves with a sentence for the user (success or why not). */
export async function importFile(file: File): Promise<{ ok: boolean; message: string }> {
  if (file.size > MAX_IMPORT_BYTES) return { ok: false, message: t('history.tooLarge', { name: file.name }) };
  try {
    const entries = parseHistoryFile(await file.text());
    if (!entries.length) return { ok: false, message: t('history.noSummaries', { name: file.name }) };
    await saveEntries(...entries);
    return { ok: true, message: t('history.imported', { count: entries.length, name: file.name }) };
  } catch (e) {
    const why = e instanceof HistoryFileError ? e.message : t('history.unreadable', { reason: e instanceof Error ? e.message : String(e) });
    return { ok: false, message: `${file.name}: ${why}` };
  }
}
