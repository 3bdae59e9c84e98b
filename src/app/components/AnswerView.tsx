// One answer: a model's text with clickable [n] markers and the passages they cite, quoted
// passages with their sections, or "not addressed" with the nearest passages set apart.
import { useTranslation } from 'react-i18next';
import type { Answer, Citation } from '../../pipeline/ask/types';
import { showSentences } from '../askActions';

function Marker({ c }: { c: Citation }) {
  const { t } = useTranslation();
  return (
    <button type="button" className="citation" data-testid="citation" data-n={c.n} title={t('ask.openSentence', { n: c.n })} onClick={() => showSentences(c.refs)}>
      [{c.n}]
    </button>
  );
}

function Passages({ list, testid }: { list: Citation[]; testid: string }) {
  const { t } = useTranslation();
  return (
    <ol className="passages">
      {list.map((c) => (
        <li key={c.n} data-testid={testid}>
          {testid === 'source' ? <Marker c={c} /> : null}
          {c.sectionTitle && <strong className="passage-section">{c.sectionTitle}</strong>}{' '}
          <q>{c.text}</q>
          {c.matched && <span className="meta"> · {t('ask.matched')}</span>}
          {testid !== 'source' && (
            <button type="button" className="link" onClick={() => showSentences(c.refs)}>
              {t('paperView.show')}
            </button>
          )}
        </li>
      ))}
    </ol>
  );
}

/** The model's text, with each [n] it cites turned into a marker that opens the passage. */
function CitedText({ answer }: { answer: Answer }) {
  const byN = new Map(answer.citations.map((c) => [c.n, c]));
  const parts = answer.text.split(/(\[\d+\])/);
  return (
    <p>
      {parts.map((p, i) => {
        const n = /^\[(\d+)\]$/.exec(p);
        const c = n ? byN.get(Number(n[1])) : undefined;
        return c ? <Marker key={i} c={c} /> : <span key={i}>{p}</span>;
      })}
    </p>
  );
}

export function AnswerView({ answer, latest }: { answer: Answer; latest: boolean }) {
  const { t } = useTranslation();
  const label =
    answer.kind === 'generated' ? t('ask.generatedLabel', { model: answer.modelId ?? '' }) : answer.kind === 'quoted' ? t('ask.quotedLabel') : t('ask.notFoundLabel');
  return (
    <div className={`answer ${answer.kind}`} data-testid={latest ? 'answer' : 'past-answer'} data-kind={answer.kind}>
      <p className="meta answer-kind">
        {label}
        {answer.partial ? ` · ${t('ask.partial')}` : ''}
      </p>
      {answer.kind === 'quoted' ? (
        <Passages list={answer.citations} testid="source" />
      ) : (
        <>
          {answer.kind === 'generated' ? <CitedText answer={answer} /> : <p>{answer.text}</p>}
          {answer.pointed && <p className="meta">{t('ask.pointed')}</p>}
          {answer.uncheckedNumbers && answer.uncheckedNumbers.length > 0 && (
            <p className="unsupported" data-testid="unchecked-numbers">
              {t('ask.unchecked', { numbers: answer.uncheckedNumbers.join(', ') })}
            </p>
          )}
          {answer.citations.length > 0 && (
            <details className="sources" open>
              <summary>{t('ask.sources')}</summary>
              <Passages list={answer.citations} testid="source" />
            </details>
          )}
          {answer.kind === 'not-found' && answer.closest && answer.closest.length > 0 && (
            <details className="sources">
              <summary>{t('ask.closest')}</summary>
              <Passages list={answer.closest} testid="closest" />
            </details>
          )}
        </>
      )}
    </div>
  );
}
