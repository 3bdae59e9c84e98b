// Abstractive summaries of papers longer than the model's input: summarize chunks (map), merge
// partial summaries until they fit one pass (reduce), and stream only that last pass. Every stage
// checks the AbortSignal; cancelling returns what exists, marked partial.
import type { GenerationOptions, TextGenerator } from '../../engine/types';
import { chunkSections, type ChunkSection } from '../chunking';
import { rankSentences } from '../extractive/rank';
import { removeCitations } from '../extractive/styles';
import { terms } from '../extractive/terms';
import { paperSentences, selectSections } from '../selection';
import { splitSentences } from '../sentences';
import { BULLET, OutputGuard, Unguarded, withoutRepeats, type PassFilter } from './outputGuard';
import { generateMany, ManyAborted } from './batchRun';
import type { PassCache } from './passCache';
import type { Paper, SummaryEvent, SummaryOutcome, SummaryRequest } from '../types';
import { askedLength, buildInput, LENGTH_PRESETS, MAP_LENGTH, promptOverhead, type PromptContext, type Stage } from './prompts';

export interface AbstractiveOptions {
  generator: TextGenerator;
  signal?: AbortSignal;
  onEvent?: (ev: SummaryEvent) => void;
  /**
   * Pre-select salient sentences with the extractive ranker before the model reads them.
   * 'auto' (default) does so only when the paper would need more than `maxMapChunks` chunks.
   */
  extractFirst?: boolean | 'auto';
  /** Upper bound on map passes (default 12); longer papers are shrunk extractively first. */
  maxMapChunks?: number;
  /** Tokens of context repeated between chunks (default 32). */
  overlapTokens?: number;
  /** false: passes keep the model's own length and repeats (default true); to measure the guard. */
  outputGuard?: boolean;
  /** Finished map and reduce passes, reused by later summaries of the same paper on the same model. */
  passCache?: PassCache;
}

class Aborted extends Error {}

const BULLETS: Record<SummaryRequest['length'], number> = { short: 4, medium: 7, long: 12 };

