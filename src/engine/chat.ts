// Renders an instruct model's chat template (tokenizer_config.json) with @huggingface/jinja, the
// way transformers.js' apply_chat_template does, so prompts match the peer byte for byte.
import { Template } from '@huggingface/jinja';
import type { TextTokenizer } from './tokenizer';
import { ModelFileError } from './types';

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

const SPECIAL_TOKEN_ATTRIBUTES = ['bos_token', 'eos_token', 'unk_token', 'sep_token', 'pad_token', 'cls_token', 'mask_token'];

export class ChatTemplate {
  private readonly template: Template;
  private readonly specials: Record<string, string> = {};

  constructor(sourceId: string, source: string, tokenizer: TextTokenizer) {
    try {
      this.template = new Template(source);
    } catch (e) {
      throw new ModelFileError(sourceId, 'tokenizer_config.json', `chat_template does not parse (${(e as Error).message})`);
    }
    for (const k of SPECIAL_TOKEN_ATTRIBUTES) {
      const v = tokenizer.specialToken(k);
      if (v) this.specials[k] = v;
    }
  }

  /** The prompt text for `messages`, ending with the assistant turn's opening (add_generation_prompt). */
  render(messages: ChatMessage[]): string {
    return this.template.render({ messages, add_generation_prompt: true, ...this.specials });
  }
}
