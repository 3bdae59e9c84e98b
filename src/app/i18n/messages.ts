// Worker messages in the page's language: errors carry a key (worker/plainErrors.ts) and progress
// events a step; the English text they also carry is the fallback for anything without one.
import type { During } from '../../worker/plainErrors';
import { language, t } from './index';

export interface WorkerErrorText {
  message: string;
  key?: string;
  params?: Record<string, string>;
  during?: During;
}

function duringText(d: During): string {
  const name = d.name ?? (d.key === 'read' ? (language() === 'zh' ? '粘贴的文本' : 'the pasted text') : '');
  const s = t(`errors.during.${d.key}`, { name }).trimEnd();
  // English puts it first in the sentence.
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export function errorText(e: WorkerErrorText): string {
  if (!e.key || !(i18nHas(`errors.${e.key}`))) return e.message;
  const params: Record<string, string> = { ...(e.params ?? {}) };
  if (e.during) params.during = duringText(e.during);
  const base = t(`errors.${e.key}`, params);
  return e.key.startsWith('ingest.') && params.detail ? t('errors.withDetail', { message: base, detail: params.detail }) : base;
}

function i18nHas(key: string): boolean {
  return t(key) !== key;
}

export interface ProgressText {
  label: string;
  /** A pipeline ProgressStep, or 'reading' (the page reading the paper first). */
  step?: string;
  n?: number;
  total: number;
}

export function progressText(p: ProgressText): string {
  return p.step ? t(`progress.${p.step}`, { n: p.n ?? 0, total: p.total }) : p.label;
}
