// The paper's detected sections with their counts; the checkboxes choose what gets summarized.
import { useTranslation } from 'react-i18next';
import { setAllSections, toggleSection } from '../actions';
import { useApp } from '../store';
import { countLabel, countNumber } from '../text/wordCount';

const KINDS = new Set(['abstract', 'references', 'acknowledgements', 'appendix']);

export function StructurePanel() {
  const { t } = useTranslation();
  const paper = useApp((s) => s.paper);
  const included = useApp((s) => s.included);
  const stale = useApp((s) => s.paperText !== s.text);
  if (!paper) return null;
  const sum = (pick: (i: number) => boolean) =>
    paper.sections.reduce((n, s, i) => (pick(i) ? { words: n.words + s.wordCount, characters: n.characters + (s.cjkChars ?? 0) } : n), { words: 0, characters: 0 });
  const chosen = sum((i) => included[i] ?? false);
  const total = sum(() => true);
  return (
    <section className="card structure" aria-labelledby="structure-heading" data-testid="structure">
      <div className="card-head">
        <h2 id="structure-heading">{t('structure.heading')}</h2>
        <span className="meta">
          {t('structure.summary', { sections: paper.sections.length, included: countNumber(chosen), total: countLabel(total) })}
          {stale && ` · ${t('structure.updating')}`}
        </span>
      </div>
      {paper.title && paper.title !== 'Untitled' && (
        <p className="paper-title" data-testid="paper-title">
          {paper.title}
        </p>
      )}
      {paper.warnings.length > 0 && (
        <ul className="warnings">
          {paper.warnings.map((w, i) => (
            <li key={i}>{w}</li>
          ))}
        </ul>
      )}
      <div className="row">
        <button type="button" className="link" onClick={() => setAllSections(true)}>
          {t('structure.includeAll')}
        </button>
        <button type="button" className="link" onClick={() => setAllSections(false)}>
          {t('structure.includeNone')}
        </button>
      </div>
      <ul className="section-list" data-testid="section-list">
        {paper.sections.map((s, i) => (
          <li key={i} style={{ paddingInlineStart: `${(s.level - 1) * 1.2}rem` }}>
            <label>
              <input type="checkbox" checked={included[i] ?? false} onChange={() => toggleSection(i)} />
              <span className="section-title">{s.title || t('structure.lead')}</span>
              <span className="meta">
                {countLabel({ words: s.wordCount, characters: s.cjkChars ?? 0 })}
                {KINDS.has(s.kind) ? ` · ${t(`structure.kind.${s.kind}`)}` : ''}
              </span>
            </label>
          </li>
        ))}
      </ul>
    </section>
  );
}
