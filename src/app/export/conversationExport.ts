// A conversation with a paper as Markdown: each question, its answer, and the passages the answer
// cites, quoted with their section, so the file proves itself without the app.
import type { Turn } from '../../pipeline/ask/types';
import { t } from '../i18n';

export function conversationMarkdown(turns: readonly Turn[], headingLevel = 2): string {
  const h = '#'.repeat(headingLevel);
  return turns
    .map((turn) => {
      const a = turn.answer;
      const how = a.kind === 'generated' ? t('ask.exported.generated', { model: a.modelId ?? '' }) : a.kind === 'quoted' ? t('ask.exported.quoted') : t('ask.exported.notFound');
      const lines = [`${h} ${turn.question}`, '', `_${how}${a.partial ? ` · ${t('ask.partial')}` : ''}_`, ''];
      if (a.kind !== 'quoted') lines.push(a.text.trim(), '');
      for (const c of a.citations) lines.push(`> [${c.n}]${c.sectionTitle ? ` **${c.sectionTitle}**:` : ''} ${c.text}`, '');
      return lines.join('\n');
    })
    .join('\n');
}

export function conversationFile(title: string, turns: readonly Turn[]): string {
  return `# ${t('ask.exported.title', { title })}\n\n${conversationMarkdown(turns)}`;
}
