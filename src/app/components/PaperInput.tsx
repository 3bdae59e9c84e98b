// The paste area and the file drop/picker, with live (debounced) word and token estimates.
import { useRef, useState, type DragEvent } from 'react';
import { ACCEPTED_FILES, ingestFile, ingestFiles, setText } from '../actions';
import { droppedFiles } from '../folderPick';
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
    // A folder or several files is one paper (a LaTeX project); the items are readable only now.
    void droppedFiles(e.dataTransfer, 'dropped files').then((files) => (files.length ? ingestFiles(files) : undefined));
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
          multiple
          hidden
          data-testid="file-input"
          aria-label="Open a paper file (.pdf, .txt, .md, .tex), a LaTeX project's files or its .zip/.tar.gz archive"
          onChange={(e) => {
            const picked = [...(e.target.files ?? [])];
            if (picked.length === 1) void ingestFile(picked[0]);
            else if (picked.length) void ingestFiles(picked.map((file) => ({ path: file.name, file })));
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
          placeholder="Paste a paper here, or drop a .pdf, .txt, .md or .tex file, or a LaTeX project's folder or .zip/.tar.gz…"
          spellCheck={false}
        />
        {dragging && <div className="drop-hint">Drop the file or folder to read it</div>}
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
