// Streaming detokenization. Decoding token by token is wrong twice over: byte-level BPE splits one
// UTF-8 character over several tokens, and decoders (Metaspace "▁", ByteLevel "Ġ", cleanup of
// " ." and " n't") decide a token's spacing only in context. So we decode a short window of recent
// tokens, emit the part of its text that is final, and hold back (a) an incomplete character
// (the window ends in U+FFFD) and (b) trailing whitespace, which the next token may still remove.
// The window start moves forward as text becomes final, so a step costs O(window), not O(length).

export interface Decoder {
  decode(ids: readonly number[]): string;
}

const REPLACEMENT = '\uFFFD';
/**
 * Hugging Face's clean_up_tokenization rewrites these across token boundaries (" n't" -> "n't"),
 * so a trailing start of one of them is not final yet.
 */
const CLEANUP_PATTERNS = [' .', ' ?', ' !', ' ,', " ' ", " n't", " 'm", " 's", " 've", " 're"];
/** Tokens kept as left context when the window moves: enough for any decoder rule we know. */
const KEEP_TOKENS = 4;
const MAX_WINDOW = 16;

export class StreamingDetokenizer {
  private readonly ids: number[] = [];
  /** First token of the decoding window. */
  private start = 0;
  /** How many characters of the current window's text were already emitted. */
  private windowEmitted = 0;
  private emitted = '';

  constructor(private readonly decoder: Decoder) {}

  /** Adds tokens and returns the newly final text ('' while nothing new is certain). */
  push(newIds: readonly number[]): string {
    for (const id of newIds) this.ids.push(id);
    const text = this.decoder.decode(this.ids.slice(this.start));
    if (text.endsWith(REPLACEMENT)) return '';
    const stable = text.length - heldTail(text);
    if (stable <= this.windowEmitted) return '';
    const delta = text.slice(this.windowEmitted, stable);
    this.windowEmitted = stable;
    this.emitted += delta;
    this.moveWindow(text);
    return delta;
  }

  /**
   * Text not yet emitted once generation is over. Prefers the exact full decode when the stream so
   * far is a prefix of it, so the concatenated deltas equal the tokenizer's decode of all ids.
   */
  flush(): string {
    const full = this.decoder.decode(this.ids);
    let rest: string;
    if (full.startsWith(this.emitted)) {
      rest = full.slice(this.emitted.length);
    } else {
      // A decoder rule rewrote text that was already streamed; keep the stream consistent.
      rest = this.decoder.decode(this.ids.slice(this.start)).slice(this.windowEmitted);
    }
    this.emitted += rest;
    this.start = this.ids.length;
    this.windowEmitted = 0;
    return rest;
  }

  /** Everything emitted so far: the concatenation of all push() and flush() results. */
  get text(): string {
    return this.emitted;
  }

  private moveWindow(text: string): void {
    if (this.ids.length - this.start <= MAX_WINDOW) return;
    const held = text.length - this.windowEmitted;
    // Move only to a start where the shorter window reads as the tail of the longer one: not in
    // the middle of a multi-byte character, same spacing. Try a few starts, nearest first.
    for (let next = this.ids.length - KEEP_TOKENS; next > this.start && next >= this.ids.length - 2 * MAX_WINDOW; next--) {
      const nextText = this.decoder.decode(this.ids.slice(next));
      if (nextText.length >= held && text.endsWith(nextText) && !nextText.startsWith(REPLACEMENT)) {
        this.start = next;
        this.windowEmitted = nextText.length - held;
        return;
      }
    }
  }
}

/** Characters at the end of `text` that the next token may still change. */
function heldTail(text: string): number {
  let ws = 0;
  while (ws < text.length && /\s/.test(text[text.length - 1 - ws])) ws++;
  let pattern = 0;
  for (let k = 1; k <= 3 && k <= text.length; k++) {
    const tail = text.slice(-k);
    if (CLEANUP_PATTERNS.some((p) => p.length > k && p.startsWith(tail))) pattern = k;
  }
  return Math.max(ws, pattern);
}
