// The paper's detected sections with word counts; the checkboxes choose what gets summarized.
import { setAllSections, toggleSection } from '../actions';
import { useApp } from '../store';
import { formatCount } from '../text/wordCount';

const KIND_LABEL: Record<string, string> = {
  abstract: 'abstract',
  references: 'references',
  acknowledgements: 'acknowledgements',
  appendix: 'appendix',
};

export function StructurePanel() {
  const paper = useApp((s) => s.paper);
  const included = useApp((s) => s.included);
  const stale = useApp((s) => s.paperText !== s.text);
  if (!paper) return null;
  const words = paper.sections.reduce((n, s, i) => n + (included[i] ? s.wordCount : 0), 0);
  return (
    <section className="card structure" aria-labelledby="structure-heading" data-testid="structure">
      <div className="card-head">
        <h2 id="structure-heading">Structure</h2>
        <span className="meta">
          {paper.sections.length} sections · {formatCount(words)} of {formatCount(paper.wordCount)} words included
          {stale && ' · updating…'}
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
          Include all
        </button>
        <button type="button" className="link" onClick={() => setAllSections(false)}>
          Include none
        </button>
      </div>
      <ul className="section-list" data-testid="section-list">
        {paper.sections.map((s, i) => (
          <li key={i} style={{ paddingInlineStart: `${(s.level - 1) * 1.2}rem` }}>
            <label>
              <input type="checkbox" checked={included[i] ?? false} onChange={() => toggleSection(i)} />
              <span className="section-title">{s.title || '(text before the first heading)'}</span>
              <span className="meta">
                {formatCount(s.wordCount)} words{KIND_LABEL[s.kind] ? ` · ${KIND_LABEL[s.kind]}` : ''}
              </span>
            </label>
          </li>
        ))}
      </ul>
    </section>
  );
}
