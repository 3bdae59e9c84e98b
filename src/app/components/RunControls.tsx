// Summarize and Stop, with the keyboard shortcuts spelled out.
import { useTranslation } from 'react-i18next';
import { stop, summarize, summarizeBlocker } from '../actions';
import { isRunning, useApp } from '../store';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

export function RunControls() {
  const { t } = useTranslation();
  const running = useApp(isRunning);
  // Re-render when anything the blocker reads changes.
  const blocker = useApp(() => summarizeBlocker());
  const key = isMac ? '⌘' : 'Ctrl';
  return (
    <div className="run-controls">
      <button
        type="button"
        className="primary"
        data-testid="summarize"
        onClick={() => void summarize()}
        disabled={running || blocker !== null}
        title={blocker ?? t('summary.summarizeTitle', { key })}
      >
        {t('summary.summarize')}
      </button>
      <button type="button" data-testid="stop" onClick={stop} disabled={!running} title={t('summary.stopTitle')}>
        {t('summary.stop')}
      </button>
      <span className="meta hint">{blocker && !running ? blocker : t('summary.shortcuts', { key })}</span>
    </div>
  );
}
