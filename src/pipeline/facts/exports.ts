// The card as JSON, CSV and Markdown: pure functions returning strings. Every value carries the
// section (and, in CSV, the sentence) it came from, so an export is as checkable as the card.
import { splitSentences } from '../sentences';
import type { Paper } from '../types';
import { FIELD_ORDER, withLabels, type FactField, type FactLabels } from './labels';
import type { FactValue, LinkFact, PaperFacts, ResultFact } from './types';

/** Every value of the card with its field, in card order. */
export function factEntries(facts: PaperFacts): { field: FactField; value: FactValue }[] {
  return FIELD_ORDER.flatMap((field) => {
    const v = facts[field] as FactValue | FactValue[] | undefined;
    if (!v) return [];
    return (Array.isArray(v) ? v : [v]).map((value) => ({ field, value }));
  });
}

export function factsToJson(facts: PaperFacts): string {
  return JSON.stringify(facts, null, 2);
}

/** One CSV field, quoted as RFC 4180 says: when it holds a comma, a quote or a line break; quotes doubled. */
export function csvField(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function sentenceText(paper: Paper | undefined, v: FactValue): { section: string; sentence: string } {
  if (!paper || !v.refs.length) return { section: '', sentence: '' };
  const sections = [...new Set(v.refs.map((r) => r.section))].map((i) => paper.sections[i]?.title ?? '').filter(Boolean);
  const sentence = v.refs.map((r) => splitSentences(paper.sections[r.section]?.text ?? '')[r.position] ?? '').filter(Boolean).join(' ');
  return { section: sections.join('; '), sentence };
}

/**
 * One row per value: field, value, unit, measured, compared_with, section title, sentence text
 * (the last two need the paper). CRLF line ends, as RFC 4180 has them.
 */
export function factsToCsv(facts: PaperFacts, paper?: Paper, labels?: Partial<FactLabels>): string {
  const l = withLabels(labels);
  const header = ['field', 'value', 'unit', 'measured', 'compared_with', 'kind', 'section', 'sentence', 'unverified'];
  const rows = factEntries(facts).map(({ field, value }) => {
    const r = value as ResultFact & Partial<LinkFact>;
    const where = sentenceText(paper, value);
    return [l[field], value.value, r.unit ?? '', r.measured ?? '', r.comparedWith ?? '', r.kind ?? '', where.section, where.sentence, value.unsupported ? 'true' : ''];
  });
  return [header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

// Markdown that would change the meaning of a value (emphasis, links, headings) is escaped.
const md = (s: string) => s.replace(/([\\`*_{}[\]<>#|])/g, '\\$1').replace(/\s*\n\s*/g, ' ');

function describe(v: FactValue, l: FactLabels): string {
  const r = v as ResultFact & Partial<LinkFact>;
  let s = md(v.value);
  if (r.unit) s += r.unit === '%' ? '%' : ` ${md(r.unit)}`;
  if (r.measured) s += ` (${md(r.measured)})`;
  if (r.comparedWith) s += `, ${l.comparedWith} ${md(r.comparedWith)}`;
  if (r.kind) s = `${s} (${r.kind})`;
  if (v.unsupported) s += ` _(${l.unverified})_`;
  return s;
}

/** Headings per field; list values as bullets, each with the section it came from. */
export function factsToMarkdown(facts: PaperFacts, paper?: Paper, labels?: Partial<FactLabels>): string {
  const l = withLabels(labels);
  const out: string[] = [`# ${l.facts}${facts.title ? `: ${md(facts.title.value)}` : ''}`];
  for (const field of FIELD_ORDER) {
    const v = facts[field] as FactValue | FactValue[] | undefined;
    const values = v ? (Array.isArray(v) ? v : [v]) : [];
    if (!values.length || field === 'title') continue;
    out.push('', `## ${l[field]}`, '');
    for (const value of values) {
      const where = sentenceText(paper, value).section;
      out.push(`- ${describe(value, l)}${where ? ` — ${l.section}: ${md(where)}` : ''}`);
    }
  }
  return out.join('\n') + '\n';
}
