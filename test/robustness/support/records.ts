// Sample summary records for the persistence tests.
import type { SummaryRecord } from '../../../src/app/export/summaryExport';

export function sampleRecord(over: Partial<SummaryRecord> = {}): SummaryRecord {
  return {
    title: 'Sparse Routing Improves Small Language Models',
    summary: 'Routing tokens to a few experts reduces compute while keeping accuracy.',
    kind: 'extractive',
    partial: false,
    modelId: null,
    backend: null,
    threads: 2,
    fellBack: null,
    style: 'tldr',
    length: 'medium',
    generation: null,
    sectionsIncluded: ['Abstract', '1 Introduction'],
    timings: { summaryMs: 12, firstTextMs: 3 },
    sourceName: 'paste',
    sourceWordCount: 180,
    date: '2025-03-01T10:00:00.000Z',
    ...over,
  };
}
