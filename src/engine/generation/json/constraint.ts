// Token-level JSON constraint: the automaton walked over the vocabulary trie gives the tokens
// allowed after the text so far; EOS only once the document is complete (and then, when nothing
// may follow, EOS alone). Inside a string, plain-content tokens are allowed by their length and
// only tokens with '"', '\\' or control characters are walked. Walks are cached per automaton
// state key (counters clamped to the longest token), so most steps cost a lookup and a copy.
import { GenerationOptionError, type TokenConstraint } from '../contract';
import type { Scores } from '../select';
import type { JsonSchema } from '../../types';
import { initialState, isComplete, stepState, stepText, stringRoom, type State } from './automaton';
import { closing, stateKey } from './closing';
import { compileSchema, neededCharacters, type Node } from './schema';
import type { TokenVocabulary, Trie } from './vocab';

/** Token ids all cached masks may hold together (4 bytes each): the cache starts over past it. */
const MAX_CACHED_IDS = 4_000_000;

/** A schema compiled against one vocabulary; shared by every run with that schema (holds the mask cache). */
export class JsonGrammar {
  readonly root: Node;
  private readonly cache = new Map<string, Int32Array>();
  private cachedIds = 0;
  /** Trie walks made (cache misses) and their total time, for measurement. */
  walks = 0;
  walkMs = 0;

  constructor(
    readonly vocab: TokenVocabulary,
    readonly schema: JsonSchema,
  ) {
    this.root = compileSchema(schema);
    const missing = [...neededCharacters(this.root)].filter((c) => c < '\u0080' && !vocab.hasToken(c));
    if (missing.length) {
      throw new GenerationOptionError(
        'jsonSchema',
        `this model's vocabulary has no token for ${missing.map((c) => JSON.stringify(c)).join(', ')}, so it cannot write this JSON; use a model with a byte-level vocabulary (e.g. SmolLM2, Qwen2)`,
      );
    }
  }

  start(): JsonConstraint {
    return new JsonConstraint(this);
  }

  /** Ids allowed after `state` (EOS excluded), in chunks. */
  allowed(state: State): Int32Array[] {
    const v = this.vocab;
    const room = stringRoom(state);
    // Inside a string: plain tokens by length, a walk for the few with '"', '\\' or controls.
    if (room !== undefined) return [v.plainWithin(room), this.walked('S', v.specialTrie, v.specialHorizon, state)];
    return [this.walked('A', v.trie, v.horizon, state)];
  }

  private walked(prefix: string, trie: Trie, horizon: number, state: State): Int32Array {
    const key = prefix + stateKey(state, horizon);
    let ids = this.cache.get(key);
    if (!ids) {
      const t0 = performance.now();
      ids = walk(trie, state);
      this.walkMs += performance.now() - t0;
      this.walks++;
      if (this.cachedIds + ids.length > MAX_CACHED_IDS) {
        this.cache.clear();
        this.cachedIds = 0;
      }
      this.cache.set(key, ids);
      this.cachedIds += ids.length;
    }
    return ids;
  }
}

/** One run's position in the document. */
export class JsonConstraint implements TokenConstraint {
  private state: State;
  private done = false;
  private taken = '';
  private closed = '';
  private keep = new Float64Array(0);
  /** mask() calls and their total time (the per-step cost of the constraint). */
  readonly stats = { masks: 0, maskMs: 0 };

  constructor(private readonly grammar: JsonGrammar) {
    this.state = initialState(grammar.root);
  }

  get vocabulary(): TokenVocabulary {
    return this.grammar.vocab;
  }

  /** True when the text so far is a complete valid document. */
  get complete(): boolean {
    return this.done || isComplete(this.state);
  }

  /** The document's text: tokens taken, then what close() appended. */
  get text(): string {
    return this.taken + this.closed;
  }

