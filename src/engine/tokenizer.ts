// Thin wrapper over @huggingface/tokenizers: the engine's only view of tokenization.
import { Tokenizer } from '@huggingface/tokenizers';
import { ModelFileError } from './types';

type Json = Record<string, unknown>;

export class TextTokenizer {
  private readonly tok: Tokenizer;
  private readonly specialIds: Set<number>;

  constructor(
    sourceId: string,
    tokenizerJson: Json,
    readonly config: Json,
  ) {
    try {
      this.tok = new Tokenizer(tokenizerJson, config);
    } catch (e) {
      throw new ModelFileError(sourceId, 'tokenizer.json', `cannot build the tokenizer (${(e as Error).message})`);
    }
    this.specialIds = new Set();
    for (const [id, t] of this.tok.get_added_tokens_decoder()) if (t.special) this.specialIds.add(id);
  }

  /** Ids including the post-processor's special tokens (e.g. <s> ... </s>) unless told otherwise. */
  encode(text: string, addSpecialTokens = true): number[] {
    return this.tok.encode(text, { add_special_tokens: addSpecialTokens }).ids;
  }

  /**
   * Ids with the special tokens, the text cut to fit `maxTokens` in all, as Hugging Face's
   * truncation does for one sequence: the text's own tokens are cut from the end, the
   * post-processor's ([CLS] ... [SEP]) are kept.
   */
  encodeWithin(text: string, maxTokens: number): number[] {
    const full = this.encode(text, true);
    if (full.length <= maxTokens) return full;
    const plain = this.encode(text, false);
    const head = full.indexOf(plain[0]);
    const tail = full.length - head - plain.length;
    const wraps = head >= 0 && tail >= 0 && plain.every((id, i) => full[head + i] === id);
    // A post-processor that does more than wrap the text: keep the first tokens.
    if (!wraps || head + tail >= maxTokens) return full.slice(0, maxTokens);
    return [...full.slice(0, head), ...plain.slice(0, maxTokens - head - tail), ...full.slice(full.length - tail)];
  }

  /** Text of `ids`, special tokens skipped. */
  decode(ids: readonly number[], skipSpecialTokens = true): string {
    if (!ids.length) return '';
    return this.tok.decode(ids as number[], { skip_special_tokens: skipSpecialTokens });
  }

  /** Vocabulary size including added tokens. */
  get vocabSize(): number {
    return this.tok.get_vocab(true).size;
  }

  tokenId(token: string): number | undefined {
    return this.tok.token_to_id(token);
  }

  isSpecial(id: number): boolean {
    return this.specialIds.has(id);
  }

  /** A special token's text from tokenizer_config.json (a string or an AddedToken object). */
  specialToken(name: string): string | undefined {
    const v = this.config[name];
    if (typeof v === 'string') return v;
    if (v && typeof v === 'object' && typeof (v as Json).content === 'string') return (v as Json).content as string;
    return undefined;
  }

  /** The chat template (the `default` one when tokenizer_config holds several). */
  get chatTemplate(): string | undefined {
    const t = this.config.chat_template;
    if (typeof t === 'string') return t;
    if (Array.isArray(t)) {
      const d = t.find((x) => (x as Json)?.name === 'default') as Json | undefined;
      return typeof d?.template === 'string' ? d.template : undefined;
    }
    if (t && typeof t === 'object' && typeof (t as Json).default === 'string') return (t as Json).default as string;
    return undefined;
  }
}
