// Model-based facts: the most telling sentences go into a prompt, numbered [n]; the model answers
// in the JSON of FACTS_JSON_SCHEMA (constrained decoding guarantees it parses), citing those
// numbers; the numbers map back to SentenceRefs; the values are grounded against the sentences
// they cite and merged with the rule-based card (front matter stays the rules').
import type { GenerationOptions, TextGenerator, TokenEvent } from '../../engine/types';
import type { Paper } from '../types';
import { CONTRIBUTIONS, FUTURE_WORK, LIMITATIONS } from './statements';
import { dedupe, factSentences, normText, type FactSentence } from './sentences';
import { extractFacts } from './extract';
import { groundFacts } from './ground';
import { FACTS_JSON_SCHEMA, parseModelFacts, type ModelFacts, type ModelStatement } from './schema';
import type { FactValue, PaperFacts, ResultFact, SentenceRef } from './types';

export type FactsProgress = 'rules' | 'prompt' | 'generate' | 'ground' | 'done';

export interface ModelFactsOptions {
  signal?: AbortSignal;
  onProgress?: (step: FactsProgress) => void;
  onToken?: (ev: TokenEvent) => void;
  /** Decoding options on top of the model's defaults; greedy unless the caller says otherwise. */
  generation?: GenerationOptions;
  /** The rule-based card, when the caller already has it. */
  rules?: PaperFacts;
}

const MAX_NEW_TOKENS = 700;
const ROLE_WEIGHT: Partial<Record<FactSentence['role'], number>> = { abstract: 3, results: 2, discussion: 2, limitations: 3, intro: 1, methods: 1, data: 2, code: 1 };
const NUMBERISH = /\d+(?:\.\d+)?\s*(?:%|％|×|times|fold|倍)/;
const DATA_WORD = /\b(?:dataset|data set|corpus|benchmark|database|data from|sample of)\b|数据集|语料/i;

function score(s: FactSentence): number {
  let n = ROLE_WEIGHT[s.role] ?? 0;
  for (const f of [CONTRIBUTIONS, LIMITATIONS, FUTURE_WORK]) if (f.cues.some((c) => c.test(s.text))) n += 3;
  if (NUMBERISH.test(s.text)) n += 2;
  if (DATA_WORD.test(s.text)) n += 2;
  return n;
}

export function buildFactsPrompt(paper: Paper, generator: Pick<TextGenerator, 'countTokens' | 'maxInputTokens'>): { prompt: string; cited: SentenceRef[] } {
  const zh = paper.language === 'zh';
  const head = zh
    ? `论文：《${paper.title}》\n阅读下面编号的句子，按给定的 JSON 格式列出论文的贡献、方法、数据集、指标、数值结果、局限和未来工作。每一项都要给出支持它的句子编号；句子中没有的内容不要写。\n\n`
    : `Paper: "${paper.title}"\nRead the numbered sentences below and list, in the given JSON format, the paper's contributions, methods, datasets, metrics, numerical results, limitations and future work. Cite for every item the numbers of the sentences that state it; leave out anything the sentences do not say.\n\n`;
  const candidates = factSentences(paper)
    .filter((s) => (s.kind === 'body' || s.kind === 'abstract') && s.text.length > 20)
    .map((s, i) => ({ s, i, score: score(s) }))
    .sort((a, b) => b.score - a.score || a.i - b.i);
  // Budget: the model's input limit less the instruction and a margin for the chat template.
  let budget = generator.maxInputTokens - generator.countTokens(head) - 24;
  const picked: typeof candidates = [];
  for (const c of candidates) {
    const cost = generator.countTokens(`[${picked.length + 1}] ${c.s.text}\n`) + 1;
    if (cost > budget) continue;
    budget -= cost;
    picked.push(c);
    if (budget < 8) break;
  }
  picked.sort((a, b) => a.i - b.i);
  const lines = picked.map((c, n) => `[${n + 1}] ${c.s.text}`);
  return { prompt: head + lines.join('\n'), cited: picked.map((c) => ({ section: c.s.section, position: c.s.position })) };
}

export async function extractFactsWithModel(paper: Paper, generator: TextGenerator, opts: ModelFactsOptions = {}): Promise<PaperFacts> {
  const { signal } = opts;
  signal?.throwIfAborted();
  opts.onProgress?.('rules');
  const rules = opts.rules ?? extractFacts(paper);
  opts.onProgress?.('prompt');
  const { prompt, cited } = buildFactsPrompt(paper, generator);
  if (!cited.length) return rules;
  opts.onProgress?.('generate');
  const res = await generator.generate(
    prompt,
    { do_sample: false, ...opts.generation, max_new_tokens: opts.generation?.max_new_tokens ?? MAX_NEW_TOKENS },
    { jsonSchema: FACTS_JSON_SCHEMA, signal, onToken: opts.onToken },
  );
  if (res.stopReason === 'aborted') signal?.throwIfAborted();
  if (res.stopReason === 'aborted') throw new DOMException('Aborted', 'AbortError');
  opts.onProgress?.('ground');
  const model = groundFacts(modelToFacts(parseModelFacts(res.text), cited, rules), paper);
  opts.onProgress?.('done');
  return mergeFacts(rules, model);
}

/** The model's answer as a card: sentence numbers become refs; numbers out of range are dropped. */
export function modelToFacts(m: ModelFacts, cited: SentenceRef[], base: PaperFacts): PaperFacts {
  const refs = (ns: number[]) => [...new Set(ns)].filter((n) => n >= 1 && n <= cited.length).map((n) => cited[n - 1]);
  const value = (text: string, ns: number[]): FactValue => ({ value: text, refs: refs(ns), source: 'model' });
  const statements = (xs: ModelStatement[]) => xs.map((x) => value(x.text, x.sentences));
  return {
    ...base,
    links: [],
    contributions: statements(m.contributions),
    methods: statements(m.methods),
    datasets: m.datasets.map((d) => value(d.name, d.sentences)),
    metrics: m.metrics.map((d) => value(d.name, d.sentences)),
    results: m.results.map(
      (r): ResultFact => ({ ...value(r.value, r.sentences), unit: r.unit ?? undefined, measured: r.measured ?? undefined, comparedWith: r.compared_with ?? undefined }),
    ),
    limitations: statements(m.limitations),
    futureWork: statements(m.future_work),
  };
}

/**
 * Rules win on front matter and links; the model's statements replace the rules' (a model
 * paraphrases better than a cue phrase picks), and its datasets, metrics and results are added
 * to the rules' (a value both found is kept once, as the rules had it).
 */
export function mergeFacts(rules: PaperFacts, model: PaperFacts): PaperFacts {
  const pick = (r: FactValue[], m: FactValue[]) => (m.length ? dedupe(m, 8) : r);
  return {
    ...rules,
    contributions: pick(rules.contributions, model.contributions),
    methods: pick(rules.methods, model.methods),
    limitations: pick(rules.limitations, model.limitations),
    futureWork: pick(rules.futureWork, model.futureWork),
    datasets: dedupe([...rules.datasets, ...model.datasets], 8),
    metrics: dedupe([...rules.metrics, ...model.metrics], 8),
    results: dedupe([...rules.results, ...model.results], 8, (r) => `${normText(r.value)}|${r.refs[0] ? `${r.refs[0].section}.${r.refs[0].position}` : ''}`),
  };
}
