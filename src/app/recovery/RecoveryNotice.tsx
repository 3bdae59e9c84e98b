// Tells the user the worker died and was restarted, keeps their work on screen, offers Retry.
import { useApp } from '../store';
import { dismissCrash, retryAfterCrash, useRecovery } from './recovery';

export function RecoveryNotice() {
  const { crash, givenUp, canRetry } = useRecovery();
  const modelLoading = useApp((s) => s.model.status === 'loading');
  if (!crash) return null;
  return (
    <div className="banner error" role="alert" data-testid="worker-crash">
      <p>
        {crash}.{' '}
        {givenUp
          ? 'It keeps stopping, so PaperLens will not restart it again: save your text, then reload the page.'
          : 'PaperLens started a new one. Your text and the summary written so far are kept.'}
      </p>
      {!givenUp && (
        <p>
          {canRetry && (
            <button type="button" className="primary" data-testid="retry" disabled={modelLoading} onClick={retryAfterCrash}>
              {modelLoading ? 'Reloading the model…' : 'Retry'}
            </button>
          )}{' '}
          <button type="button" className="secondary" data-testid="dismiss-crash" onClick={dismissCrash}>
            Dismiss
          </button>
        </p>
      )}
    </div>
  );
}
