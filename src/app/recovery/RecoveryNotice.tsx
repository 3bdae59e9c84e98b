// Tells the user the worker died and was restarted, keeps their work on screen, offers Retry.
import { useTranslation } from 'react-i18next';
import { useApp } from '../store';
import { dismissCrash, retryAfterCrash, useRecovery } from './recovery';

export function RecoveryNotice() {
  const { t } = useTranslation();
  const { crash, givenUp, canRetry } = useRecovery();
  const modelLoading = useApp((s) => s.model.status === 'loading');
  if (!crash) return null;
  return (
    <div className="banner error" role="alert" data-testid="worker-crash">
      <p>
        {crash}.{' '}
        {givenUp ? t('notices.crashGivenUp') : t('notices.crashRestarted')}
      </p>
      {!givenUp && (
        <p>
          {canRetry && (
            <button type="button" className="primary" data-testid="retry" disabled={modelLoading} onClick={retryAfterCrash}>
              {modelLoading ? t('notices.reloadingModel') : t('notices.retry')}
            </button>
          )}{' '}
          <button type="button" className="secondary" data-testid="dismiss-crash" onClick={dismissCrash}>
            {t('notices.dismiss')}
          </button>
        </p>
      )}
    </div>
  );
}
