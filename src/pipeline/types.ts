// Contracts of the paper pipeline, shared with the worker and the UI.
import type { GenerationOptions } from '../engine/types';

export interface Section {
  /** Heading as found ('' for text before the first heading). */
  title: string;
  /** 1-based heading level (1 = section, 2 = subsection). */
  level: number;
  text: string;
  /** Latin-script words (CJK characters are not words: see cjkChars). */
  wordCount: number;
  /** Chinese/Japanese characters, counted apart from words; absent in papers saved before it existed. */
  cjkChars?: number;
  /** References, bibliography, acknowledgements, appendices: excluded by default. */
  kind: 'abstract' | 'body' | 'references' | 'acknowledgements' | 'appendix';
}

export interface Paper {
  title: string;
  authors?: string;
  abstract?: string;
  sections: Section[];
  wordCount: number;
  cjkChars?: number;
  /** The language the paper is written in, as far as its script tells ('zh' or 'en'). */
  language?: 'zh' | 'en';
  /** Where the text came from, e.g. 'paste', 'paper.pdf'. */
  source: string;
  /** Non-fatal notes from ingest, shown to the user (e.g. 'page 3 had no text layer'). */
  warnings: string[];
}

export type SummaryStyle = 'tldr' | 'key_points' | 'sections' | 'lay' | 'abstract';
export type SummaryLength = 'short' | 'medium' | 'long';

export interface SummaryRequest {
  style: SummaryStyle;
  length: SummaryLength;
  /** Indexes into paper.sections to include; default: all that are not references/acks. */
  sectionIndexes?: number[];
  generation?: GenerationOptions;
  /** Instruction models only: the language to write the summary in (default: the paper's). */
  outputLanguage?: 'en' | 'zh';
}

/** What a progress event is doing, for the UI to say in its language; `n` is the 1-based part shown. */
export type ProgressStep = 'rank' | 'select' | 'write' | 'keyPoints' | 'chunk' | 'merge' | 'mergeSection' | 'section' | 'done';

/** Events streamed by every summarizer (extractive or abstractive). */
export type SummaryEvent =
  | { type: 'progress'; stage: 'extract' | 'map' | 'reduce' | 'final'; done: number; total: number; label: string; step: ProgressStep; n?: number }
  | { type: 'delta'; text: string }
  | { type: 'reset' };

export interface SummaryOutcome {
  text: string;
  kind: 'extractive' | 'abstractive';
  style: SummaryStyle;
  length: SummaryLength;
  partial: boolean;
}
