// The worker's single entry point for summaries: extractive without a model, map-reduce with one.
import type { TextGenerator } from '../engine/types';
import { summarizeExtractive } from './extractive';
import type { Paper, SummaryEvent, SummaryOutcome, SummaryRequest } from './types';

export interface SummarizeOptions {
  /** A loaded model; without one the extractive summarizer runs (offline default). */
  generator?: TextGenerator;
  signal?: AbortSignal;
  onEvent?: (ev: SummaryEvent) => void;
}

export async function summarizePaper(paper: Paper, request: SummaryRequest, opts: SummarizeOptions = {}): Promise<SummaryOutcome> {
  if (!opts.generator) return summarizeExtractive(paper, request, opts);
  const { summarizeAbstractive } = await import('./abstractive/mapReduce');
  return summarizeAbstractive(paper, request, { ...opts, generator: opts.generator });
}
