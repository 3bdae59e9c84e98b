// The rule-based facts card: no model, every value pointing at its sentence(s).
import type { Paper } from '../types';
import { findDatasets, findMetrics } from './datasets';
import { extractFrontMatter } from './frontMatter';
import { extractLinks } from './links';
import { findResults } from './results';
import { factSentences } from './sentences';
import { findContributions, findStatements, FUTURE_WORK, LIMITATIONS, METHODS } from './statements';
import type { PaperFacts } from './types';

export function extractFacts(paper: Paper): PaperFacts {
  const sentences = factSentences(paper);
  const limitations = findStatements(LIMITATIONS, sentences, 6);
  // A sentence is one fact: a future-work sentence that also states a limitation is kept once,
  // as future work only when it says so ("we plan to"), else as a limitation.
  const limitationKeys = new Set(limitations.map((l) => `${l.refs[0].section}.${l.refs[0].position}`));
  const futureWork = findStatements(FUTURE_WORK, sentences, 6);
  return {
    ...extractFrontMatter(paper, sentences),
    links: extractLinks(sentences),
    contributions: findContributions(sentences),
    methods: findStatements(METHODS, sentences, 6),
    datasets: findDatasets(sentences, paper.sections.map((s) => s.title)),
    metrics: findMetrics(sentences),
    results: findResults(sentences),
    limitations: limitations.filter((l) => !futureWork.some((f) => f.refs[0].section === l.refs[0].section && f.refs[0].position === l.refs[0].position)),
    futureWork: futureWork.filter((f) => !limitationKeys.has(`${f.refs[0].section}.${f.refs[0].position}`) || FUTURE_WORK.cues.some((c) => c.test(f.value))),
  };
}

/** An empty card, for a paper with nothing to read (and as the model merge's starting point). */
export function emptyFacts(): PaperFacts {
  return { authors: [], affiliations: [], links: [], contributions: [], methods: [], datasets: [], metrics: [], results: [], limitations: [], futureWork: [] };
}
