// Grounding: a model's value is kept as proven only when a sentence it cites supports it. Text
// is supported by normalised containment or, failing that, by most of its content words being
// in the sentence; a number must occur in the sentence exactly (digits as written, thousands
// separators aside). A value its refs do not support gets its refs repaired when another
// sentence of the paper contains it outright, and is marked `unsupported` otherwise.
import type { Paper } from '../types';
import { factSentences, normText, refOf } from './sentences';
import type { FactValue, PaperFacts, ResultFact, SentenceRef } from './types';

const STOPWORDS = new Set('a an the of and or to in on for with by from at as is are was were be been this that these those we our it its their which using use used based via into than then also can not'.split(' '));

function contentWords(s: string): string[] {
  return normText(s)
    .split(' ')
    .map((w) => w.replace(/\.+$/, ''))
    .filter((w) => w.length > 1 && !STOPWORDS.has(w));
}

/** Share of the value's content words found in the sentence (CJK: share of its characters). */
export function tokenOverlap(value: string, sentence: string): number {
  const han = value.match(/\p{Script=Han}/gu);
  if (han && han.length >= value.replace(/\s/g, '').length / 2) {
    const set = new Set(sentence);
    return han.filter((c) => set.has(c)).length / han.length;
  }
  const words = contentWords(value);
  if (!words.length) return 0;
  const have = new Set(contentWords(sentence));
  return words.filter((w) => have.has(w)).length / words.length;
}

export function supportsText(value: string, sentence: string, minOverlap = 0.8): boolean {
  const v = normText(value);
  if (!v) return false;
  return normText(sentence).includes(v) || tokenOverlap(value, sentence) >= minOverlap;
}

const digits = (s: string) => s.replace(/(?<=\d)[,\s](?=\d{3}\b)/g, '');

/** The number as written occurs in the sentence, not as part of a longer number. */
export function supportsNumber(value: string, sentence: string): boolean {
  const v = digits(value.trim()).replace(/^[+]/, '');
  if (!/\d/.test(v)) return supportsText(value, sentence);
  const esc = v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![\\d.])${esc}(?![\\d]|\\.\\d)`).test(digits(sentence));
}

type Checker = (value: string, sentence: string) => boolean;

function groundValue<T extends FactValue>(v: T, text: (r: SentenceRef) => string | undefined, all: { ref: SentenceRef; text: string }[], check: Checker): T {
  if (v.source !== 'model') return v;
  const cited = v.refs.filter((r) => text(r) !== undefined);
  if (cited.some((r) => check(v.value, text(r)!))) return { ...v, refs: cited.filter((r) => check(v.value, text(r)!)), unsupported: undefined };
  // Repair: an exact occurrence elsewhere in the paper is the sentence the model meant.
  const exact = all.find((s) => (check === supportsNumber ? supportsNumber(v.value, s.text) : normText(s.text).includes(normText(v.value))));
  if (exact && normText(v.value).length >= 3) return { ...v, refs: [exact.ref], unsupported: undefined };
  return { ...v, refs: cited, unsupported: true };
}

export function groundFacts(facts: PaperFacts, paper: Paper): PaperFacts {
  const sentences = factSentences(paper).filter((s) => s.kind !== 'references');
  const byRef = new Map(sentences.map((s) => [`${s.section}.${s.position}`, s.text]));
  const text = (r: SentenceRef) => byRef.get(`${r.section}.${r.position}`);
  const all = sentences.map((s) => ({ ref: refOf(s), text: s.text }));
  const g = <T extends FactValue>(v: T | undefined, check: Checker = supportsText) => (v ? groundValue(v, text, all, check) : undefined);
  const list = <T extends FactValue>(vs: T[], check: Checker = supportsText) => vs.map((v) => groundValue(v, text, all, check));
  // Descriptive statements are paraphrased by a model: a looser overlap suffices for them.
  const loose: Checker = (v, s) => supportsText(v, s, 0.6);
  return {
    ...facts,
    title: g(facts.title),
    venue: g(facts.venue),
    year: g(facts.year, supportsNumber),
    doi: g(facts.doi),
    arxivId: g(facts.arxivId),
    abstract: g(facts.abstract, loose),
    authors: list(facts.authors),
    affiliations: list(facts.affiliations),
    links: list(facts.links),
    contributions: list(facts.contributions, loose),
    methods: list(facts.methods, loose),
    datasets: list(facts.datasets),
    metrics: list(facts.metrics),
    results: facts.results.map((r) => groundResult(r, text, all)),
    limitations: list(facts.limitations, loose),
    futureWork: list(facts.futureWork, loose),
  };
}

function groundResult(r: ResultFact, text: (r: SentenceRef) => string | undefined, all: { ref: SentenceRef; text: string }[]): ResultFact {
  return groundValue(r, text, all, supportsNumber);
}

/**
 * The card without the model's values that nothing in the paper supports: a small model invents,
 * and an invented fact on a card that claims to prove itself is worse than none. The count is
 * kept so the reader is told how many were left out.
 */
export function withoutUnsupported(facts: PaperFacts): PaperFacts {
  let dropped = 0;
  const one = <T extends FactValue>(v: T | undefined): T | undefined => {
    if (v?.unsupported) {
      dropped++;
      return undefined;
    }
    return v;
  };
  const list = <T extends FactValue>(vs: T[]): T[] => vs.filter((v) => one(v) !== undefined);
  const out: PaperFacts = {
    ...facts,
    title: one(facts.title),
    venue: one(facts.venue),
    year: one(facts.year),
    doi: one(facts.doi),
    arxivId: one(facts.arxivId),
    abstract: one(facts.abstract),
    authors: list(facts.authors),
    affiliations: list(facts.affiliations),
    links: list(facts.links),
    contributions: list(facts.contributions),
    methods: list(facts.methods),
    datasets: list(facts.datasets),
    metrics: list(facts.metrics),
    results: list(facts.results),
    limitations: list(facts.limitations),
    futureWork: list(facts.futureWork),
  };
  return dropped ? { ...out, droppedUnsupported: (facts.droppedUnsupported ?? 0) + dropped } : out;
}
