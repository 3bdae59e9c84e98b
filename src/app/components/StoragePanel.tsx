// Models kept in the browser's storage: each cached model with its size on disk and a Delete
// button, the total, and the browser's quota estimate. Read when the panel is opened, and again
// after a model finishes loading while it is open.
import { useEffect, useState } from 'react';
import { formatBytes } from '../../engine/sources';
import { deleteStoredModel, refreshStorage, useStorage } from '../storageView';
import { useApp } from '../store';

function EstimateLine() {
  const { modelBytes, estimate } = useStorage();
  const parts = [`Models: ${formatBytes(modelBytes)}`];
  if (estimate?.usage != null && estimate.quota != null) parts.push(`this site uses ${formatBytes(estimate.usage)} of ${formatBytes(estimate.quota)} the browser allows (its estimate)`);
  else if (estimate?.quota != null) parts.push(`the browser allows this site about ${formatBytes(estimate.quota)}`);
  else parts.push('the browser gives no storage estimate');
  return (
    <p className="meta" data-testid="storage-total" data-bytes={modelBytes}>
      {parts.join(' · ')}
    </p>
  );
}

export function StoragePanel() {
  const [open, setOpen] = useState(false);
  const st = useStorage();
  const modelStatus = useApp((s) => s.model.status);
  useEffect(() => {
    if (open && modelStatus !== 'loading') void refreshStorage();
  }, [open, modelStatus]);
  return (
    <details className="card settings storage" data-testid="storage" onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}>
      <summary>
        <h2>Storage</h2>
        <span className="meta">downloaded models</span>
      </summary>
      {st.status !== 'ready' ? (
        <p className="meta">Reading the browser's storage…</p>
      ) : (
        <>
          {st.problem && (
            <p className="error" data-testid="storage-problem">
              {st.problem}
            </p>
          )}
          {st.models.length === 0 && !st.problem && (
            <p className="meta" data-testid="storage-empty">
              No downloaded models. Models you load from the catalogue are kept here for the next visit.
            </p>
          )}
          {st.models.length > 0 && (
            <ul className="stored-models">
              {st.models.map((m) => (
                <li key={m.base} data-testid="stored-model" data-id={m.catalogueId ?? m.label} data-bytes={m.bytes}>
                  <span>
                    <strong>{m.label}</strong>
                    <span className="meta">
                      {' '}
                      · {formatBytes(m.bytes)} · {m.files} file{m.files === 1 ? '' : 's'}
                      {m.dtypes.length ? ` · ${m.dtypes.join(', ')}` : ''}
                    </span>
                  </span>
                  <button
                    type="button"
                    className="secondary"
                    data-testid="storage-delete"
                    aria-label={`Delete ${m.label}`}
                    disabled={st.deleting !== null || modelStatus === 'loading'}
                    onClick={() => void deleteStoredModel(m.base)}
                  >
                    {st.deleting === m.base ? 'Deleting…' : 'Delete'}
                  </button>
                </li>
              ))}
            </ul>
          )}
          <EstimateLine />
        </>
      )}
    </details>
  );
}