export async function summarizeAbstractive(paper: Paper, request: SummaryRequest, opts: AbstractiveOptions): Promise<SummaryOutcome> {
  const g = opts.generator;
  const emit = opts.onEvent ?? (() => {});
  const signal = opts.signal;
  const language = paper.language ?? 'en';
  const ctx: PromptContext = { kind: g.kind, style: request.style, length: request.length, title: paper.title, language, output: request.outputLanguage ?? language };
  const count = contentCounter(g);
  const limit = Math.max(16, g.maxInputTokens - promptOverhead((s) => g.countTokens(s), ctx));
  const userOptions = request.generation ?? {};
  const base = { kind: 'abstractive' as const, style: request.style, length: request.length };

  let streamed = '';
  const partials: string[] = [];
  const finish = (text: string, partial: boolean): SummaryOutcome => ({ ...base, text: text.trim(), partial });
  const partialText = () => streamed || partials.filter(Boolean).join('\n\n');

  const cache = opts.passCache;
  const filtered = opts.outputGuard !== false;
  const run = async (stage: Stage, text: string, options: GenerationOptions, stream: boolean, sectionTitle?: string) => {
    if (signal?.aborted) throw new Aborted();
    const input = buildInput(stage, text, { ...ctx, sectionTitle });
    const settings = stageOptions(options, userOptions);
    // A streamed pass is the reader's own; only passes the reader does not watch are reused.
    const key = stream ? undefined : cache?.key(g, stage, input, settings, filtered);
    const hit = cache?.get(key);
    if (hit !== undefined) return hit;
    // The reader's passes are held to the asked length; every pass loses its repeats.
    const guard: PassFilter = !filtered
      ? new Unguarded()
      : new OutputGuard(stage === 'final' || stage === 'section' ? askedLength(stage === 'section' ? 'sections' : request.style, request.length, ctx.output) : undefined);
    const enough = new AbortController();
    const before = streamed;
    const keep = (complete: boolean) => {
      const kept = guard.text(complete);
      if (stream && before + kept !== streamed) {
        // The reader saw a repeat or an unfinished tail stream past: show what is kept instead.
        streamed = before + kept;
        emit({ type: 'reset' });
        if (streamed) emit({ type: 'delta', text: streamed });
      }
      return kept;
    };
    try {
      const res = await g.generate(input, settings, {
        signal: signal ? AbortSignal.any([signal, enough.signal]) : enough.signal,
        onToken: (ev) => {
          if (!ev.text || guard.stopped) return;
          if (stream) {
            streamed += ev.text;
            emit({ type: 'delta', text: ev.text });
          }
          if (guard.push(ev.text)) enough.abort();
        },
      });
      if (signal?.aborted || (res.stopReason === 'aborted' && !guard.stopped)) throw new Aborted();
      // Out of tokens mid-sentence: the finished part only.
      const kept = keep(res.stopReason !== 'length');
      cache?.set(key, kept);
      return kept;
    } catch (e) {
      if (e instanceof Aborted || signal?.aborted) throw new Aborted();
      // An engine that throws when its signal fires, fired by the guard: the pass has what it needs.
      if (guard.stopped) {
        const kept = keep(true);
        cache?.set(key, kept);
        return kept;
      }
      throw e;
    }
  };

  const runMany = async (stage: Stage, texts: string[], options: GenerationOptions, onDone: (k: number, text: string) => void = () => {}) => {
    try {
      // Each pass's repeats dropped once, as it finishes; generateMany throws unless every pass did.
      // Passes already made for this paper come from the cache; only the rest go to the model.
      const settings = stageOptions(options, userOptions);
      const inputs = texts.map((t) => buildInput(stage, t, ctx));
      const keys = inputs.map((input) => cache?.key(g, stage, input, settings, filtered));
      const cleaned: string[] = [];
      const todo: number[] = [];
      inputs.forEach((_, k) => {
        const hit = cache?.get(keys[k]);
        if (hit === undefined) return void todo.push(k);
        cleaned[k] = hit;
        onDone(k, hit);
      });
      if (signal?.aborted) throw new Aborted();
      if (todo.length) {
        await generateMany(g, todo.map((k) => inputs[k]), settings, signal, (j, text) => {
          const k = todo[j];
          cleaned[k] = filtered ? withoutRepeats(text) : text;
          cache?.set(keys[k], cleaned[k]);
          onDone(k, cleaned[k]);
        });
      }
      return cleaned;
    } catch (e) {
      if (e instanceof ManyAborted || signal?.aborted) throw new Aborted();
      throw e;
    }
  };

  try {
    // 1. What the model will read: selected sections as sentences, optionally shrunk extractively.
    const read = readSections(
      selectSections(paper, request.sectionIndexes).map((i) => ({ index: i, title: paper.sections[i].title, sentences: splitSentences(paper.sections[i].text), abstract: paper.sections[i].kind === 'abstract' })),
      request.style,
    );
    const selected = read.map((s) => s.index);
    let sections: ReadSection[] = read;
    const totalTokens = sections.reduce((n, s) => n + s.sentences.reduce((m, x) => m + count(x), 0), 0);
    const maxChunks = opts.maxMapChunks ?? 12;
    const wantExtract = opts.extractFirst === true || ((opts.extractFirst ?? 'auto') === 'auto' && totalTokens > maxChunks * limit * 0.9);
    if (wantExtract || request.style === 'lay') {
      emit({ type: 'progress', stage: 'extract', done: 0, total: 1, label: 'selecting key sentences', step: 'select' });
      sections = preselect(paper, selected, request.style === 'lay' ? Math.min(totalTokens, limit * Math.min(maxChunks, 3)) : maxChunks * limit * 0.85, count);
      emit({ type: 'progress', stage: 'extract', done: 1, total: 1, label: 'selecting key sentences', step: 'select' });
    }
    if (signal?.aborted) throw new Aborted();

    const finalLength = LENGTH_PRESETS[request.length];
    const perSection = request.style === 'sections';
    const chunkOpts = { countTokens: count, maxTokens: limit, overlapTokens: opts.overlapTokens ?? 32, sectionBreaks: perSection ? ('always' as const) : ('prefer' as const) };
    let chunks = chunkApart(sections, chunkOpts);
    // Section boundaries and overlap cost room: tighten the extractive budget until the cap holds.
    for (let budget = maxChunks * limit * 0.75; wantExtract && chunks.length > maxChunks && budget > limit; budget *= 0.8) {
      sections = preselect(paper, selected, budget, count);
      chunks = chunkApart(sections, chunkOpts);
    }

    // 2. Short paper, whole-paper style: one streamed pass, no map.
    if (!perSection && request.style !== 'key_points' && chunks.length === 1) {
      emit({ type: 'progress', stage: 'final', done: 0, total: 1, label: 'writing summary', step: 'write' });
      const text = await run('final', chunks[0].text, finalLength, true);
      emit({ type: 'progress', stage: 'final', done: 1, total: 1, label: 'writing summary', step: 'write' });
      return finish(postprocess(request.style, streamed || text), false);
    }

    // 3. Map: every chunk in one batch where the engine batches (progress counts finished chunks).
    emit({ type: 'progress', stage: 'map', done: 0, total: chunks.length, label: `chunk 1 of ${chunks.length}`, step: 'chunk', n: 1 });
    let mappedCount = 0;
    const summaries = await runMany('map', chunks.map((c) => c.text), MAP_LENGTH, (k, text) => {
      partials[k] = text;
      mappedCount++;
      if (mappedCount < chunks.length) emit({ type: 'progress', stage: 'map', done: mappedCount, total: chunks.length, label: `chunk ${mappedCount + 1} of ${chunks.length}`, step: 'chunk', n: mappedCount + 1 });
    });
    const mapped = summaries.map((text, k) => ({ text, section: chunks[k].sections[chunks[k].sections.length - 1] }));
    emit({ type: 'progress', stage: 'map', done: chunks.length, total: chunks.length, label: `chunk ${chunks.length} of ${chunks.length}`, step: 'chunk', n: chunks.length });

    // 4. Assemble per style.
    if (perSection) {
      const out = await assembleSections(mapped, sections, { run, emit, finalLength, count, limit, markStreamed: (t) => (streamed += t) });
      return finish(out, false);
    }
    if (request.style === 'key_points' && g.kind !== 'causal') {
      let points = mapped.map((m) => m.text);
      const cap = BULLETS[request.length];
      if (points.length > cap) points = await mergeGroups(points, cap, limit, count, run, emit);
      const kept = dedupe(points.map((p) => firstSentences(p, 2)));
      emit({ type: 'progress', stage: 'final', done: 0, total: kept.length, label: 'writing key points', step: 'keyPoints' });
      kept.forEach((p, k) => {
        const line = `- ${p}\n`;
        streamed += line;
        emit({ type: 'delta', text: line });
        emit({ type: 'progress', stage: 'final', done: k + 1, total: kept.length, label: 'writing key points', step: 'keyPoints' });
      });
      return finish(streamed, false);
    }
    const merged = await reduceToFit(mapped.map((m) => m.text), limit, count, runMany, emit);
    emit({ type: 'progress', stage: 'final', done: 0, total: 1, label: 'writing summary', step: 'write' });
    const text = await run('final', merged, finalLength, true);
    emit({ type: 'progress', stage: 'final', done: 1, total: 1, label: 'writing summary', step: 'write' });
    return finish(postprocess(request.style, streamed || text), false);
  } catch (e) {
    if (e instanceof Aborted) return finish(partialText(), true);
    throw e;
  }
}

