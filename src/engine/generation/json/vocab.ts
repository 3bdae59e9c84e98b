// The text of every vocabulary token and a trie over those texts, built once per tokenizer, so a
// mask is one walk of the trie with the automaton (a subtree is skipped as soon as its prefix is
// invalid) instead of 49k separate string checks.
//
// A token's text is what it adds after a plain left context (decode([a, id]) minus decode([a])),
// so SentencePiece's "▁" keeps its space where decode([id]) alone would drop it. Tokens that are
// part of a UTF-8 character (byte-level BPE pieces; their text holds U+FFFD), special tokens and
// tokens without text are never allowed: any character is still reachable, through the JSON
// escape \uXXXX inside strings if not as a whole token.

export interface VocabTokenizer {
  decode(ids: readonly number[], skipSpecialTokens?: boolean): string;
  isSpecial(id: number): boolean;
  encode(text: string, addSpecialTokens?: boolean): number[];
}

/** The flattened trie: node 0 is the root; children and ending tokens are ranges of flat arrays. */
export interface Trie {
  childStart: Int32Array;
  childCount: Int32Array;
  childChar: string[];
  childNode: Int32Array;
  tokenStart: Int32Array;
  tokenCount: Int32Array;
  tokenIds: Int32Array;
}

export class TokenVocabulary {
  readonly trie: Trie;
  /** Longest token text: states that agree on any text this long behave alike on every token. */
  readonly horizon: number;
  readonly eosTokenIds: readonly number[];
  /**
   * Inside a string most tokens are plain content (no '"', '\\' or control character): those are
   * allowed by length alone, and only the others (`specialTrie`, a few percent) need a walk.
   * `plain` holds the plain ids by character count, `plainUpTo[n]` how many have at most n.
   */
  readonly plain: Int32Array;
  private readonly plainUpTo: Int32Array;
  readonly specialTrie: Trie;
  readonly specialHorizon: number;

  /** `pieces[id]`: the token's text, or null when it may never be chosen under a constraint. */
  constructor(
    readonly pieces: readonly (string | null)[],
    eosTokenIds: readonly number[],
  ) {
    const eos = new Set(eosTokenIds);
    this.eosTokenIds = [...eos];
    const usable = pieces.map((p, id) => (eos.has(id) ? null : p));
    this.trie = buildTrie(usable);
    this.horizon = usable.reduce((m, p) => Math.max(m, p?.length ?? 0), 1);
    const lengths = usable.map((p) => (p !== null && isPlain(p) ? characters(p) : -1));
    const plainIds = lengths.flatMap((n, id) => (n >= 0 ? [id] : []));
    this.plain = Int32Array.from(plainIds.sort((a, b) => lengths[a] - lengths[b] || a - b));
    this.plainUpTo = new Int32Array(this.horizon + 1);
    for (const id of plainIds) this.plainUpTo[lengths[id]]++;
    for (let n = 1; n <= this.horizon; n++) this.plainUpTo[n] += this.plainUpTo[n - 1];
    const special = usable.map((p, id) => (lengths[id] < 0 ? p : null));
    this.specialTrie = buildTrie(special);
    this.specialHorizon = special.reduce((m, p) => Math.max(m, p?.length ?? 0), 1);
  }

  /** True when some token's text is exactly `text`. */
  hasToken(text: string): boolean {
    let node = 0;
    for (const c of text) {
      node = findChild(this.trie, node, c);
      if (node < 0) return false;
    }
    return this.trie.tokenCount[node] > 0;
  }

  /** The plain-content tokens of at most `room` characters. */
  plainWithin(room: number): Int32Array {
    return this.plain.subarray(0, this.plainUpTo[Math.min(room, this.horizon)]);
  }

  get size(): number {
    return this.pieces.length;
  }

