// Generation lengths per preset and, for decoder-only (causal) models, instructions per stage and
// style. Seq2seq summarizers take no instructions: they get the bare text (see STYLE_NOTES).
import type { GenerationOptions, ModelKind } from '../../engine/types';
import type { SummaryLength, SummaryStyle } from '../types';

/** New-token bounds of the final pass per length preset. */
export const LENGTH_PRESETS: Record<SummaryLength, Pick<GenerationOptions, 'min_new_tokens' | 'max_new_tokens'>> = {
  short: { min_new_tokens: 12, max_new_tokens: 64 },
  medium: { min_new_tokens: 40, max_new_tokens: 150 },
  long: { min_new_tokens: 90, max_new_tokens: 300 },
};

/** Intermediate passes: long enough to keep the facts, short enough that reducing converges. */
export const MAP_LENGTH: Pick<GenerationOptions, 'min_new_tokens' | 'max_new_tokens'> = { min_new_tokens: 20, max_new_tokens: 110 };

const SENTENCES: Record<SummaryLength, number> = { short: 1, medium: 2, long: 3 };
const POINTS: Record<SummaryLength, number> = { short: 3, medium: 5, long: 8 };
const WORDS: Record<SummaryLength, number> = { short: 60, medium: 130, long: 230 };

/** What a final pass is asked for: so many sentences, points, words (English) or characters (Chinese). */
export interface AskedLength {
  unit: 'sentences' | 'points' | 'words' | 'chars';
  count: number;
}

/** The length the instructions below ask a model for (the output guard holds the model to it). */
export function askedLength(style: SummaryStyle, length: SummaryLength, language: PromptLanguage = 'en'): AskedLength {
  switch (style) {
    case 'tldr':
      return { unit: 'sentences', count: SENTENCES[length] };
    case 'key_points':
      return { unit: 'points', count: POINTS[length] };
    case 'sections':
      return { unit: 'sentences', count: SENTENCES[length] + 1 };
    case 'abstract':
    case 'lay':
      return language === 'zh' ? { unit: 'chars', count: CHARS[length] } : { unit: 'words', count: WORDS[length] };
  }
}

export const ABSTRACTIVE_STYLE_NOTES: Record<SummaryStyle, string> = {
  tldr: 'The model condenses the paper (section by section, then the partial summaries) into a short summary.',
  key_points: 'One bullet per part of the paper, each a model summary of that part, with near-duplicates removed.',
  sections: 'Each section summarized on its own, under its heading.',
  lay: 'Summarization models cannot be told to simplify: the plain-words version feeds the model the plainest sentences and strips citations and parentheses from its output. Instruction-following (chat) models are asked to explain in plain words.',
  abstract: 'One paragraph condensed from summaries of every part of the paper.',
};

export type Stage = 'map' | 'reduce' | 'final' | 'section';

/** The two languages the instructions are written in. */
export type PromptLanguage = 'en' | 'zh';

export interface PromptContext {
  kind: ModelKind;
  style: SummaryStyle;
  length: SummaryLength;
  title?: string;
  sectionTitle?: string;
  /** The paper's language: instructions are given in it (default English). */
  language?: PromptLanguage;
  /** The language the summary must be written in, when it is not the paper's. */
  output?: PromptLanguage;
}

// Chinese lengths are in characters: about 1.6 per English word (see cjk/script.ts).
const CHARS: Record<SummaryLength, number> = { short: 100, medium: 200, long: 360 };

function finalInstructionZh(c: PromptContext): string {
  switch (c.style) {
    case 'tldr':
      return `用 ${SENTENCES[c.length]} 句话概括这篇科学论文（TL;DR）。`;
    case 'key_points':
      return `列出这篇科学论文最重要的 ${POINTS[c.length]} 个要点，每行一个，以 "- " 开头。`;
    case 'abstract':
      return `为这篇科学论文写一段约 ${CHARS[c.length]} 字的摘要，涵盖研究问题、方法、主要结果和结论。`;
    case 'lay':
      return `用约 ${CHARS[c.length]} 字向没有科学背景的读者解释这篇论文。使用通俗的日常用语，不用术语、数字或引用，并说明它为什么重要。`;
    case 'sections':
      return `用 ${SENTENCES[c.length] + 1} 句话概括科学论文的这一节。`;
  }
}

