// The paper as read, sentence by sentence, so a citation or a fact can open it at its source.
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { paperSentences, type PaperSentence } from '../../pipeline/selection';
import { useApp } from '../store';

export function PaperView() {
  const { t } = useTranslation();
  const paper = useApp((s) => s.paper);
  const highlight = useApp((s) => s.highlight);
  const [open, setOpen] = useState(false);
  const body = useRef<HTMLDivElement>(null);
  const marked = useMemo(() => new Set(highlight.map((r) => `${r.section}:${r.position}`)), [highlight]);
  const sections = useMemo(() => {
    if (!paper || !open) return [];
    const bySection = paper.sections.map((s) => ({ title: s.title, level: s.level, sentences: [] as PaperSentence[] }));
    for (const x of paperSentences(paper, paper.sections.map((_, i) => i))) bySection[x.section].sentences.push(x);
    return bySection;
  }, [paper, open]);
  useEffect(() => {
    if (highlight.length) setOpen(true);
  }, [highlight]);
  useEffect(() => {
    if (!open || !highlight.length) return;
    const first = body.current?.querySelector('mark');
    first?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }, [open, highlight, sections]);
  if (!paper) return null;
  return (
    <section className="card paper-view" aria-labelledby="paper-view-heading" data-testid="paper-view">
      <details open={open} onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}>
        <summary>
          <h2 id="paper-view-heading">{t('paperView.heading')}</h2> <span className="meta">{t('paperView.hint')}</span>
        </summary>
        <div className="paper-body" ref={body}>
          {sections.map((s, i) => (
            <div key={i} className="paper-section">
              {s.title && <h3 style={{ fontSize: s.level > 1 ? '0.95rem' : undefined }}>{s.title}</h3>}
              <p>
                {s.sentences.map((x) =>
                  marked.has(`${x.section}:${x.position}`) ? (
                    <mark key={x.position} data-testid="highlighted-sentence" data-ref={`${x.section}:${x.position}`}>
                      {x.text}{' '}
                    </mark>
                  ) : (
                    <span key={x.position}>{x.text} </span>
                  ),
                )}
              </p>
            </div>
          ))}
        </div>
      </details>
    </section>
  );
}
