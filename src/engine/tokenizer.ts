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