/**
 * The model's token count of `text` as part of a larger input: without the specials, prefix or
 * chat template that countTokens adds once per input (counting those per sentence would fill each
 * chunk with phantom tokens). Memoized: chunking and pre-selection count the same sentences again.
 */
function contentCounter(g: TextGenerator): (s: string) => number {
  const base = g.countTokens('');
  const memo = new Map<string, number>();
  return (s) => {
    let n = memo.get(s);
    if (n === undefined) {
      n = Math.max(0, g.countTokens(s) - base);
      memo.set(s, n);
    }
    return n;
  };
}

/**
 * The user's options win, but a user's shorter max_new_tokens also lowers the stage's own
 * minimum (min_new_tokens above max_new_tokens is an error in the engine, rightly for users).
 */
export function stageOptions(stage: GenerationOptions, user: GenerationOptions): GenerationOptions {
  const merged = { ...stage, ...user };
  if (user.min_new_tokens === undefined && merged.min_new_tokens !== undefined && merged.max_new_tokens !== undefined) {
    merged.min_new_tokens = Math.min(merged.min_new_tokens, merged.max_new_tokens);
  }
  return merged;
}

type Run = (stage: Stage, text: string, options: GenerationOptions, stream: boolean, sectionTitle?: string) => Promise<string>;
type Emit = (ev: SummaryEvent) => void;
type RunMany = (stage: Stage, texts: string[], options: GenerationOptions, onDone?: (k: number, text: string) => void) => Promise<string[]>;

