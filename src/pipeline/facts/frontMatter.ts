// What a title page says: title, people, affiliations, venue, year, DOI, arXiv id, abstract.
// Only the front of the paper is read for identifiers (the text before the first heading, the
// abstract, and a sentence that labels one, such as "Paper DOI: ..."), because a DOI, an arXiv
// id or a year further in is almost always a citation of someone else's work.
import type { Paper } from '../types';
import { ARCHIVE_DOI, findArxivIds, findDois } from './identifiers';
import { splitPeople } from './people';
import { clip, refOf, ruleValue, type FactSentence } from './sentences';
import type { FactValue, PaperFacts } from './types';

type Front = Pick<PaperFacts, 'title' | 'authors' | 'affiliations' | 'venue' | 'year' | 'doi' | 'arxivId' | 'abstract'>;

const FRONT_ROLES = new Set(['front', 'abstract']);
const LABELLED_DOI = /^(?:paper\s+)?doi\s*[:：]/i;
const LABELLED_ARXIV = /\barXiv\s*[:：]|arxiv\.org\/abs\//i;
// Dates on a title page are labelled; a bare year in text is a citation or a fact about the world.
const DATE_LABEL = /\b(?:published|submitted|received|accepted|date|revised|online)\s*(?:on|in)?\s*[:：]?\s*(?:\d{1,2}(?:st|nd|rd|th)?\s+)?(?:[A-Z][a-z]+\.?\s+)?(?:\d{1,2},?\s+)?((?:19|20)\d{2})\b/i;
const PUBLISHED = /\bpublished\b[\s\S]{0,80}?\b((?:19|20)\d{2})\b/i;
const COPYRIGHT = /(?:©|\(c\)|copyright)\s*((?:19|20)\d{2})\b/i;
const ZH_DATE = /(?:收稿日期|发表|出版|日期)[:：]?\s*((?:19|20)\d{2})\s*年?/;
const VENUE = /\b(?:published in|to appear in|accepted (?:at|in|to)|submitted to)\s+(?:the\s+)?([A-Z][^.;:()]{3,80}?)(?=[.;:()]|,\s|$)|\b((?:Journal of|Proceedings of|Transactions on|Annals of)\s+[A-Z][\w&\- ]{2,60}?)(?=[.,;:()\d]|\s+\d|$)/;

export function extractFrontMatter(paper: Paper, sentences: FactSentence[]): Front {
  const front = sentences.filter((s) => FRONT_ROLES.has(s.role));
  const { people, affiliations } = splitPeople(paper.authors ?? '');
  return {
    title: paper.title.trim() ? ruleValue(paper.title.trim(), []) : undefined,
    authors: people.slice(0, 40).map((p) => ruleValue(p, [])),
    affiliations: affiliations.slice(0, 20).map((a) => ruleValue(a, [])),
    venue: findVenue(front),
    year: findYear(front),
    doi: findDoi(front, sentences),
    arxivId: findArxiv(front, sentences),
    abstract: findAbstract(paper, sentences),
  };
}

function findDoi(front: FactSentence[], all: FactSentence[]): FactValue | undefined {
  // A sentence that starts with a DOI label ("DOI: ...", "Paper DOI: ...") counts wherever it is outside the reference list; otherwise the
  // first DOI of the front that names no data or software archive.
  const labelled = all.filter((s) => s.role !== 'tail' && LABELLED_DOI.test(s.text));
  for (const s of [...labelled, ...front]) {
    const doi = findDois(s.text).find((d) => !ARCHIVE_DOI.test(d));
    if (doi) return ruleValue(doi, [refOf(s)]);
  }
  return undefined;
}

function findArxiv(front: FactSentence[], all: FactSentence[]): FactValue | undefined {
  const labelled = all.filter((s) => s.role === 'front' || (s.role !== 'tail' && /\b(?:this|our) (?:paper|preprint|article)\b/i.test(s.text) && LABELLED_ARXIV.test(s.text)));
  for (const s of [...front, ...labelled]) {
    const id = findArxivIds(s.text)[0];
    if (id) return ruleValue(id, [refOf(s)]);
  }
  return undefined;
}

function findYear(front: FactSentence[]): FactValue | undefined {
  for (const s of front) {
    const m = DATE_LABEL.exec(s.text) ?? COPYRIGHT.exec(s.text) ?? ZH_DATE.exec(s.text) ?? (s.role === 'front' ? PUBLISHED.exec(s.text) : null);
    if (m) return ruleValue(m[1], [refOf(s)]);
  }
  return undefined;
}

function findVenue(front: FactSentence[]): FactValue | undefined {
  // Only the untitled front: an abstract's "published in the Journal of ..." is often about an
  // earlier version, but a title page's venue line is the paper's own.
  for (const s of front.filter((x) => x.role === 'front')) {
    const m = VENUE.exec(s.text);
    if (m) return ruleValue((m[1] ?? m[2]).trim(), [refOf(s)]);
  }
  return undefined;
}

function findAbstract(paper: Paper, sentences: FactSentence[]): FactValue | undefined {
  const abs = sentences.filter((s) => s.role === 'abstract');
  if (abs.length) return ruleValue(clip(abs.map((s) => s.text).join(' '), 2000), abs.map(refOf));
  if (paper.abstract?.trim()) return ruleValue(clip(paper.abstract, 2000), []);
  return undefined;
}
