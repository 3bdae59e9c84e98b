// Coalesces streamed text so a fast model does not post one message per token: the UI thread
// gets at most one delta per interval, and nothing is lost (flush() sends the rest).

export interface DeltaBatch {
  text: string;
  tokens: number;
}

export class DeltaBatcher {
  private text = '';
  private tokens = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly send: (batch: DeltaBatch) => void,
    private readonly intervalMs = 32,
  ) {}

  private sentAny = false;

  push(text: string, tokens = 0): void {
    this.text += text;
    this.tokens += tokens;
    // The first text goes out at once (time to first token is what users notice); 0 disables batching.
    if ((!this.sentAny && text !== '') || this.intervalMs <= 0) return this.flush();
    if (this.timer === null) this.timer = setTimeout(() => this.flush(), this.intervalMs);
  }

  /** Sends whatever is pending now; call before any event that must follow the text. */
  flush(): void {
    if (this.timer !== null) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    if (this.text === '' && this.tokens === 0) return;
    const batch = { text: this.text, tokens: this.tokens };
    if (batch.text !== '') this.sentAny = true;
    this.text = '';
    this.tokens = 0;
    this.send(batch);
  }

  /** Drops pending text (the summary is being restarted). */
  discard(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.text = '';
    this.tokens = 0;
  }
}
