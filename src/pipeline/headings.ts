// Recognizing section headings in plain text lines and classifying sections by their title.
import { cjkKind, matchCjkHeading } from './cjk/headings';
import { isFrontMatterLine } from './frontLines';
import type { Section } from './types';

const KNOWN_TITLES = [
  'abstract',
  'introduction',
  'background',
  'preliminaries',
  'related work',
  'related works',
  'prior work',
  'literature review',
  'motivation',
  'problem statement',
  'problem formulation',
  'method',
  'methods',
  'methodology',
  'materials and methods',
  'methods and materials',
  'patients and methods',
  'approach',
  'our approach',
  'proposed method',
  'model',
  'models',
  'system overview',
  'overview',
  'data',
  'dataset',
  'datasets',
  'data and methods',
  'experiments',
  'experiment',
  'experimental setup',
  'experimental results',
  'experiments and results',
  'setup',
  'implementation',
  'implementation details',
  'evaluation',
  'results',
  'results and discussion',
  'analysis',
  'ablation study',
  'ablations',
  'discussion',
  'limitations',
  'future work',
  'conclusion',
  'conclusions',
  'conclusion and future work',
  'conclusions and future work',
  'summary',
  'concluding remarks',
  'references',
  'bibliography',
  'literature cited',
  'works cited',
  'acknowledgements',
  'acknowledgments',
  'acknowledgement',
  'acknowledgment',
  'funding',
  'author contributions',
  'competing interests',
  'conflict of interest',
  'conflicts of interest',
  'declaration of competing interest',
  'data availability',
  'data availability statement',
  'code availability',
  'ethics statement',
  'appendix',
  'appendices',
  'supplementary material',
  'supplementary materials',
  'supplemental material',
  'broader impact',
  'broader impacts',
];
const KNOWN = new Set(KNOWN_TITLES);

export interface HeadingMatch {
  title: string;
  level: number;
  /** Text that followed the heading on the same line ("Abstract—We propose ..."). */
  rest?: string;
}

const NUMBERED = /^((?:\d{1,2})(?:\.\d{1,2}){0,3})\.?\s+(\S.*)$/;
const ROMAN = /^([IVX]{1,5})\.\s+(\S.*)$/;
const LETTERED = /^(?:Appendix\s+)?([A-H])(?:\.\d{1,2}){0,2}\.?\s+(\S.*)$/;
const INLINE_ABSTRACT = /^(abstract|summary)\s*[—–:.-]\s*(\S.*)$/i;

function normTitle(t: string): string {
  return t
    .toLowerCase()
    .replace(/[:.]+$/, '')
    .replace(/\s+/g, ' ')
    .replace(/&/g, 'and')
    .trim();
}

/** True when `t` reads like a heading text: short, starts with a capital, mostly letters, no sentence end. */
function looksLikeTitle(t: string): boolean {
  if (t.length < 2 || t.length > 90) return false;
  if (!/^[A-Z]/.test(t)) return false;
  const words = t.split(/\s+/);
  if (words.length > 12) return false;
  if (/[.;,]$/.test(t) || /[=<>]/.test(t)) return false;
  const letters = (t.match(/[A-Za-z]/g) ?? []).length;
  if (letters < t.replace(/\s/g, '').length * 0.7) return false;
  // "3 of the 12 participants ..." : numbered headings are title- or upper-case-ish.
  const lower = words.filter((w) => /^[a-z]/.test(w) && w.length > 3).length;
  if (lower > Math.max(2, words.length * 0.6)) return false;
  // A numbered line of prose ("2. The first step is to align the reads", a wrapped list item):
  // headings name things and seldom have a finite verb or a pronoun in lowercase.
  return !SENTENCE_WORD.test(t.slice(t.indexOf(' ') + 1));
}

const SENTENCE_WORD = /(?:^|\s)(?:is|are|was|were|we|our|has|have|had|been|this|these|those|which|that|it|its|they|there)(?:\s|$)/;

/**
 * A numbered line that stands alone (a blank line before and after it) may be a sentence-case
 * heading ("3 Protein k-mers enable assembly-free metapangenomics", "6 sPlotOpen"), as journals
 * that typeset headings in sentence case print them; being alone on its line is the evidence the
 * word-case test stands in for otherwise. Still no sentence end, few words, mostly letters.
 */