/** Reduce rounds until the joined summaries fit one input; progress counts every reduce pass. */
async function reduceToFit(texts: string[], limit: number, count: (s: string) => number, runMany: RunMany, emit: Emit): Promise<string> {
  let current = texts.filter(Boolean);
  let done = 0;
  for (let round = 0; round < 6; round++) {
    const joined = current.join('\n\n');
    const tokens = count(joined);
    if (tokens <= limit || current.length <= 1) return tokens <= limit ? joined : clip(joined, limit, count);
    const groups = chunkSections(
      current.map((t, i) => ({ title: `summary ${i + 1}`, sentences: splitSentences(t) })),
      { countTokens: count, maxTokens: limit, sectionBreaks: 'prefer' },
    );
    const total = done + groups.length;
    emit({ type: 'progress', stage: 'reduce', done, total, label: `merging ${done + 1} of ${total}`, step: 'merge', n: done + 1 });
    const next = await runMany('reduce', groups.map((grp) => grp.text), MAP_LENGTH, () => {
      done++;
      if (done < total) emit({ type: 'progress', stage: 'reduce', done, total, label: `merging ${done + 1} of ${total}`, step: 'merge', n: done + 1 });
    });
    emit({ type: 'progress', stage: 'reduce', done, total, label: `merging ${done} of ${total}`, step: 'merge', n: done });
    // A model that does not shrink its input would loop forever: stop and clip instead.
    if (count(next.join('\n\n')) >= tokens) return clip(next.join('\n\n'), limit, count);
    current = next;
  }
  return clip(current.join('\n\n'), limit, count);
}

/** Keeps whole sentences from the start until the token limit. */
function clip(text: string, limit: number, count: (s: string) => number): string {
  const out: string[] = [];
  let used = 0;
  for (const s of splitSentences(text)) {
    const t = count(s) + 1;
    if (used + t > limit) break;
    out.push(s);
    used += t;
  }
  return out.join(' ') || text.split(/\s+/).slice(0, Math.max(1, Math.floor(limit / 2))).join(' ');
}

/** Merges consecutive summaries into `cap` groups, one model pass per group. */
async function mergeGroups(points: string[], cap: number, limit: number, count: (s: string) => number, run: Run, emit: Emit): Promise<string[]> {
  const size = Math.ceil(points.length / cap);
  const groups: string[] = [];
  for (let k = 0; k < points.length; k += size) groups.push(clip(points.slice(k, k + size).join('\n\n'), limit, count));
  const out: string[] = [];
  for (let k = 0; k < groups.length; k++) {
    emit({ type: 'progress', stage: 'reduce', done: k, total: groups.length, label: `merging ${k + 1} of ${groups.length}`, step: 'merge', n: k + 1 });
    out.push(await run('reduce', groups[k], MAP_LENGTH, false));
  }
  emit({ type: 'progress', stage: 'reduce', done: groups.length, total: groups.length, label: `merging ${groups.length} of ${groups.length}`, step: 'merge', n: groups.length });
  return out;
}

interface SectionDeps {
  run: Run;
  emit: Emit;
  finalLength: GenerationOptions;
  count: (s: string) => number;
  limit: number;
  markStreamed: (t: string) => void;
}

/**
 * Sections style: a heading and that section's summary. Sections that took several chunks get one
 * more pass over their joined chunk summaries first (stage 'reduce'), then all are emitted in order.
 */
async function assembleSections(mapped: { text: string; section: number }[], sections: ChunkSection[], d: SectionDeps): Promise<string> {
  const order: number[] = [];
  const bySection = new Map<number, string[]>();
  for (const m of mapped) {
    if (!bySection.has(m.section)) {
      bySection.set(m.section, []);
      order.push(m.section);
    }
    bySection.get(m.section)!.push(m.text);
  }
  const multi = order.filter((si) => bySection.get(si)!.length > 1);
  const bodies = new Map<number, string>();
  for (let k = 0; k < multi.length; k++) {
    d.emit({ type: 'progress', stage: 'reduce', done: k, total: multi.length, label: `merging section ${k + 1} of ${multi.length}`, step: 'mergeSection', n: k + 1 });
    const si = multi[k];
    // The section title is part of a causal prompt; the overhead was measured without one.
    const room = Math.max(16, d.limit - d.count(sections[si].title));
    bodies.set(si, await d.run('section', clip(bySection.get(si)!.join('\n\n'), room, d.count), d.finalLength, false, sections[si].title));
  }
  if (multi.length) d.emit({ type: 'progress', stage: 'reduce', done: multi.length, total: multi.length, label: `merging section ${multi.length} of ${multi.length}`, step: 'mergeSection', n: multi.length });
  let out = '';
  order.forEach((si, k) => {
    d.emit({ type: 'progress', stage: 'final', done: k, total: order.length, label: `section ${k + 1} of ${order.length}`, step: 'section', n: k + 1 });
    const body = bodies.get(si) ?? bySection.get(si)![0];
    const piece = `${out ? '\n' : ''}## ${sections[si].title || 'Overview'}\n${body.trim()}\n`;
    out += piece;
    d.markStreamed(piece);
    d.emit({ type: 'delta', text: piece });
  });
  d.emit({ type: 'progress', stage: 'final', done: order.length, total: order.length, label: `section ${order.length} of ${order.length}`, step: 'section', n: order.length });
  return out;
}

