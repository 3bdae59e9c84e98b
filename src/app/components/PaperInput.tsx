// The paste area and the file drop/picker, with live (debounced) word and token estimates.
import { useRef, useState, type DragEvent } from 'react';
import { ACCEPTED_FILES, ingestFile, setText } from '../actions';
import { useApp } from '../store';
import { estimateTokens, formatCount } from '../text/wordCount';

export function PaperInput() {
  const text = useApp((s) => s.text);
  const words = useApp((s) => s.wordCount);
  const ingest = useApp((s) => s.ingest);
  const maxInput = useApp((s) => s.runtime?.maxInputTokens ?? null);
  const [dragging, setDragging] = useState(false);
  const picker = useRef<HTMLInputElement>(null);

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    const file = e.dataTransfer.files[0];
    if (file) void ingestFile(file);
  };

  const tokens = estimateTokens(words);
  return (
    <section className="card paper-input" aria-labelledby="paper-heading">
      <div className="card-head">
        <h2 id="paper-heading">Paper</h2>
        <button type="button" className="secondary" onClick={() => picker.current?.click()}>
          Open file…
        </button>
        <input
          ref={picker}
          type="file"
          accept={ACCEPTED_FILES}
          hidden
          data-testid="file-input"
          aria-label="Open a paper file (.pdf, .txt, .md, .tex)"
          onChange={(e) => {
            const f = e.target.files?.[0];
            if (f) void ingestFile(f);
            e.target.value = '';
          }}
        />
      </div>
      <div
        className={`drop-zone${dragging ? ' dragging' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        data-testid="drop-zone"
      >
        <label htmlFor="paper-text" className="visually-hidden">
          Paper text
        </label>
        <textarea
          id="paper-text"
          data-testid="paper-input"
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder="Paste a paper here, or drop a .pdf, .txt, .md or .tex file…"
          spellCheck={false}
        />
        {dragging && <div className="drop-hint">Drop the file to read it</div>}
      </div>
      <p className="meta" aria-live="polite">
        <span data-testid="word-count">{formatCount(words)} words</span> · ~{formatCount(tokens)} tokens (estimate)
        {maxInput !== null && tokens > maxInput && <> · longer than the model's {formatCount(maxInput)}-token window: it will be read in chunks</>}
        {ingest.busy && <> · reading…</>}
      </p>
      {ingest.error && (
        <p className="error" role="alert" data-testid="ingest-error">
          {ingest.error}
        </p>
      )}
    </section>
  );
}
