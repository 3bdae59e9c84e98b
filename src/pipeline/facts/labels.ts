// Field names of the card, as the exports print them. English by default; the UI passes its own
// (translated) labels, so the exports never hold UI strings of their own.
import type { PaperFacts } from './types';

export type FactField = Exclude<keyof PaperFacts, 'droppedUnsupported'>;

export type FactLabels = Record<FactField, string> & {
  /** Markdown document heading and the "in <section>" note. */
  facts: string;
  section: string;
  unverified: string;
  comparedWith: string;
  front: string;
};

/** The card's field names in English; the interface's English strings take them from here. */
export const FIELD_LABELS = {
  title: 'Title',
  authors: 'Authors',
  affiliations: 'Affiliations',
  venue: 'Venue',
  year: 'Year',
  doi: 'DOI',
  arxivId: 'arXiv',
  links: 'Code and data',
  abstract: 'Abstract',
  contributions: 'Contributions',
  methods: 'Methods',
  datasets: 'Datasets',
  metrics: 'Metrics',
  results: 'Results',
  limitations: 'Limitations',
  futureWork: 'Future work',
} as const satisfies Record<FactField, string>;

export const DEFAULT_LABELS: FactLabels = {
  ...FIELD_LABELS,
  facts: 'Facts',
  section: 'Section',
  unverified: 'unverified',
  comparedWith: 'compared with',
  front: 'Front matter',
};

/** Field order on the card and in every export. */
export const FIELD_ORDER: FactField[] = ['title', 'authors', 'affiliations', 'venue', 'year', 'doi', 'arxivId', 'links', 'abstract', 'contributions', 'methods', 'datasets', 'metrics', 'results', 'limitations', 'futureWork'];

export const withLabels = (labels?: Partial<FactLabels>): FactLabels => ({ ...DEFAULT_LABELS, ...labels });
