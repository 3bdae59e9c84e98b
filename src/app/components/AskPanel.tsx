// The question box and the conversation about the paper.
import { useTranslation } from 'react-i18next';
import { ask, clearConversation, downloadConversation, setQuestion, stopAsking } from '../askActions';
import { useApp } from '../store';
import { AnswerView } from './AnswerView';

function ModeNote() {
  const { t } = useTranslation();
  const ready = useApp((s) => s.model.status === 'ready');
  const kind = useApp((s) => s.runtime?.modelKind ?? null);
  const label = useApp((s) => s.model.label ?? s.model.id ?? '');
  const embedder = useApp((s) => s.ask.embedder);
  const search = embedder ? ` ${t('ask.hybrid', { model: embedder.split('/').pop() })}` : '';
  if (!ready) return <p className="meta">{t('ask.modeQuoted')}{search}</p>;
  return (
    <p className="meta">
      {kind === 'causal' ? t('ask.modeModel', { model: label }) : t('ask.modeSeq2seq')}
      {search}
    </p>
  );
}

export function AskPanel() {
  const { t } = useTranslation();
  const a = useApp((s) => s.ask);
  const asking = a.status === 'asking';
  const last = a.turns.length - 1;
  return (
    <section className="card ask" aria-labelledby="ask-heading" data-testid="ask-panel">
      <div className="card-head">
        <h2 id="ask-heading">{t('ask.heading')}</h2>
      </div>
      <ModeNote />
      {a.turns.length === 0 && !a.pending && <p className="meta">{t('ask.empty')}</p>}
      <ol className="conversation" data-testid="conversation">
        {a.turns.map((turn, i) => (
          <li key={`${turn.askedAt}-${i}`}>
            <p className="question">{turn.question}</p>
            <AnswerView answer={turn.answer} latest={!a.pending && i === last} />
          </li>
        ))}
        {a.pending && (
          <li>
            <p className="question">{a.pending}</p>
            {a.progress?.step === 'index' && (
              <p className="meta" data-testid="ask-progress">
                {t('ask.indexing', { done: a.progress.done, total: a.progress.total })}
              </p>
            )}
            <div className="answer streaming" data-testid="answer" aria-live="polite" aria-busy="true">
              <p className="stream">
                {a.streaming}
                <span className="caret" aria-hidden="true" />
              </p>
            </div>
          </li>
        )}
      </ol>
      <form
        className="ask-form"
        onSubmit={(e) => {
          e.preventDefault();
          void ask();
        }}
      >
        <input
          type="text"
          data-testid="ask-input"
          aria-label={t('ask.label')}
          placeholder={t('ask.placeholder')}
          value={a.input}
          maxLength={1000}
          onChange={(e) => setQuestion(e.target.value)}
        />
        <button type="submit" data-testid="ask-submit" disabled={asking}>
          {t('ask.submit')}
        </button>
        <button type="button" data-testid="ask-stop" disabled={!asking} onClick={stopAsking}>
          {t('ask.stop')}
        </button>
      </form>
      {a.status === 'error' && a.error && (
        <p className="error" role="alert" data-testid="ask-error">
          {a.error}
        </p>
      )}
      {a.turns.length > 0 && (
        <div className="row">
          <button type="button" className="link" data-testid="ask-download" onClick={downloadConversation}>
            {t('ask.download')}
          </button>
          <button type="button" className="link" onClick={clearConversation} disabled={asking}>
            {t('ask.clear')}
          </button>
        </div>
      )}
    </section>
  );
}