function firstSentences(text: string, n: number): string {
  return splitSentences(text).slice(0, n).join(' ') || text.trim();
}

/** Drops points whose content words mostly repeat an earlier point (Jaccard >= 0.6). */
export function dedupe(points: string[]): string[] {
  const kept: { text: string; terms: Set<string> }[] = [];
  for (const p of points) {
    const t = new Set(terms(p));
    if (!t.size) continue;
    const dup = kept.some((k) => {
      let inter = 0;
      for (const x of t) if (k.terms.has(x)) inter++;
      return inter / (t.size + k.terms.size - inter) >= 0.6;
    });
    if (!dup) kept.push({ text: p.trim(), terms: t });
  }
  return kept.map((k) => k.text);
}

function postprocess(style: SummaryRequest['style'], text: string): string {
  if (style === 'abstract' || style === 'tldr') return text.replace(/\s*\n+\s*/g, ' ').trim();
  if (style === 'lay') return removeCitations(text.replace(/\s*\([^()]{0,80}\)/g, '')).replace(/\s*\n+\s*/g, ' ');
  if (style === 'key_points') return asList(text);
  return text.trim();
}

/** Key points as a list: a model that wrote sentences or plain lines gets a bullet per point. */
function asList(text: string): string {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => (BULLET.test(l) || /:$/.test(l) ? l : `- ${l}`))
    .join('\n');
}

/** A section the model reads; the abstract's flag keeps it in chunks of its own (chunkApart). */
type ReadSection = ChunkSection & { abstract: boolean };

/** Body sentences below which a paper's abstract stays in what the model reads for every style. */
const MIN_BODY_SENTENCES = 5;

/**
 * The reader has the abstract (the paper view shows it), so every style but the TL;DR reads the
 * body, as the extractive styles quote it; a paper with too little body keeps its abstract.
 */
function readSections<T extends ReadSection>(selected: T[], style: SummaryRequest['style']): T[] {
  if (style === 'tldr') return selected;
  const body = selected.filter((s) => !s.abstract);
  if (body.length === selected.length) return selected;
  return body.reduce((n, s) => n + s.sentences.length, 0) >= MIN_BODY_SENTENCES ? body : selected;
}

/**
 * Chunks with the abstract kept apart from the body whenever more than one chunk is needed, so
 * the body's chunks, and so its map passes, are the same whether the abstract is read or not
 * (a TL;DR after key points reuses them, PassCache).
 */
function chunkApart(sections: ReadSection[], opts: Parameters<typeof chunkSections>[1]) {
  const whole = chunkSections(sections, opts);
  const abstract = sections.filter((s) => s.abstract);
  if (whole.length < 2 || !abstract.length || abstract.length === sections.length) return whole;
  return [...chunkSections(abstract, opts), ...chunkSections(sections.filter((s) => !s.abstract), opts)];
}

/** Keeps the most salient sentences (extractive ranking, lay preference aside) in paper order within a token budget. */
function preselect(paper: Paper, selected: number[], budget: number, count: (s: string) => number): ReadSection[] {
  const sents = paperSentences(paper, selected);
  const ranked = rankSentences(paper, sents);
  const order = sents.map((_, i) => i).sort((a, b) => ranked.scores[b] - ranked.scores[a]);
  const keep = new Set<number>();
  let used = 0;
  for (const i of order) {
    const t = count(sents[i].text);
    if (used + t > budget) continue;
    keep.add(i);
    used += t;
  }
  return selected
    .map((si) => ({ title: paper.sections[si].title, sentences: sents.filter((s, i) => s.section === si && keep.has(i)).map((s) => s.text), abstract: paper.sections[si].kind === 'abstract' }))
    .filter((s) => s.sentences.length);
}
