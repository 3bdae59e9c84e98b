// Turns thrown errors into a sentence a user can act on; the technical text goes into `detail`.
import { ModelFileError } from '../engine/types';

export interface PlainError {
  message: string;
  detail?: string;
}

export function describeError(e: unknown, during: string): PlainError {
  const detail = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  if (e instanceof ModelFileError) {
    return { message: `${capitalise(during)} failed: ${e.path}: ${e.problem.replace(/\.$/, '')}.`, detail };
  }
  if (e instanceof Error) {
    // The pipeline's ingest errors are written for users already.
    if (e.name === 'IngestError') return { message: e.message, detail };
    if (e.name === 'AbortError') return { message: `${capitalise(during)} was cancelled.`, detail };
    if (e.name === 'GenerationOptionError') return { message: e.message, detail };
    if (/out of memory|allocation failed/i.test(e.message) || /\bOOM\b/.test(e.message)) {
      return { message: `${capitalise(during)} ran out of memory. Try a smaller model or a shorter paper.`, detail };
    }
    if (/Failed to fetch|NetworkError|network/i.test(e.message)) {
      return { message: `${capitalise(during)} failed: the network could not be reached.`, detail };
    }
    // Errors thrown by our own layers already speak plainly; keep their text.
    return { message: `${capitalise(during)} failed: ${e.message}`, detail };
  }
  return { message: `${capitalise(during)} failed: ${String(e)}`, detail };
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
