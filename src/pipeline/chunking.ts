// Token-bounded chunks for models with a fixed input size. Sentences are counted once each
// (linear time); a finished chunk is counted once more to catch tokenizer effects at joins.

export type CountTokens = (text: string) => number;

export interface ChunkSection {
  /** Shown in progress labels and used by the sections style. */
  title: string;
  sentences: string[];
}

export interface Chunk {
  text: string;
  /** Global sentence indexes (over all sections, in order) that this chunk owns. */
  sentenceIds: number[];
  /** Sentence ids repeated from the previous chunk for context (not owned). */
  overlapIds: number[];
  /** Sections this chunk draws from. */
  sections: number[];
  tokens: number;
}

export interface ChunkOptions {
  countTokens: CountTokens;
  /** Hard limit per chunk, already net of any prompt/prefix the model adds. */
  maxTokens: number;
  /** Tokens of trailing context repeated at the start of the next chunk (default 0, capped at maxTokens/4). */
  overlapTokens?: number;
  /** 'always' starts a new chunk at every section; 'prefer' only when the section would not fit. */
  sectionBreaks?: 'always' | 'prefer';
}

interface Unit {
  id: number;
  section: number;
  text: string;
  tokens: number;
}

/** Splits an over-long sentence at word (or, for huge words, character) boundaries. */
export function splitLongText(text: string, maxTokens: number, countTokens: CountTokens): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const out: string[] = [];
  let cur: string[] = [];
  let curTokens = 0;
  const push = () => {
    if (cur.length) out.push(cur.join(' '));
    cur = [];
    curTokens = 0;
  };
  for (const w of words) {
    let t = countTokens(w);
    if (t > maxTokens) {
      push();
      // A single "word" over the limit (a URL, a base64 blob): cut by characters.
      const per = Math.max(1, Math.floor((w.length * maxTokens) / t));
      for (let k = 0; k < w.length; k += per) {
        let piece = w.slice(k, k + per);
        while (piece.length > 1 && countTokens(piece) > maxTokens) piece = piece.slice(0, Math.ceil(piece.length / 2));
        out.push(piece);
        if (piece.length < per) k -= per - piece.length;
      }
      continue;
    }
    if (curTokens + t > maxTokens && cur.length) push();
    cur.push(w);
    curTokens += t;
    if (curTokens > maxTokens * 0.9) {
      // Sum-of-words estimates drift; verify the piece before it grows further.
      t = countTokens(cur.join(' '));
      if (t > maxTokens) {
        const last = cur.pop()!;
        push();
        cur = [last];
        curTokens = countTokens(last);
      } else curTokens = t;
    }
  }
  push();
  // Final guarantee: re-split any piece that still counts over the limit.
  return out.flatMap((p) => (countTokens(p) <= maxTokens || p.split(/\s+/).length < 2 ? [p] : halve(p, maxTokens, countTokens)));
}

function halve(p: string, maxTokens: number, countTokens: CountTokens): string[] {
  const words = p.split(/\s+/);
  const mid = Math.ceil(words.length / 2);
  return [words.slice(0, mid).join(' '), words.slice(mid).join(' ')].flatMap((x) =>
    countTokens(x) <= maxTokens || x.split(/\s+/).length < 2 ? [x] : halve(x, maxTokens, countTokens),
  );
}

export function chunkSections(sections: ChunkSection[], opts: ChunkOptions): Chunk[] {
  const { countTokens, maxTokens } = opts;
  if (!(maxTokens >= 1)) throw new RangeError(`chunk limit must be at least 1 token (got ${maxTokens})`);
  const overlap = Math.max(0, Math.min(opts.overlapTokens ?? 0, Math.floor(maxTokens / 4)));
  const breaks = opts.sectionBreaks ?? 'prefer';

  // Units: sentences, with over-long ones split into pieces that each fit.
  const bySection: Unit[][] = [];
  let id = 0;
  sections.forEach((sec, si) => {
    const units: Unit[] = [];
    for (const s of sec.sentences) {
      const t = countTokens(s);
      if (t <= maxTokens) units.push({ id, section: si, text: s, tokens: t });
      else for (const piece of splitLongText(s, maxTokens, countTokens)) units.push({ id, section: si, text: piece, tokens: countTokens(piece) });
      id++;
    }
    bySection.push(units);
  });

  const chunks: Chunk[] = [];
  let cur: Unit[] = [];
  let curOverlap: Unit[] = [];
  let curTokens = 0;

  const close = () => {
    if (!cur.length) return;
    let all = [...curOverlap, ...cur];
    let text = all.map((u) => u.text).join(' ');
    let tokens = countTokens(text);
    // Tokenizers are not additive at joins: drop overlap, then trailing units, until it fits.
    const pushedBack: Unit[] = [];
    while (tokens > maxTokens && (curOverlap.length || cur.length > 1)) {
      if (curOverlap.length) curOverlap = curOverlap.slice(1);
      else pushedBack.unshift(cur.pop()!);
      all = [...curOverlap, ...cur];
      text = all.map((u) => u.text).join(' ');
      tokens = countTokens(text);
    }
    chunks.push({
      text,
      sentenceIds: [...new Set(cur.map((u) => u.id))],
      overlapIds: [...new Set(curOverlap.map((u) => u.id))].filter((x) => !cur.some((u) => u.id === x)),
      sections: [...new Set(all.map((u) => u.section))],
      tokens,
    });
    // Context for the next chunk: the last whole units up to `overlap` tokens.
    const tail: Unit[] = [];
    let tt = 0;
    for (let k = cur.length - 1; k >= 0 && overlap > 0; k--) {
      if (tt + cur[k].tokens > overlap) break;
      tail.unshift(cur[k]);
      tt += cur[k].tokens;
    }
    cur = [];
    curOverlap = tail;
    curTokens = tt;
    for (const u of pushedBack) add(u);
  };

  const add = (u: Unit) => {
    if (curTokens + u.tokens > maxTokens && cur.length) close();
    if (curTokens + u.tokens > maxTokens) {
      // Even the overlap does not leave room: drop it for this chunk.
      curOverlap = [];
      curTokens = 0;
    }
    cur.push(u);
    curTokens += u.tokens;
  };

  // close() may push trailing units back into a fresh chunk; drain until nothing is pending.
  const flushAll = () => {
    while (cur.length) close();
  };

  bySection.forEach((units) => {
    if (!units.length) return;
    const sectionTokens = units.reduce((n, u) => n + u.tokens, 0);
    const startFresh = breaks === 'always' || (cur.length > 0 && curTokens + sectionTokens > maxTokens && curTokens >= maxTokens * 0.5);
    if (startFresh && cur.length) {
      flushAll();
      // No overlap across section boundaries: it would mix two sections' context.
      curOverlap = [];
      curTokens = 0;
    }
    for (const u of units) add(u);
  });
  flushAll();
  return chunks;
}
