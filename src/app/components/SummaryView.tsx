// The summary: plain text with a blinking caret while it streams, Markdown once finished.
import { useTranslation } from 'react-i18next';
import { progressText } from '../i18n/messages';
import { Markdown } from '../markdown/Markdown';
import { isRunning, useApp } from '../store';

export function SummaryView() {
  const { t } = useTranslation();
  const text = useApp((s) => s.run.text);
  const running = useApp(isRunning);
  const status = useApp((s) => s.run.status);
  const progress = useApp((s) => s.run.progress);
  const abstract = useApp((s) => (s.run.kind === 'extractive' && s.run.request?.style !== 'tldr' ? (s.paper?.abstract ?? null) : null));
  if (status === 'idle' && !text) {
    return (
      <div className="summary empty" data-testid="summary-output" aria-live="off">
        <p className="meta">{t('summary.empty')}</p>
      </div>
    );
  }
  return (
    <div className="summary" aria-busy={running}>
      {running && progress && (
        <div className="progress-line" data-testid="run-progress">
          <span>{progressText(progress)}</span>
          {progress.total > 1 && <progress value={progress.done} max={progress.total} aria-label={progressText(progress)} />}
        </div>
      )}
      {!running && text && abstract && (
        // The summary draws on the body when the paper has an abstract (it would only repeat it): the abstract itself is here.
        <details className="paper-abstract" data-testid="paper-abstract">
          <summary>{t('summary.authorsAbstract')}</summary>
          <p>{abstract}</p>
        </details>
      )}
      <div className={`summary-text${running ? ' streaming' : ''}`} data-testid="summary-output" data-raw={text} aria-live="polite">
        {running ? (
          <p className="stream">
            {text}
            <span className="caret" aria-hidden="true" />
          </p>
        ) : (
          <Markdown source={text} />
        )}
      </div>
    </div>
  );
}
