// Downloads of the finished (or stopped) summary.
import { useTranslation } from 'react-i18next';
import { downloadSummary } from '../actions';
import { useApp } from '../store';

export function DownloadBar() {
  const { t } = useTranslation();
  const ready = useApp((s) => (s.run.status === 'done' || s.run.status === 'stopped') && s.run.text !== '');
  if (!ready) return null;
  return (
    <div className="download-bar" role="group" aria-label={t('summary.downloadGroup')}>
      <span className="meta">{t('summary.download')}</span>
      <button type="button" className="secondary" data-testid="download-md" onClick={() => downloadSummary('md')}>
        {t('summary.markdown')}
      </button>
      <button type="button" className="secondary" data-testid="download-txt" onClick={() => downloadSummary('txt')}>
        {t('summary.text')}
      </button>
      <button type="button" className="secondary" data-testid="download-json" onClick={() => downloadSummary('json')}>
        {t('summary.json')}
      </button>
    </div>
  );
}