function finalInstruction(c: PromptContext): string {
  if (c.language === 'zh') return finalInstructionZh(c);
  switch (c.style) {
    case 'tldr':
      return `Write a TL;DR of this scientific paper in ${SENTENCES[c.length]} sentence${SENTENCES[c.length] > 1 ? 's' : ''}.`;
    case 'key_points':
      return `List the ${POINTS[c.length]} most important points of this scientific paper, one per line, each starting with "- ".`;
    case 'abstract':
      return `Write an abstract for this scientific paper: one paragraph of about ${WORDS[c.length]} words covering the problem, the method, the main results and the conclusion.`;
    case 'lay':
      return `Explain this scientific paper to someone without a science background in about ${WORDS[c.length]} words. Use plain, everyday words, no jargon, numbers or citations, and say why it matters.`;
    case 'sections':
      return `Summarize this section of a scientific paper in ${SENTENCES[c.length] + 1} sentences.`;
  }
}

/**
 * The model input for one pass. Causal models get an instruction (the engine wraps it in the chat
 * template); seq2seq models get the text alone.
 */
export function buildInput(stage: Stage, text: string, c: PromptContext): string {
  if (c.kind !== 'causal') return text;
  if (c.language === 'zh') return buildInputZh(stage, text, c);
  const paper = c.title ? `Paper: "${c.title}"\n` : '';
  switch (stage) {
    case 'map':
      return `${paper}Summarize the following part of a scientific paper in 3 to 5 sentences. Keep the key claims, methods and results.\n\n${text}`;
    case 'reduce':
      return `${paper}Merge these partial summaries of a scientific paper into one concise summary without repetition.\n\n${text}`;
    case 'section':
      return `${paper}Section: "${c.sectionTitle ?? ''}"\n${finalInstruction({ ...c, style: 'sections' })}${outputNote(c)}\n\n${text}`;
    case 'final':
      // No label before the text: SmolLM2-135M echoed "The paper, or summaries of its parts" back as its answer.
      return `${paper}${finalInstruction(c)}${outputNote(c)}\n\n${text}`;
  }
}

/** Only the passes the reader sees are asked for another language; partial summaries stay in the paper's. */
function outputNote(c: PromptContext): string {
  if (!c.output || c.output === (c.language ?? 'en')) return '';
  return c.output === 'zh' ? ' Write the answer in Simplified Chinese (请用简体中文回答).' : ' 请用英文回答（Write the answer in English）。';
}

function buildInputZh(stage: Stage, text: string, c: PromptContext): string {
  const paper = c.title ? `论文：《${c.title}》\n` : '';
  switch (stage) {
    case 'map':
      return `${paper}用 3 到 5 句话概括下面这部分科学论文，保留关键论点、方法和结果。\n\n${text}`;
    case 'reduce':
      return `${paper}把下面这些科学论文的部分摘要合并成一份简洁、不重复的摘要。\n\n${text}`;
    case 'section':
      return `${paper}章节：“${c.sectionTitle ?? ''}”\n${finalInstruction({ ...c, style: 'sections' })}${outputNote(c)}\n\n${text}`;
    case 'final':
      return `${paper}${finalInstruction(c)}${outputNote(c)}\n\n论文或其各部分的摘要：\n\n${text}`;
  }
}

/**
 * Tokens every input costs besides its text, as the model counts them: specials, a T5 prefix, the
 * chat template and (causal) the longest stage instruction, plus a margin for merges where the
 * text joins the wrapper. `countTokens` is the model's full count (TextGenerator.countTokens).
 */
export function promptOverhead(countTokens: (s: string) => number, c: PromptContext): number {
  // The longest final instruction of any style and length, not the one asked for: the chunks then
  // come out the same for every style of a paper, so its map passes can be reused (PassCache).
  const inputs = [buildInput('map', '', c), buildInput('reduce', '', c)];
  for (const style of ALL_STYLES) for (const length of ALL_LENGTHS) {
    inputs.push(buildInput('final', '', { ...c, style, length }), buildInput('section', '', { ...c, style, length }));
  }
  return Math.max(...inputs.map(countTokens)) + (c.kind === 'causal' ? 8 : 2);
}

const ALL_STYLES: SummaryStyle[] = ['tldr', 'key_points', 'sections', 'lay', 'abstract'];
const ALL_LENGTHS: SummaryLength[] = ['short', 'medium', 'long'];
