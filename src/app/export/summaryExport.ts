// Builds the .md, .txt and .json downloads from one record, so all three carry the same
// summary the user sees, and names the files after the paper. The lines PaperLens writes around the
// summary are in the interface language; the JSON keeps its field names.
import type { Turn } from '../../pipeline/ask/types';
import { conversationMarkdown } from './conversationExport';
import type { Backend, GenerationOptions, GenerationTimings } from '../../engine/types';
import type { SummaryLength, SummaryStyle } from '../../pipeline/types';
import { t } from '../i18n';
import { formatDate } from '../i18n/format';
import { plainTitle } from '../../pipeline/ingest/markup';
import { markdownToPlainText } from '../markdown/parse';

export interface SummaryRecord {
  title: string;
  summary: string;
  kind: 'extractive' | 'abstractive';
  partial: boolean;
  modelId: string | null;
  backend: Backend | null;
  threads: number | null;
  fellBack: { from: Backend; reason: string } | null;
  style: SummaryStyle;
  length: SummaryLength;
  generation: GenerationOptions | null;
  sectionsIncluded: string[];
  timings: (Partial<GenerationTimings> & { summaryMs: number; firstTextMs: number | null }) | null;
  sourceName: string;
  sourceWordCount: number;
  /** CJK characters of the source, counted apart from its words (absent: none, or an older record). */
  sourceCjkChars?: number;
  /** ISO 8601 */
  date: string;
  /** Questions asked about the paper when the summary was saved (absent: none, or an older record). */
  conversation?: Turn[];
}

export type ExportFormat = 'md' | 'txt' | 'json';

const MIME: Record<ExportFormat, string> = {
  md: 'text/markdown;charset=utf-8',
  txt: 'text/plain;charset=utf-8',
  json: 'application/json;charset=utf-8',
};

export function mimeOf(format: ExportFormat): string {
  return MIME[format];
}

function kindLine(r: SummaryRecord): string {
  const how = r.kind === 'abstractive' ? t('exported.abstractive', { model: r.modelId, backend: r.backend }) : t('exported.extractive');
  return t('exported.line', { how: r.partial ? t('exported.partial', { how }) : how, date: formatDate(r.date) });
}

export function toMarkdown(r: SummaryRecord): string {
  const asked = r.conversation?.length ? `\n## ${t('ask.heading')}\n\n${conversationMarkdown(r.conversation, 3)}` : '';
  return `# ${r.title}\n\n_${kindLine(r)}_\n\n${r.summary.trim()}\n${asked}`;
}

export function toText(r: SummaryRecord): string {
  return `${r.title}\n\n${kindLine(r)}\n\n${markdownToPlainText(r.summary)}\n`;
}

export function toJson(r: SummaryRecord): string {
  return JSON.stringify(r, null, 2) + '\n';
}

export function render(format: ExportFormat, r: SummaryRecord): string {
  return format === 'md' ? toMarkdown(r) : format === 'txt' ? toText(r) : toJson(r);
}

/** A file name from the paper title: ASCII letters, digits, Chinese characters and dashes, at most 60 characters. */
export function fileBaseName(title: string): string {
  const base = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9\p{Script=Han}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return (base || 'paper') + '-summary';
}

/** Title for exports: the paper's title, else the first non-empty line of the text. */
export function titleOf(paperTitle: string | undefined, text: string): string {
  if (paperTitle && paperTitle.trim()) return plainTitle(paperTitle) || paperTitle.trim();
  const first = text.split('\n').find((l) => l.trim() !== '');
  return (first && plainTitle(first).slice(0, 120)) || t('exported.untitled');
}
