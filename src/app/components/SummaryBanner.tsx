// Says plainly which kind of summary the user is looking at, and what that kind does for its style.
import { useTranslation } from 'react-i18next';
import { useApp } from '../store';

export function SummaryBanner() {
  const { t } = useTranslation();
  const run = useApp((s) => s.run);
  const label = useApp((s) => s.model.label);
  if (run.status === 'idle' || (run.status === 'error' && !run.text)) return null;
  const abstractive = run.kind ? run.kind === 'abstractive' : run.modelId !== null;
  const kind = abstractive ? 'abstractive' : 'extractive';
  const text = abstractive ? t('summary.abstractive', { model: `${label ?? run.modelId}${run.backend ? ` (${run.backend})` : ''}` }) : t('summary.extractive');
  const style = run.request?.style;
  return (
    <div className={`banner ${kind}`} data-testid="summary-kind" data-kind={kind} role="note" title={style ? t(`notes.${kind}.${style}`) : undefined}>
      {text}
      {run.status === 'stopped' && <span> · {t('summary.stoppedEarly')}</span>}
      {run.fellBack && (
        <span data-testid="fallback-notice">
          {' '}
          · {t('summary.fellBack', { reason: run.fellBack.reason })}
        </span>
      )}
    </div>
  );
}
