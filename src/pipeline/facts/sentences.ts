// The paper as the facts extractors read it: every sentence, numbered exactly as
// selection.ts paperSentences() numbers it (so a SentenceRef highlights the right sentence in
// the UI), tagged with the role its section plays. Roles come from the section's kind and title,
// because a number means a result only where the paper reports results.
import { paperSentences } from '../selection';
import type { Paper, Section } from '../types';
import type { FactValue, SentenceRef } from './types';

export type Role = 'front' | 'abstract' | 'intro' | 'methods' | 'results' | 'discussion' | 'limitations' | 'data' | 'code' | 'tail' | 'other';

export interface FactSentence {
  text: string;
  section: number;
  position: number;
  role: Role;
  /** The section's kind: the reference list is never read for facts. */
  kind: Section['kind'];
}

// Title cues, English and Chinese; the first that matches wins, so the more specific come first.
const TITLE_ROLES: [RegExp, Role][] = [
  [/limitation|threats? to validity|caveat|局限|不足/i, 'limitations'],
  [/future|outlook|展望|未来/i, 'discussion'],
  [/code availability|software availability|availability|installation|repository|代码/i, 'code'],
  [/result|experiment|evaluation|performance|benchmark|comparison|empirical|case stud|illustration|application|example|结果|实验|评估|评价|对比|比较/i, 'results'],
  [/discussion|conclusion|summary|concluding|讨论|结论|总结|小结/i, 'discussion'],
  [/introduction|overview|background|related work|motivation|statement of need|引言|绪论|背景|相关工作/i, 'intro'],
  [/\bdata\b|dataset|corpus|material|数据/i, 'data'],
  [/method|approach|model|algorithm|implementation|design|architecture|framework|formula|theory|notation|方法|模型|算法|设计/i, 'methods'],
];

export function sectionRole(section: Section, index: number): Role {
  if (section.kind === 'abstract') return 'abstract';
  if (section.kind !== 'body') return 'tail';
  // Text before the first heading holds what a title page carries: DOI, dates, affiliations.
  if (!section.title.trim()) return index <= 1 ? 'front' : 'other';
  for (const [re, role] of TITLE_ROLES) if (re.test(section.title)) return role;
  return 'other';
}

/** Every sentence of every section (references included: the caller decides what to read). */
export function factSentences(paper: Paper): FactSentence[] {
  const all = paper.sections.map((_, i) => i);
  const roles = paper.sections.map((s, i) => sectionRole(s, i));
  return paperSentences(paper, all).map((s) => ({ text: s.text, section: s.section, position: s.position, role: roles[s.section], kind: paper.sections[s.section].kind }));
}

export const refOf = (s: { section: number; position: number }): SentenceRef => ({ section: s.section, position: s.position });

export const ruleValue = (value: string, refs: SentenceRef[]): FactValue => ({ value, refs, source: 'rules' });

/** Lowercased, NFKC, punctuation and spacing folded: what "the same value" means across the card. */
export function normText(s: string): string {
  return s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}%.]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Keeps the first of values that normalise alike, merging their refs, and at most `cap` of them. */
export function dedupe<T extends FactValue>(values: T[], cap = 8, key: (v: T) => string = (v) => normText(v.value)): T[] {
  const out: T[] = [];
  const seen = new Map<string, T>();
  for (const v of values) {
    const k = key(v);
    if (!k) continue;
    const prior = seen.get(k);
    if (prior) {
      for (const r of v.refs) if (!prior.refs.some((p) => p.section === r.section && p.position === r.position)) prior.refs.push(r);
      continue;
    }
    if (out.length >= cap) continue;
    // A copy, so merging refs never changes the caller's values.
    const copy = { ...v, refs: [...v.refs] };
    seen.set(k, copy);
    out.push(copy);
  }
  return out;
}

/** Cuts a sentence-long value to a readable length at a word boundary. */
export function clip(s: string, max = 240): string {
  const t = s.replace(/\s+/g, ' ').trim();
  if (t.length <= max) return t;
  const cut = t.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${cut.slice(0, space > max * 0.6 ? space : max)}…`;
}
