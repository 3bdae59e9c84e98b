// The paste area and the file drop/picker, with live (debounced) counts and a token estimate.
import { useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ACCEPTED_FILES, ingestFile, ingestFiles, setText } from '../actions';
import { droppedFiles } from '../folderPick';
import { formatCount } from '../i18n/format';
import { usePersistence } from '../persistence/autosave';
import { useApp } from '../store';
import { countLabel, estimateTokens } from '../text/wordCount';

export function PaperInput() {
  const { t } = useTranslation();
  const text = useApp((s) => s.text);
  const counts = useApp((s) => s.counts);
  const ingest = useApp((s) => s.ingest);
  const maxInput = useApp((s) => s.runtime?.maxInputTokens ?? null);
  // While the saved paper is read back the box is read-only: typing then would replace it.
  const restoring = usePersistence((s) => s.restoring);
  const [dragging, setDragging] = useState(false);
  const picker = useRef<HTMLInputElement>(null);

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    // A folder or several files is one paper (a LaTeX project); the items are readable only now.
    void droppedFiles(e.dataTransfer, 'dropped files').then((files) => (files.length ? ingestFiles(files) : undefined));
  };

  const tokens = estimateTokens(counts);
  return (
    <section className="card paper-input" aria-labelledby="paper-heading">
      <div className="card-head">
        <h2 id="paper-heading">{t('paper.heading')}</h2>
        <button type="button" className="secondary" onClick={() => picker.current?.click()}>
          {t('paper.open')}
        </button>
        <input
          ref={picker}
          type="file"
          accept={ACCEPTED_FILES}
          multiple
          hidden
          data-testid="file-input"
          aria-label={t('paper.fileInput')}
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
          {t('paper.textLabel')}
        </label>
        <textarea
          id="paper-text"
          data-testid="paper-input"
          value={text}
          readOnly={restoring}
          aria-busy={restoring}
          aria-describedby={restoring ? 'paper-restoring' : undefined}
          // readOnly stops typing; this also stops input that reaches React another way (autofill, scripts).
          onChange={(e) => {
            if (!usePersistence.getState().restoring) setText(e.target.value);
          }}
          placeholder={restoring ? t('paper.restoring') : t('paper.placeholder')}
          spellCheck={false}
        />
        {dragging && <div className="drop-hint">{t('paper.dropHint')}</div>}
      </div>
      <p className="meta" aria-live="polite">
        {restoring && (
          <>
            <span id="paper-restoring" data-testid="paper-restoring">
              {t('paper.restoring')}
            </span>
            {' · '}
          </>
        )}
        <span data-testid="word-count">{countLabel(counts)}</span> · {t('paper.tokens', { tokens: formatCount(tokens) })}
        {maxInput !== null && tokens > maxInput && <> · {t('paper.longerThanWindow', { window: formatCount(maxInput) })}</>}
        {ingest.busy && <> · {t('paper.reading')}</>}
      </p>
      {ingest.error && (
        <p className="error" role="alert" data-testid="ingest-error">
          {ingest.error}
        </p>
      )}
    </section>
  );
}
