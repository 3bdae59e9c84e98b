// Public surface of the paper pipeline (used by the worker).
export type { Paper, Section, SummaryEvent, SummaryLength, SummaryOutcome, SummaryRequest, SummaryStyle } from './types';
export { IngestError, INGEST_MESSAGES, type IngestErrorCode } from './errors';
export { ingest, type IngestInput, type IngestOptions } from './ingest';
export { configurePdfJs, type PdfJsConfig } from './ingest/pdf';
export { summarizePaper, type SummarizeOptions } from './summarize';
export { PassCache } from './abstractive/passCache';
export { EXTRACTIVE_STYLE_NOTES } from './extractive';
export { splitSentences } from './sentences';
export { selectSections } from './selection';
