// The worker's single entry point for summaries: extractive without a model, map-reduce with one.
import type { TextGenerator } from '../engine/types';
import type { AbstractiveOptions } from './abstractive/mapReduce';
import { summarizeExtractive } from './extractive';
import type { Paper, SummaryEvent, SummaryOutcome, SummaryRequest } from './types';

export interface SummarizeOptions {
  /** A loaded model; without one the extractive summarizer runs (offline default). */
  generator?: TextGenerator;
  signal?: AbortSignal;
  onEvent?: (ev: SummaryEvent) => void;
  /** Map-reduce tuning for model runs (extract-then-abstract, chunk cap, overlap). */
  mapReduce?: Pick<AbstractiveOptions, 'extractFirst' | 'maxMapChunks' | 'overlapTokens' | 'outputGuard' | 'passCache'>;
}

export async function summarizePaper(paper: Paper, request: SummaryRequest, opts: SummarizeOptions = {}): Promise<SummaryOutcome> {
  if (!opts.generator) return summarizeExtractive(paper, request, opts);
  const { summarizeAbstractive } = await import('./abstractive/mapReduce');
  return summarizeAbstractive(paper, request, { ...opts.mapReduce, signal: opts.signal, onEvent: opts.onEvent, generator: opts.generator });
}
