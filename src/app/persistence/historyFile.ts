// The history as one JSON file (export), and the checks an imported file must pass. Imported files
// come from anywhere, so every field is checked and each problem is named in words.
import { t } from '../i18n';
import type { SummaryRecord } from '../export/summaryExport';
import { newEntryId, type HistoryEntry } from './records';

export const HISTORY_FORMAT = 'paperlens-history';
export const HISTORY_VERSION = 1;
/** Larger files are refused before parsing; a history of text summaries is far smaller. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

export class HistoryFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HistoryFileError';
  }
}

export function exportHistory(entries: HistoryEntry[], now = new Date()): string {
  return JSON.stringify({ format: HISTORY_FORMAT, version: HISTORY_VERSION, exportedAt: now.toISOString(), entries }, null, 2) + '\n';
}

const STYLES = ['tldr', 'key_points', 'sections', 'lay', 'abstract'];
const LENGTHS = ['short', 'medium', 'long'];
const BACKENDS = ['webgpu', 'wasm'];

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isIsoDate = (v: unknown): v is string => typeof v === 'string' && !Number.isNaN(Date.parse(v));

/** Problems with one record, in words; empty when it is usable. */
function recordProblems(r: unknown): string[] {
  if (!isObj(r)) return [t('history.file.noRecord')];
  const p: string[] = [];
  if (typeof r.title !== 'string') p.push(t('history.file.title'));
  if (typeof r.summary !== 'string' || !r.summary.trim()) p.push(t('history.file.summary'));
  if (r.kind !== 'extractive' && r.kind !== 'abstractive') p.push(t('history.file.kind'));
  if (typeof r.partial !== 'boolean') p.push(t('history.file.partial'));
  if (r.modelId !== null && typeof r.modelId !== 'string') p.push(t('history.file.model'));
  if (r.backend !== null && !BACKENDS.includes(r.backend as string)) p.push(t('history.file.backend'));
  if (!STYLES.includes(r.style as string)) p.push(t('history.file.style', { value: String(r.style) }));
  if (!LENGTHS.includes(r.length as string)) p.push(t('history.file.length', { value: String(r.length) }));
  if (!Array.isArray(r.sectionsIncluded) || !r.sectionsIncluded.every((s) => typeof s === 'string')) p.push(t('history.file.sections'));
  if (!isIsoDate(r.date)) p.push(t('history.file.date'));
  if (r.generation !== null && !isObj(r.generation)) p.push(t('history.file.generation'));
  if (r.timings !== null && !isObj(r.timings)) p.push(t('history.file.timings'));
  return p;
}

/** Fills optional fields that older or hand-made files may lack, so the rest of the app can rely on them. */
function normaliseRecord(r: Obj): SummaryRecord {
  return {
    ...(r as unknown as SummaryRecord),
    threads: typeof r.threads === 'number' ? r.threads : null,
    fellBack: isObj(r.fellBack) ? (r.fellBack as unknown as SummaryRecord['fellBack']) : null,
    sourceName: typeof r.sourceName === 'string' ? r.sourceName : 'import',
    sourceWordCount: typeof r.sourceWordCount === 'number' ? r.sourceWordCount : 0,
  };
}

/**
 * Reads an exported history. Accepts a history file, a bare list of entries, or a single summary
 * downloaded as .json (one record). Throws HistoryFileError with a sentence a user can act on.
 */
export function parseHistoryFile(text: string): HistoryEntry[] {
  if (text.length > MAX_IMPORT_BYTES) throw new HistoryFileError(t('history.file.tooLarge'));
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new HistoryFileError(t('history.file.notJson'));
  }
  let items: unknown[];
  if (isObj(data) && data.format === HISTORY_FORMAT) {
    if (typeof data.version !== 'number' || data.version > HISTORY_VERSION) {
      throw new HistoryFileError(t('history.file.newer', { version: String(data.version), supported: HISTORY_VERSION }));
    }
    if (!Array.isArray(data.entries)) throw new HistoryFileError(t('history.file.noList'));
    items = data.entries;
  } else if (Array.isArray(data)) {
    items = data;
  } else if (isObj(data) && 'summary' in data && 'kind' in data) {
    items = [{ record: data }];
  } else {
    throw new HistoryFileError(t('history.file.notHistory'));
  }
  const problems: string[] = [];
  const entries: HistoryEntry[] = [];
  items.forEach((item, i) => {
    const record = isObj(item) && 'record' in item ? item.record : item;
    const p = recordProblems(record);
    if (p.length) {
      problems.push(t('history.file.entry', { n: i + 1, problems: p.join(t('history.file.comma')) }));
      return;
    }
    const r = normaliseRecord(record as Obj);
    const e = isObj(item) ? item : {};
    entries.push({
      // Fresh ids: an import never overwrites what is already stored.
      id: newEntryId(),
      name: typeof e.name === 'string' && e.name.trim() ? e.name.slice(0, 300) : r.title,
      savedAt: isIsoDate(e.savedAt) ? e.savedAt : r.date,
      record: r,
    });
  });
  if (problems.length) {
    const shown = problems.slice(0, 3).join(t('history.file.semicolon'));
    const more = problems.length > 3 ? t('history.file.more', { count: problems.length - 3 }) : '';
    throw new HistoryFileError(t('history.file.nothing', { problems: `${shown}${more}` }));
  }
  return entries;
}
