// Typed ingest failures. `message` is written for users (shown as-is in the UI); `code` is for
// programs (tests, the worker protocol, telemetry).

export type IngestErrorCode =
  | 'no-text-layer'
  | 'encrypted'
  | 'corrupt'
  | 'unsupported-type'
  | 'empty'
  | 'too-large'
  | 'aborted'
  | 'damaged-archive'
  | 'no-paper-in-files';

export class IngestError extends Error {
  constructor(
    readonly code: IngestErrorCode,
    message: string,
    readonly cause?: unknown,
    /** The specifics appended to the message ("paper.pdf is empty"), kept apart for translations. */
    readonly detail?: string,
  ) {
    super(message);
    this.name = 'IngestError';
  }
}

export const INGEST_MESSAGES: Record<IngestErrorCode, string> = {
  'no-text-layer': 'This PDF has no text layer — it is probably scanned; paste the text instead.',
  encrypted: 'This PDF is password-protected or encrypted, so its text cannot be read. Remove the protection or paste the text instead.',
  corrupt: 'This file looks damaged or incomplete (it could not be read as a PDF). Try downloading it again, or paste the text instead.',
  'unsupported-type': 'This file type is not supported. Use a PDF, a .tex, .md or .txt file, the folder of a LaTeX project or .zip/.tar.gz archive, or paste the text.',
  empty: 'There is no text to summarize in this input.',
  'too-large': 'This file is too large to read in the browser.',
  aborted: 'Reading the file was cancelled.',
  'damaged-archive': 'This archive could not be unpacked: it looks damaged or incomplete. Try downloading it again.',
  'no-paper-in-files': 'None of these files is a paper PaperLens can read (a LaTeX main file with \\documentclass, a PDF, .md or .txt).',
};

export function ingestError(code: IngestErrorCode, detail?: string, cause?: unknown): IngestError {
  const base = INGEST_MESSAGES[code];
  return new IngestError(code, detail ? `${base} (${detail})` : base, cause, detail);
}
