// The history as one JSON file (export), and the checks an imported file must pass. Imported files
// come from anywhere, so every field is checked and each problem is named in words.
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
  if (!isObj(r)) return ['it has no summary record'];
  const p: string[] = [];
  if (typeof r.title !== 'string') p.push('the title is missing');
  if (typeof r.summary !== 'string' || !r.summary.trim()) p.push('the summary text is missing');
  if (r.kind !== 'extractive' && r.kind !== 'abstractive') p.push('the kind is neither extractive nor abstractive');
  if (typeof r.partial !== 'boolean') p.push('it does not say whether it is partial');
  if (r.modelId !== null && typeof r.modelId !== 'string') p.push('the model name is not text');
  if (r.backend !== null && !BACKENDS.includes(r.backend as string)) p.push('the backend is unknown');
  if (!STYLES.includes(r.style as string)) p.push(`the style "${String(r.style)}" is unknown`);
  if (!LENGTHS.includes(r.length as string)) p.push(`the length "${String(r.length)}" is unknown`);
  if (!Array.isArray(r.sectionsIncluded) || !r.sectionsIncluded.every((s) => typeof s === 'string')) p.push('the list of sections is not a list of names');
  if (!isIsoDate(r.date)) p.push('the date is not a date');
  if (r.generation !== null && !isObj(r.generation)) p.push('the generation settings are not an object');
  if (r.timings !== null && !isObj(r.timings)) p.push('the timings are not an object');
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
  if (text.length > MAX_IMPORT_BYTES) throw new HistoryFileError('This file is too large to be a PaperLens history.');
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new HistoryFileError('This file is not a PaperLens history: it is not valid JSON.');
  }
  let items: unknown[];
  if (isObj(data) && data.format === HISTORY_FORMAT) {
    if (typeof data.version !== 'number' || data.version > HISTORY_VERSION) {
      throw new HistoryFileError(`This history was written by a newer PaperLens (format version ${String(data.version)}); this one reads version ${HISTORY_VERSION}.`);
    }
    if (!Array.isArray(data.entries)) throw new HistoryFileError('This history file has no list of summaries.');
    items = data.entries;
  } else if (Array.isArray(data)) {
    items = data;
  } else if (isObj(data) && 'summary' in data && 'kind' in data) {
    items = [{ record: data }];
  } else {
    throw new HistoryFileError('This JSON file is not a PaperLens history (it has no "format": "paperlens-history").');
  }
  const problems: string[] = [];
  const entries: HistoryEntry[] = [];
  items.forEach((item, i) => {
    const record = isObj(item) && 'record' in item ? item.record : item;
    const p = recordProblems(record);
    if (p.length) {
      problems.push(`summary ${i + 1}: ${p.join(', ')}`);
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
    const shown = problems.slice(0, 3).join('; ');
    const more = problems.length > 3 ? ` (and ${problems.length - 3} more)` : '';
    throw new HistoryFileError(`Nothing was imported: ${shown}${more}.`);
  }
  return entries;
}
