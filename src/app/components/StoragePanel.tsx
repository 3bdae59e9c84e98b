// Models kept in the browser's storage: each cached model with its size on disk and a Delete
// button, the total, and the browser's quota estimate. Read when the panel is opened, and again
// after a model finishes loading while it is open.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatBytes } from '../i18n/format';
import { deleteStoredModel, refreshStorage, useStorage } from '../storageView';
import { useApp } from '../store';

function EstimateLine() {
  const { t } = useTranslation();
  const { modelBytes, estimate } = useStorage();
  const parts = [t('storage.models', { size: formatBytes(modelBytes) })];
  if (estimate?.usage != null && estimate.quota != null) parts.push(t('storage.usage', { usage: formatBytes(estimate.usage), quota: formatBytes(estimate.quota) }));
  else if (estimate?.quota != null) parts.push(t('storage.quota', { quota: formatBytes(estimate.quota) }));
  else parts.push(t('storage.noEstimate'));
  return (
    <p className="meta" data-testid="storage-total" data-bytes={modelBytes}>
      {parts.join(' · ')}
    </p>
  );
}

export function StoragePanel() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const st = useStorage();
  const modelStatus = useApp((s) => s.model.status);
  useEffect(() => {
    if (open && modelStatus !== 'loading') void refreshStorage();
  }, [open, modelStatus]);
  return (
    <details className="card settings storage" data-testid="storage" onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}>
      <summary>
        <h2>{t('storage.heading')}</h2>
        <span className="meta">{t('storage.sub')}</span>
      </summary>
      {st.status !== 'ready' ? (
        <p className="meta">{t('storage.reading')}</p>
      ) : (
        <>
          {st.problem && (
            <p className="error" data-testid="storage-problem">
              {st.problem}
            </p>
          )}
          {st.models.length === 0 && !st.problem && (
            <p className="meta" data-testid="storage-empty">
              {t('storage.empty')}
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
                      · {formatBytes(m.bytes)} · {t('storage.files', { count: m.files })}
                      {m.dtypes.length ? ` · ${m.dtypes.join(', ')}` : ''}
                    </span>
                  </span>
                  <button
                    type="button"
                    className="secondary"
                    data-testid="storage-delete"
                    aria-label={t('storage.deleteLabel', { label: m.label })}
                    disabled={st.deleting !== null || modelStatus === 'loading'}
                    onClick={() => void deleteStoredModel(m.base)}
                  >
                    {st.deleting === m.base ? t('storage.deleting') : t('storage.delete')}
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
