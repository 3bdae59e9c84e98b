// The facts card: front matter, links, contributions, data, results, limits, each value a link to
// the sentence it came from, and the card as JSON, CSV, Markdown and BibTeX.
import { useTranslation } from 'react-i18next';
import type { FactValue, LinkFact, PaperFacts, ResultFact } from '../../pipeline/facts/types';
import { FIELD_ORDER, type FactField } from '../../pipeline/facts/labels';
import { showSentences } from '../askActions';
import { canUseModelForFacts, downloadFacts, extractFacts, setFactsWithModel, stopFacts, type FactsFormat } from '../factsActions';
import { useApp } from '../store';

function valuesOf(facts: PaperFacts, field: FactField): FactValue[] {
  const v = facts[field];
  return Array.isArray(v) ? v : v ? [v] : [];
}

function ValueText({ field, value }: { field: FactField; value: FactValue }) {
  const { t } = useTranslation();
  if (field === 'links') {
    const link = value as LinkFact;
    return (
      <a href={link.value} target="_blank" rel="noopener noreferrer">
        {link.value}
      </a>
    );
  }
  if (field === 'results') {
    const r = value as ResultFact;
    const what = [r.measured, r.comparedWith ? `${t('facts.comparedWith')} ${r.comparedWith}` : ''].filter(Boolean).join(', ');
    return (
      <span>
        <strong>
          {r.value}
          {r.unit ? ` ${r.unit}` : ''}
        </strong>
        {what ? ` · ${what}` : ''}
      </span>
    );
  }
  return <span>{value.value}</span>;
}

function Value({ field, value }: { field: FactField; value: FactValue }) {
  const { t } = useTranslation();
  return (
    <li className="fact" data-testid="fact" data-field={field}>
      <ValueText field={field} value={value} />
      {value.source === 'model' && <span className="meta"> · {t('facts.fromModel')}</span>}
      {value.unsupported && <span className="unsupported"> · {t('facts.unsupported')}</span>}
      {value.refs.length > 0 && (
        <button type="button" className="link" data-testid="fact-source" onClick={() => showSentences(value.refs)}>
          {t('paperView.show')}
        </button>
      )}
    </li>
  );
}

const DOWNLOADS: FactsFormat[] = ['json', 'csv', 'md', 'bib'];

function Card({ facts }: { facts: PaperFacts }) {
  const { t } = useTranslation();
  const found = FIELD_ORDER.filter((f) => valuesOf(facts, f).length > 0);
  const missing = FIELD_ORDER.filter((f) => valuesOf(facts, f).length === 0);
  return (
    <div data-testid="facts">
      <dl className="facts-list">
        {found.map((f) => (
          <div key={f} data-testid={`facts-${f}`}>
            <dt>{t(`facts.field.${f}`)}</dt>
            <dd>
              {f === 'abstract' ? (
                <details>
                  <summary>{valuesOf(facts, f)[0].value.slice(0, 120)}…</summary>
                  <ul>
                    <Value field={f} value={valuesOf(facts, f)[0]} />
                  </ul>
                </details>
              ) : (
                <ul>
                  {valuesOf(facts, f).map((v, i) => (
                    <Value key={i} field={f} value={v} />
                  ))}
                </ul>
              )}
            </dd>
          </div>
        ))}
      </dl>
      {(facts.droppedUnsupported ?? 0) > 0 && (
        <p className="meta" data-testid="facts-dropped">
          {t('facts.dropped', { count: facts.droppedUnsupported })}
        </p>
      )}
      {missing.length > 0 && (
        <p className="meta">
          {t('facts.empty')} {missing.map((f) => t(`facts.field.${f}`)).join(', ')}
        </p>
      )}
      <div className="row downloads">
        {DOWNLOADS.map((f) => (
          <button key={f} type="button" data-testid={`facts-download-${f}`} onClick={() => downloadFacts(f)}>
            {t(`facts.download.${f}`)}
          </button>
        ))}
      </div>
    </div>
  );
}

export function FactsCard() {
  const { t } = useTranslation();
  const f = useApp((s) => s.facts);
  const hasPaper = useApp((s) => s.text.trim() !== '');
  const stale = useApp((s) => s.facts.facts !== null && s.facts.paperText !== s.paperText);
  const modelOk = useApp(canUseModelForFacts);
  const busy = f.status === 'extracting';
  return (
    <section className="card facts" aria-labelledby="facts-heading" data-testid="facts-panel">
      <div className="card-head">
        <h2 id="facts-heading">{t('facts.heading')}</h2>
      </div>
      <p className="meta">{t('facts.note')}</p>
      <div className="row">
        <button type="button" data-testid="facts-extract" onClick={() => void extractFacts()} disabled={busy || !hasPaper}>
          {t('facts.extract')}
        </button>
        {busy && (
          <button type="button" data-testid="facts-stop" onClick={stopFacts}>
            {t('facts.stop')}
          </button>
        )}
        {modelOk && (
          <label>
            <input type="checkbox" data-testid="facts-with-model" checked={f.withModel} onChange={(e) => setFactsWithModel(e.target.checked)} disabled={busy} />{' '}
            {t('facts.withModel')}
          </label>
        )}
      </div>
      {busy && f.progress && (
        <p className="meta" data-testid="facts-progress">
          {t(`facts.progress.${f.progress.step}`, { done: f.progress.done, total: f.progress.total })}
        </p>
      )}
      {f.status === 'error' && f.error && (
        <p className="error" role="alert">
          {f.error}
        </p>
      )}
      {stale && <p className="meta">{t('facts.stale')}</p>}
      {f.facts && <Card facts={f.facts} />}
      {!f.facts && !busy && !modelOk && <p className="meta">{t('facts.noModelNote')}</p>}
    </section>
  );
}
