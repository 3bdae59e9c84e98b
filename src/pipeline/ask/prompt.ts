// The retrieval-augmented prompt for an instruction model: numbered passages, the conversation so
// far, the question; as many passages as the model's prompt budget holds.
import type { Citation, Turn } from './types';

export const NOT_ADDRESSED = {
  en: 'The paper does not seem to address this.',
  zh: '论文似乎没有涉及这个问题。',
} as const;

export interface AskPromptInput {
  title: string;
  question: string;
  passages: Citation[];
  history: Turn[];
  language: 'en' | 'zh';
}

/** Earlier turns kept in the prompt: enough for "and on which dataset?", not a transcript. */
const HISTORY_TURNS = 2;
const HISTORY_ANSWER_CHARS = 300;

export function askPrompt(p: AskPromptInput): string {
  const zh = p.language === 'zh';
  const passages = p.passages.map((c) => `[${c.n}]${c.sectionTitle ? ` (${c.sectionTitle})` : ''} ${c.text}`).join('\n');
  const turns = p.history
    .slice(-HISTORY_TURNS)
    .map((t) => `${zh ? '问' : 'Q'}: ${t.question}\n${zh ? '答' : 'A'}: ${clip(stripMarkers(t.answer.text), HISTORY_ANSWER_CHARS)}`)
    .join('\n');
  if (zh) {
    return [
      `以下是论文《${p.title}》中的段落：`,
      passages,
      turns ? `\n之前的对话：\n${turns}` : '',
      `\n只根据这些段落回答问题，用一到三句话。每句话后用方括号注明所依据的段落编号，例如 [1]。如果段落中没有答案，只回答：${NOT_ADDRESSED.zh}`,
      `\n问题：${p.question}`,
    ].filter(Boolean).join('\n');
  }
  return [
    `Passages from the paper "${p.title}":`,
    passages,
    turns ? `\nEarlier in this conversation:\n${turns}` : '',
    `\nAnswer the question using only these passages, in one to three sentences. After each sentence, put the number of the passage it comes from in brackets, like [1]. If the passages do not contain the answer, reply only: ${NOT_ADDRESSED.en}`,
    `\nQuestion: ${p.question}`,
  ].filter(Boolean).join('\n');
}

function stripMarkers(s: string): string {
  return s.replace(/\s*\[\d+\]/g, '');
}

function clip(s: string, n: number): string {
  return s.length <= n ? s : `${s.slice(0, n).replace(/\s+\S*$/, '')} …`;
}

/**
 * The most passages (best first) whose prompt fits `budget` tokens; at least one, cut to fit,
 * so a small context still gets the best passage.
 */
export function fitPassages(make: (passages: Citation[]) => string, passages: Citation[], count: (text: string) => number, budget: number): { prompt: string; used: Citation[] } {
  let used = passages;
  while (used.length > 1 && count(make(used)) > budget) used = used.slice(0, -1);
  let prompt = make(used);
  if (used.length === 1 && count(prompt) > budget) {
    let text = used[0].text;
    while (text.length > 80 && count(prompt) > budget) {
      text = text.slice(0, Math.floor(text.length * 0.8));
      used = [{ ...used[0], text }];
      prompt = make(used);
    }
  }
  return { prompt, used };
}