function looksLikeStandaloneTitle(t: string): boolean {
  if (t.length < 2 || t.length > 90 || t.split(/\s+/).length > 14) return false;
  if (!/^[A-Z]/.test(t) && !/^[a-z]+[A-Z]/.test(t)) return false;
  if (/[.;,]$/.test(t) || /[=<>]/.test(t)) return false;
  const letters = (t.match(/[A-Za-z]/g) ?? []).length;
  return letters >= t.replace(/\s/g, '').length * 0.7 && !SENTENCE_WORD.test(t);
}

export function isKnownTitle(t: string): boolean {
  return KNOWN.has(normTitle(t));
}

/**
 * Classifies one trimmed line. Numbered headings ("2.1 Method", "III. RESULTS", "A Proofs") must
 * look like titles (sentence case too when `standalone`: a blank line before and after);
 * unnumbered ones must be a known section name ("Related Work", "CONCLUSIONS").
 */
export function matchHeading(line: string, standalone = false): HeadingMatch | null {
  const t = line.trim().replace(/\s+/g, ' ');
  if (!t) return null;
  // Before the length limit: "摘要：" often opens a whole paragraph on its line.
  const cjk = matchCjkHeading(t);
  if (cjk) return cjk;
  if (t.length > 100) return null;
  const inline = INLINE_ABSTRACT.exec(t);
  if (inline && inline[2].length > 20) return { title: capitalize(inline[1]), level: 1, rest: inline[2] };
  const md = /^(#{1,6})\s+(.+?)\s*#*$/.exec(t);
  if (md) return { title: md[2], level: md[1].length };
  let m = NUMBERED.exec(t);
  // "1 Department of Geosciences, University of Oslo": a numbered affiliation, not a section.
  if (m && isFrontMatterLine(t)) return null;
  if (m && (looksLikeTitle(m[2]) || (standalone && looksLikeStandaloneTitle(m[2])))) {
    const depth = m[1].split('.').length;
    const top = Number(m[1].split('.')[0]);
    if (top >= 1 && top <= 30) return { title: titleCase(m[2]), level: Math.min(depth, 3) };
  }
  m = ROMAN.exec(t);
  if (m && looksLikeTitle(m[2])) return { title: titleCase(m[2]), level: 1 };
  m = LETTERED.exec(t);
  if (m && looksLikeTitle(m[2]) && (/^Appendix/.test(t) || isKnownTitle(m[2]) || m[2] === m[2].toUpperCase() || /^[A-H]\.\d/.test(t))) {
    return { title: titleCase(m[2]), level: /^[A-H]\.\d/.test(t) ? 2 : 1 };
  }
  const bare = t.replace(/^(appendix|appendices)\b.*$/i, 'appendix');
  // Capitalised, or alone on its line: a wrapped line that is just "analysis" is not a section.
  if (isKnownTitle(bare) && (/^[A-Z]/.test(t) || standalone)) return { title: titleCase(t.replace(/[:.]$/, '')), level: 1 };
  return null;
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1).toLowerCase();
}

/** "RELATED WORK" -> "Related Work"; mixed-case titles are left alone. */
function titleCase(s: string): string {
  if (s !== s.toUpperCase() || !/[A-Z]{3}/.test(s)) return s;
  return s
    .toLowerCase()
    .split(' ')
    .map((w, i) => (i > 0 && /^(of|and|the|in|on|for|to|a|an|with|vs)$/.test(w) ? w : capitalize(w)))
    .join(' ');
}

/** Section kind from its title; `afterReferences` marks everything following a bibliography as appendix. */
export function kindOfTitle(title: string, afterReferences: boolean): Section['kind'] {
  const t = normTitle(title).replace(/^(appendix|appendices)\b.*/, 'appendix');
  const cjk = cjkKind(title);
  if (cjk) return cjk;
  if (t === 'abstract') return 'abstract';
  if (/^(references|bibliography|literature cited|works cited)$/.test(t)) return 'references';
  if (/^(acknowledge?ments?|funding|author contributions|competing interests|conflicts? of interest|declaration of competing interest)$/.test(t)) {
    return 'acknowledgements';
  }
  if (/^(appendix|supplementary materials?|supplemental material)$/.test(t)) return 'appendix';
  return afterReferences ? 'appendix' : 'body';
}