  static fromTokenizer(tok: VocabTokenizer, vocabSize: number, eosTokenIds: readonly number[]): TokenVocabulary {
    const anchorIds = tok.encode('a', false);
    const anchor = anchorIds.length === 1 ? anchorIds[0] : undefined;
    const anchorText = anchor === undefined ? '' : tok.decode([anchor], false);
    const pieces: (string | null)[] = new Array(vocabSize).fill(null);
    for (let id = 0; id < vocabSize; id++) {
      if (tok.isSpecial(id)) continue;
      let text: string;
      try {
        const withAnchor = anchor === undefined ? undefined : tok.decode([anchor, id], false);
        text = withAnchor?.startsWith(anchorText) ? withAnchor.slice(anchorText.length) : tok.decode([id], false);
      } catch {
        continue; // an id past the tokenizer's vocabulary (padded embedding rows)
      }
      if (text.length > 0 && !text.includes('\uFFFD')) pieces[id] = text;
    }
    return new TokenVocabulary(pieces, eosTokenIds);
  }

  /** The text of `ids` as the constraint reads it: the pieces concatenated, EOS and others empty. */
  textOf(ids: readonly number[]): string {
    let text = '';
    for (const id of ids) text += this.pieces[id] ?? '';
    return text;
  }

  /**
   * Greedy longest-match tokenization of `text` over the pieces (consistent with textOf by
   * construction). Stops at the first character no piece starts with.
   */
  encode(text: string): { ids: number[]; encoded: number } {
    const t = this.trie;
    const ids: number[] = [];
    let pos = 0;
    while (pos < text.length) {
      let node = 0;
      let bestId = -1;
      let bestLen = 0;
      for (let k = pos; k < text.length; k++) {
        const child = findChild(t, node, text[k]);
        if (child < 0) break;
        node = child;
        if (t.tokenCount[node] > 0) {
          bestId = t.tokenIds[t.tokenStart[node]];
          bestLen = k - pos + 1;
        }
      }
      if (bestId < 0) break;
      ids.push(bestId);
      pos += bestLen;
    }
    return { ids, encoded: pos };
  }
}

function isPlain(piece: string): boolean {
  for (let k = 0; k < piece.length; k++) {
    const c = piece.charCodeAt(k);
    if (c < 0x20 || c === 0x22 || c === 0x5c) return false;
  }
  return true;
}

/** Characters as maxLength counts them (code points; a low surrogate belongs to the one before). */
function characters(piece: string): number {
  let n = 0;
  for (let k = 0; k < piece.length; k++) {
    const c = piece.charCodeAt(k);
    if (c < 0xdc00 || c > 0xdfff) n++;
  }
  return n;
}

function findChild(t: Trie, node: number, c: string): number {
  const end = t.childStart[node] + t.childCount[node];
  for (let k = t.childStart[node]; k < end; k++) if (t.childChar[k] === c) return t.childNode[k];
  return -1;
}

interface BuildNode {
  children: Map<string, BuildNode>;
  tokens: number[];
}

function buildTrie(pieces: readonly (string | null)[]): Trie {
  const root: BuildNode = { children: new Map(), tokens: [] };
  let count = 1;
  pieces.forEach((p, id) => {
    if (!p) return;
    let n = root;
    for (const c of p.split('')) {
      let next = n.children.get(c);
      if (!next) {
        next = { children: new Map(), tokens: [] };
        n.children.set(c, next);
        count++;
      }
      n = next;
    }
    n.tokens.push(id);
  });
  const t: Trie = {
    childStart: new Int32Array(count),
    childCount: new Int32Array(count),
    childChar: new Array<string>(count - 1),
    childNode: new Int32Array(count - 1),
    tokenStart: new Int32Array(count),
    tokenCount: new Int32Array(count),
    tokenIds: new Int32Array(pieces.reduce((k, p) => k + (p ? 1 : 0), 0)),
  };
  // Breadth-first numbering; each node's children are contiguous.
  const order: BuildNode[] = [root];
  let edges = 0;
  let tokens = 0;
  for (let i = 0; i < order.length; i++) {
    const n = order[i];
    t.tokenStart[i] = tokens;
    t.tokenCount[i] = n.tokens.length;
    for (const id of n.tokens) t.tokenIds[tokens++] = id;
    t.childStart[i] = edges;
    t.childCount[i] = n.children.size;
    for (const [c, child] of n.children) {
      t.childChar[edges] = c;
      t.childNode[edges++] = order.length;
      order.push(child);
    }
  }
  return t;
}
