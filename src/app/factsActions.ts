// The facts card: extract (rules, and the model when asked), show, download.
import { currentPaper, worker } from './actions';
import type { WorkerEvent } from '../worker/protocol';
import { factsToBibtex, factsToCsv, factsToJson, factsToMarkdown, type FactLabels } from '../pipeline/facts';
import { FIELD_ORDER } from '../pipeline/facts/labels';
import { fileBaseName, titleOf } from './export/summaryExport';
import { saveFile } from './history/historyActions';
import { t } from './i18n';
import { errorText } from './i18n/messages';
import { toGenerationOptions } from './settings';
import { get, patchFacts, set } from './store';

export type FactsFormat = 'json' | 'csv' | 'md' | 'bib';

export function canUseModelForFacts(): boolean {
  const s = get();
  return s.model.status === 'ready' && s.runtime?.modelKind === 'causal';
}

export function setFactsWithModel(on: boolean): void {
  patchFacts({ withModel: on });
}

export async function extractFacts(): Promise<void> {
  if (get().facts.status === 'extracting') return;
  set({ activity: 'facts' });
  patchFacts({ status: 'extracting', error: null, progress: { step: 'rules', done: 0, total: 1 }, totalMs: null });
  const paper = await currentPaper();
  if (!paper) {
    patchFacts({ status: 'error', progress: null, error: get().ingest.error ?? t('paper.unreadable') });
    return;
  }
  const s = get();
  const useModel = s.facts.withModel && canUseModelForFacts();
  const { max_new_tokens, ...method } = toGenerationOptions(s.decoding);
  const text = s.paperText;
  const req = worker().request(
    { type: 'extract', paper, useModel, generation: { ...method, ...(max_new_tokens !== undefined ? { max_new_tokens } : {}) } },
    (ev) => onFactsEvent(ev, req.id, text),
  );
  patchFacts({ requestId: req.id });
  await req.done;
}

function onFactsEvent(ev: WorkerEvent, id: number, text: string | null): void {
  if (get().facts.requestId !== id) return;
  if (ev.type === 'extract-progress') patchFacts({ progress: { step: ev.step, done: ev.done, total: ev.total } });
  else if (ev.type === 'facts-done') patchFacts({ status: 'done', requestId: null, facts: ev.facts, paperText: text, progress: null, totalMs: ev.totalMs });
  else if (ev.type === 'error') patchFacts({ status: 'error', requestId: null, progress: null, error: errorText(ev) });
  else if (ev.type === 'cancelled') patchFacts({ status: get().facts.facts ? 'done' : 'idle', requestId: null, progress: null });
}

export function stopFacts(): void {
  const id = get().facts.requestId;
  if (id !== null) worker().cancel(id);
}

/** The card's headings in the interface language, for the files. */
export function factLabels(): FactLabels {
  const fields = Object.fromEntries(FIELD_ORDER.map((f) => [f, t(`facts.field.${f}`)])) as Record<(typeof FIELD_ORDER)[number], string>;
  return { ...fields, facts: t('facts.heading'), section: t('facts.section'), unverified: t('facts.unsupported'), comparedWith: t('facts.comparedWith'), front: t('facts.front') };
}

const MIME: Record<FactsFormat, string> = {
  json: 'application/json;charset=utf-8',
  csv: 'text/csv;charset=utf-8',
  md: 'text/markdown;charset=utf-8',
  bib: 'application/x-bibtex;charset=utf-8',
};

export function factsFile(format: FactsFormat): string | null {
  const s = get();
  const facts = s.facts.facts;
  if (!facts) return null;
  const paper = s.paper ?? undefined;
  switch (format) {
    case 'json':
      return factsToJson(facts);
    case 'csv':
      return factsToCsv(facts, paper, factLabels());
    case 'md':
      return factsToMarkdown(facts, paper, factLabels());
    case 'bib':
      return factsToBibtex(facts);
  }
}

export function downloadFacts(format: FactsFormat): void {
  const text = factsFile(format);
  if (text === null) return;
  const s = get();
  const title = titleOf(s.paper?.title === 'Untitled' ? undefined : s.paper?.title, s.text);
  saveFile(`${fileBaseName(title).replace(/-summary$/, '')}-facts.${format}`, MIME[format], text);
}
