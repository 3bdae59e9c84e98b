// Turns thrown errors into a sentence a user can act on; the technical text goes into `detail`.
// `key` and `params` say the same for the page to put in its language (app/i18n: errors.*).
import { ModelFileError } from '../engine/types';

/** What was being done when it failed; `name` is the model id or file name. */
export interface During {
  key: 'load' | 'read' | 'summarize' | 'ask' | 'extract';
  name?: string;
}

export interface PlainError {
  message: string;
  detail?: string;
  /** Message key under errors.*, with its parameters (strings from deeper layers stay as they came). */
  key?: string;
  params?: Record<string, string>;
  during?: During;
}

function duringText(d: During): string {
  if (d.key === 'load') return `loading the model ${d.name ?? ''}`.trimEnd();
  if (d.key === 'read') return `reading ${d.name ?? 'the pasted text'}`;
  if (d.key === 'ask') return 'answering';
  if (d.key === 'extract') return 'extracting the facts';
  return 'summarizing';
}

export function describeError(e: unknown, during: During): PlainError {
  const detail = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  const what = capitalise(duringText(during));
  if (e instanceof ModelFileError) {
    const problem = e.problem.replace(/\.$/, '');
    return { message: `${what} failed: ${e.path}: ${problem}.`, detail, key: 'failedAt', params: { path: e.path, problem }, during };
  }
  if (e instanceof Error) {
    // The pipeline's ingest errors are written for users already.
    if (e.name === 'IngestError') {
      const { code, detail: more } = e as Error & { code?: string; detail?: string };
      return { message: e.message, detail, key: code ? `ingest.${code}` : undefined, params: more ? { detail: more } : undefined };
    }
    if (e.name === 'AskError') {
      const { code } = e as Error & { code?: string };
      return { message: e.message, detail, key: code ? `ask.${code}` : undefined };
    }
    if (e.name === 'AbortError') return { message: `${what} was cancelled.`, detail, key: 'cancelled', during };
    if (e.name === 'GenerationOptionError') return { message: e.message, detail };
    if (/out of memory|allocation failed/i.test(e.message) || /\bOOM\b/.test(e.message)) {
      return { message: `${what} ran out of memory. Try a smaller model or a shorter paper.`, detail, key: 'oom', during };
    }
    if (/Failed to fetch|NetworkError|network/i.test(e.message)) {
      return { message: `${what} failed: the network could not be reached.`, detail, key: 'network', during };
    }
    // Errors thrown by our own layers already speak plainly; keep their text.
    return { message: `${what} failed: ${e.message}`, detail, key: 'failed', params: { reason: e.message }, during };
  }
  return { message: `${what} failed: ${String(e)}`, detail, key: 'failed', params: { reason: String(e) }, during };
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
