// The list of saved summaries: reopen, download, rename, delete; export and import the whole list.
import { useRef, useState } from 'react';
import './history.css';
import { usePersistence } from '../persistence/autosave';
import type { HistoryEntry } from '../persistence/records';
import { downloadEntry, exportAll, importFile, openEntry, removeEntry, renameEntry } from './historyActions';

function when(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString();
}

function describe(e: HistoryEntry): string {
  const r = e.record;
  const how = r.kind === 'abstractive' ? `abstractive · ${r.modelId ?? 'model'}${r.backend ? ` (${r.backend})` : ''}` : 'extractive';
  const secs = r.timings ? ` · ${(r.timings.summaryMs / 1000).toFixed(1)} s` : '';
  return `${how} · ${r.style.replace('_', ' ')}, ${r.length}${secs} · ${when(e.savedAt)}`;
}

function Entry({ e }: { e: HistoryEntry }) {
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
          aria-label="New name"
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
        <button type="button" className="link history-open" data-testid="history-open" title="Show this summary" onClick={() => openEntry(e)}>
          {e.name}
        </button>
      )}
      {e.record.partial && <span className="badge warn">partial</span>}
      <div className="meta">{describe(e)}</div>
      <div className="history-actions" role="group" aria-label={`Actions for ${e.name}`}>
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
          Rename
        </button>
        <button type="button" className="secondary" data-testid="history-delete" onClick={() => void removeEntry(e)}>
          Delete
        </button>
      </div>
    </li>
  );
}

export function HistoryPanel() {
  const entries = usePersistence((s) => s.entries);
  const mode = usePersistence((s) => s.mode);
  const [note, setNote] = useState<{ ok: boolean; message: string } | null>(null);
  const picker = useRef<HTMLInputElement>(null);
  return (
    <section className="card history" aria-labelledby="history-heading" data-testid="history">
      <div className="card-head">
        <h2 id="history-heading">History</h2>
        <div role="group" aria-label="The whole history">
          <button type="button" className="secondary" data-testid="history-export" disabled={!entries.length} onClick={exportAll}>
            Export all
          </button>
          <button type="button" className="secondary" data-testid="history-import" onClick={() => picker.current?.click()}>
            Import…
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
          This browser does not let PaperLens save: the history lasts until this tab closes. Export it to keep it.
        </p>
      )}
      {entries.length === 0 ? (
        <p className="meta">Finished summaries are kept here{mode === 'memory' ? '' : ', in this browser only'}.</p>
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
