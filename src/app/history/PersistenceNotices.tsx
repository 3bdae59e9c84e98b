// Says when saving does not work, and when the summary on screen is an interrupted one.
import { useTranslation } from 'react-i18next';
import { usePersistence } from '../persistence/autosave';
import { useApp } from '../store';

export function PersistenceNotices() {
  const { t } = useTranslation();
  const problem = usePersistence((s) => s.problem);
  const restored = usePersistence((s) => s.restoredPartial);
  const shown = useApp((s) => s.run.status === 'stopped' && s.run.text !== '');
  return (
    <>
      {problem && (
        <div className="banner error" role="alert" data-testid="storage-problem">
          {problem}{' '}
          <button type="button" className="link" onClick={() => usePersistence.setState({ problem: null })}>
            {t('notices.dismiss')}
          </button>
        </div>
      )}
      {restored && shown && (
        <div className="banner" role="note" data-testid="partial-restored">
          {t('notices.partialRestored')}
        </div>
      )}
    </>
  );
}
