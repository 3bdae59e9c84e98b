// The facts card's contract, shared by the rule-based and model-based extractors, the worker and
// the UI. Every value points at the sentence(s) it came from, so the card can prove itself.

/** A sentence of the paper: section index and 0-based position, as in selection.ts paperSentences(). */
export interface SentenceRef {
  section: number;
  position: number;
}

export interface FactValue {
  value: string;
  /** The sentences the value rests on; empty only for values read from metadata (e.g. a LaTeX \title). */
  refs: SentenceRef[];
  /** Which extractor found it. */
  source: 'rules' | 'model';
  /** Set when a model's value could not be found in the sentences it cites (shown, marked as unverified). */
  unsupported?: boolean;
}

export interface LinkFact extends FactValue {
  kind: 'code' | 'data' | 'project' | 'other';
}

/** A number the paper reports: `value` as written (e.g. "92.3"), with what it measures. */
export interface ResultFact extends FactValue {
  unit?: string;
  /** What was measured (e.g. "top-1 accuracy on ImageNet"). */
  measured?: string;
  /** The baseline or condition it is compared with, when the sentence says. */
  comparedWith?: string;
}

export interface PaperFacts {
  title?: FactValue;
  authors: FactValue[];
  affiliations: FactValue[];
  venue?: FactValue;
  year?: FactValue;
  doi?: FactValue;
  arxivId?: FactValue;
  links: LinkFact[];
  /** The paper's own abstract. */
  abstract?: FactValue;
  contributions: FactValue[];
  methods: FactValue[];
  datasets: FactValue[];
  metrics: FactValue[];
  results: ResultFact[];
  limitations: FactValue[];
  futureWork: FactValue[];
  /** Values a model wrote that no sentence of the paper supports, left out of the card. */
  droppedUnsupported?: number;
}
