// What PaperLens keeps between visits: the draft being worked on, the summary being written (so a
// reload does not lose it), and the history of finished summaries.
import { fnv1a } from '../../pipeline/hash';
import type { Paper, SummaryLength, SummaryStyle } from '../../pipeline/types';
import type { Turn } from '../../pipeline/ask/types';
import type { SummaryRecord } from '../export/summaryExport';
import type { DecodingSettings } from '../settings';

/** The paper text and the choices around it, saved as the user types. */
export interface Draft {
  text: string;
  style: SummaryStyle;
  length: SummaryLength;
  decoding: DecodingSettings;
  /** ISO 8601 */
  savedAt: string;
}

/** The model picked in the picker and the dtype picked per catalogue model, kept between visits. */
export interface Prefs {
  /** Catalogue id of the model last picked; null: no model (extractive). */
  modelId: string | null;
  /** Catalogue id -> dtype picked for it. */
  dtypes: Record<string, string>;
  savedAt: string;
}

/** A summary still being written when it was last saved; restored after a reload as partial. */
export interface PartialRun {
  summary: string;
  kind: 'extractive' | 'abstractive';
  modelId: string | null;
  style: SummaryStyle;
  length: SummaryLength;
  /** The paper text the summary was written from; the partial is only shown next to that text. */
  paperText: string;
  savedAt: string;
}

/** The questions asked about one paper text, kept with it across visits. */
export interface Conversation {
  /** conversationKey(text) of the paper text. */
  key: string;
  turns: Turn[];
  savedAt: string;
}

/**
 * Which conversation a paper has: its title when it has one (fixing a typo in the text keeps the
 * conversation), else the start of its text.
 */
export function conversationKey(paper: Paper, text: string): string {
  const title = paper.title && paper.title !== 'Untitled' ? paper.title.replace(/\s+/g, ' ').trim().toLowerCase() : '';
  const basis = title ? `title:${title}` : `text:${text.replace(/\s+/g, ' ').trim().slice(0, 500)}`;
  return `${fnv1a(basis).toString(16)}-${basis.length}`;
}

/** One finished (or stopped) summary in the history. */
export interface HistoryEntry {
  id: string;
  /** The user's name for it; starts as the paper title. */
  name: string;
  savedAt: string;
  record: SummaryRecord;
}

export function newEntryId(): string {
  const rnd = typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : Math.random().toString(36).slice(2);
  return `h-${Date.now().toString(36)}-${rnd}`;
}

export function entryFromRecord(record: SummaryRecord, now = new Date()): HistoryEntry {
  return { id: newEntryId(), name: record.title, savedAt: now.toISOString(), record };
}
