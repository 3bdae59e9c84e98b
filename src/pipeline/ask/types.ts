// A conversation with a paper: questions, and answers that carry the passages they rest on.
import type { SentenceRef } from '../facts/types';

export interface Citation {
  /** The marker's number in the answer text: [n]. */
  n: number;
  sectionTitle: string;
  /** The cited passage's sentences. */
  refs: SentenceRef[];
  text: string;
  /** True when the model wrote no marker and the citation was matched to its sentence by word overlap. */
  matched?: boolean;
}

export interface Answer {
  text: string;
  /**
   * quoted: the passages themselves (no model, or a model that cannot follow instructions);
   * generated: a model's answer citing the passages; not-found: retrieval found nothing relevant.
   */
  kind: 'quoted' | 'generated' | 'not-found';
  citations: Citation[];
  /** not-found: the nearest passages, shown as such (not as support), so the reader can check. */
  closest?: Citation[];
  /**
   * The model named a passage but said nothing of substance ("The answer is [1]"): the text is
   * that passage's sentence nearest the question, quoted, and the UI says so.
   */
  pointed?: boolean;
  /** Numbers in a model's answer that its cited passages do not contain as written. */
  uncheckedNumbers?: string[];
  /** Stopped before the end. */
  partial?: boolean;
  /** The model that wrote it; null for quoted passages. */
  modelId?: string | null;
}

export interface Turn {
  question: string;
  answer: Answer;
  /** ISO 8601 */
  askedAt: string;
}

export type AskEvent =
  | { type: 'progress'; step: 'index' | 'retrieve' | 'write'; done: number; total: number }
  | { type: 'delta'; text: string };
