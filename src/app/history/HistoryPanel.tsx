// The list of saved summaries: reopen, download, rename, delete; export and import the whole list.
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { t } from '../i18n';
import { formatDateTime, formatFixed } from '../i18n/format';
import './history.css';
import { usePersistence } from '../persistence/autosave';
import type { HistoryEntry } from '../persistence/records';
import { downloadEntry, exportAll, importFile, openEntry, removeEntry, renameEntry } from './historyActions';

function describe(e: HistoryEntry): string {
  const r = e.record;
  const how = r.kind === 'abstractive' ? t('history.abstractive', { model: `${r.modelId ?? t('history.model')}${r.backend ? ` (${r.backend})` : ''}` }) : t('history.extractive');
  const secs = r.timings ? ` · ${t('history.seconds', { seconds: formatFixed(r.timings.summaryMs / 1000, 1) })}` : '';
  const settings = t('history.styleLength', { style: t(`history.style.${r.style}`), length: t(`history.length.${r.length}`) });
  return `${how} · ${settings}${secs} · ${formatDateTime(e.savedAt)}`;
}

function Entry({ e }: { e: HistoryEntry }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(e.name);
  const finish = (keep: boolean) => {
    setEditing(false);
    if (keep) void renameEntry(e, name);
    else setName(e.name);
  };
  return (
    <li className="history-entry" data-testid="history-entry" data-kind={e.record.kind} data-partial={e.record.partial}>
      {editing ? (
        <input
          aria-label={t('history.newName')}
          data-testid="history-rename-input"
          value={name}
          autoFocus
          maxLength={300}
          onChange={(ev) => setName(ev.target.value)}
          onBlur={() => finish(true)}
          onKeyDown={(ev) => {
            if (ev.key === 'Enter') finish(true);
            else if (ev.key === 'Escape') {
              ev.stopPropagation();
              finish(false);
            }
          }}
        />
      ) : (
        <button type="button" className="link history-open" data-testid="history-open" title={t('history.show')} onClick={() => openEntry(e)}>
          {e.name}
        </button>
      )}
      {e.record.partial && <span className="badge warn">{t('history.partial')}</span>}
      <div className="meta">{describe(e)}</div>
      <div className="history-actions" role="group" aria-label={t('history.actions', { name: e.name })}>
        <button type="button" className="secondary" data-testid="history-download-md" onClick={() => downloadEntry(e, 'md')}>
          .md
        </button>
        <button type="button" className="secondary" onClick={() => downloadEntry(e, 'txt')}>
          .txt
        </button>
        <button type="button" className="secondary" onClick={() => downloadEntry(e, 'json')}>
          .json
        </button>
        <button type="button" className="secondary" data-testid="history-rename" onClick={() => setEditing(true)}>
          {t('history.rename')}
        </button>
        <button type="button" className="secondary" data-testid="history-delete" onClick={() => void removeEntry(e)}>
          {t('history.delete')}
        </button>
      </div>
    </li>
  );
}

export function HistoryPanel() {
  const { t } = useTranslation();
  const entries = usePersistence((s) => s.entries);
  const mode = usePersistence((s) => s.mode);
  const [note, setNote] = useState<{ ok: boolean; message: string } | null>(null);
  const picker = useRef<HTMLInputElement>(null);
  return (
    <section className="card history" aria-labelledby="history-heading" data-testid="history">
      <div className="card-head">
        <h2 id="history-heading">{t('history.heading')}</h2>
        <div role="group" aria-label={t('history.wholeGroup')}>
          <button type="button" className="secondary" data-testid="history-export" disabled={!entries.length} onClick={exportAll}>
            {t('history.exportAll')}
          </button>
          <button type="button" className="secondary" data-testid="history-import" onClick={() => picker.current?.click()}>
            {t('history.import')}
          </button>
          <input
            ref={picker}
            type="file"
            accept=".json,application/json"
            hidden
            data-testid="history-import-file"
            onChange={async (ev) => {
              const file = ev.target.files?.[0];
              ev.target.value = '';
              if (file) setNote(await importFile(file));
            }}
          />
        </div>
      </div>
      {note && (
        <p className={note.ok ? 'meta' : 'error'} role={note.ok ? 'status' : 'alert'} data-testid="history-note">
          {note.message}
        </p>
      )}
      {mode === 'memory' && (
        <p className="meta" data-testid="history-memory">
          {t('history.memory')}
        </p>
      )}
      {entries.length === 0 ? (
        <p className="meta">{mode === 'memory' ? t('history.emptyMemory') : t('history.emptySaved')}</p>
      ) : (
        <ul className="history-list">
          {entries.map((e) => (
            <Entry key={e.id} e={e} />
          ))}
        </ul>
      )}
    </section>
  );
}