  /** Tokens allowed next, EOS included when the document is complete. */
  allowedIds(): number[] {
    if (this.done) return [];
    const ids = this.grammar.allowed(this.state).flatMap((chunk) => Array.from(chunk));
    if (isComplete(this.state)) ids.push(...this.grammar.vocab.eosTokenIds);
    return ids.sort((a, b) => a - b);
  }

  mask(scores: Scores): boolean {
    const t0 = performance.now();
    const ok = this.applyMask(scores);
    this.stats.masks++;
    this.stats.maskMs += performance.now() - t0;
    return ok;
  }

  private applyMask(scores: Scores): boolean {
    if (this.done) return false;
    const chunks = this.grammar.allowed(this.state);
    if (isComplete(this.state)) chunks.push(Int32Array.from(this.grammar.vocab.eosTokenIds));
    const n = chunks.reduce((k, c) => k + c.length, 0);
    if (n === 0) return false;
    if (this.keep.length < n) this.keep = new Float64Array(Math.max(n, 2 * this.keep.length));
    const keep = this.keep;
    let k = 0;
    for (const ids of chunks) for (let i = 0; i < ids.length; i++) keep[k++] = scores[ids[i]];
    scores.fill(-Infinity);
    let finite = false;
    k = 0;
    for (const ids of chunks) {
      for (let i = 0; i < ids.length; i++) {
        const v = keep[k++];
        scores[ids[i]] = v;
        if (v > -Infinity) finite = true;
      }
    }
    const eos = isComplete(this.state) ? this.grammar.vocab.eosTokenIds : [];
    // The processors banned every allowed token (min_length on a finished document, a bad word,
    // no-repeat n-grams on a '"'): the schema wins, with the token that closes soonest.
    if (!finite) scores[eos.length ? eos[0] : this.closingIds()[0] ?? chunks.find((c) => c.length)![0]] = 0;
    return true;
  }

  advance(token: number): void {
    if (this.done) throw new Error(`JSON constraint: token ${token} after the end of the document`);
    const vocab = this.grammar.vocab;
    if (vocab.eosTokenIds.includes(token)) {
      if (!isComplete(this.state)) throw new Error('JSON constraint: EOS before the document is complete');
      this.done = true;
      return;
    }
    const piece = vocab.pieces[token];
    const next = piece ? stepText(this.state, piece) : [];
    if (!next.length) throw new Error(`JSON constraint: token ${token} (${JSON.stringify(piece)}) is not allowed after ${JSON.stringify(this.taken)}`);
    this.state = next;
    this.taken += piece;
  }

  /**
   * Finishes the document: the shortest valid closing, as token ids. Should the vocabulary miss a
   * character of it, `text` still holds the whole closing (the ids stop before that character).
   */
  close(): number[] {
    if (this.complete) return [];
    const suffix = closing(this.state);
    const { ids } = this.grammar.vocab.encode(suffix);
    this.closed = suffix;
    this.done = true;
    return ids;
  }

  private closingIds(): number[] {
    return this.grammar.vocab.encode(closing(this.state)).ids;
  }
}

/** Ids whose text keeps `state` valid: a depth-first walk of the trie, pruned at dead prefixes. */
function walk(t: Trie, state: State): Int32Array {
  const out: number[] = [];
  const nodes: number[] = [0];
  const states: State[] = [state];
  while (nodes.length) {
    const node = nodes.pop()!;
    const st = states.pop()!;
    const end = t.childStart[node] + t.childCount[node];
    for (let e = t.childStart[node]; e < end; e++) {
      const next = stepState(st, t.childChar[e]);
      if (!next.length) continue;
      const child = t.childNode[e];
      const tEnd = t.tokenStart[child] + t.tokenCount[child];
      for (let k = t.tokenStart[child]; k < tEnd; k++) out.push(t.tokenIds[k]);
      if (t.childCount[child] > 0) {
        nodes.push(child);
        states.push(next);
      }
    }
  }
  return Int32Array.from(out).sort();
}
