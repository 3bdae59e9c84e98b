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

// The question comes first and again last, and the model is asked to use the passage's own words:
// measured on test/ask/questions.json with SmolLM2-135M-Instruct (test/ask/model-answers.test.ts),
// this wording cited the answering passage in 9 of 10 answers against 4 to 5 for an instruction
// after the passages, and an escape clause ("if the passages do not contain the answer, say ...")
// made the small model give up on 4 answerable questions of 10: retrieval decides "not addressed".

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
      `关于论文《${p.title}》的问题：${p.question}`,
      `\n论文中的段落：\n${passages}`,
      turns ? `\n之前的对话：\n${turns}` : '',
      `\n用一到两句话回答问题“${p.question}”，尽量使用回答它的那个段落的原话，并在末尾用方括号注明该段落的编号，例如 [1]。`,
    ].filter(Boolean).join('\n');
  }
  return [
    `Question about the paper "${p.title}": ${p.question}`,
    `\nPassages from the paper:\n${passages}`,
    turns ? `\nEarlier in this conversation:\n${turns}` : '',
    `\nAnswer the question "${p.question}" in one or two sentences, using the words of the passage that answers it, and end with that passage's number in brackets, like [1].`,
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
