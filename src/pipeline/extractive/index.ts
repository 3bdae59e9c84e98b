// The offline default summarizer: ranks the paper's own sentences and quotes the best ones.
import { paperSentences, selectSections } from '../selection';
import type { Paper, SummaryEvent, SummaryOutcome, SummaryRequest } from '../types';
import { rankSentences } from './rank';
import { extractiveStyle } from './styles';

export { EXTRACTIVE_STYLE_NOTES, removeCitations } from './styles';
export { rankSentences } from './rank';

export interface ExtractiveOptions {
  signal?: AbortSignal;
  onEvent?: (ev: SummaryEvent) => void;
}

export async function summarizeExtractive(paper: Paper, request: SummaryRequest, opts: ExtractiveOptions = {}): Promise<SummaryOutcome> {
  const emit = opts.onEvent ?? (() => {});
  const base = { kind: 'extractive' as const, style: request.style, length: request.length };
  emit({ type: 'progress', stage: 'extract', done: 0, total: 2, label: 'ranking sentences', step: 'rank' });
  const sentences = paperSentences(paper, selectSections(paper, request.sectionIndexes));
  if (opts.signal?.aborted) return { ...base, text: '', partial: true };
  const ranked = rankSentences(paper, sentences);
  const pieces = extractiveStyle(paper, ranked, request.style, request.length);
  emit({ type: 'progress', stage: 'final', done: 1, total: 2, label: 'writing summary', step: 'write' });
  let text = '';
  for (const p of pieces) {
    // Yield a macrotask between sentences so a worker can take a cancel message while streaming.
    await new Promise((r) => setTimeout(r, 0));
    if (opts.signal?.aborted) return { ...base, text: text.trim(), partial: true };
    text += p.text;
    emit({ type: 'delta', text: p.text });
  }
  emit({ type: 'progress', stage: 'final', done: 2, total: 2, label: 'done', step: 'done' });
  return { ...base, text: text.trim(), partial: false };
}
