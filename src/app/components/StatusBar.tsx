// Backend badge, run status and live speed.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { t } from '../i18n';
import { formatDuration, formatFixed, formatMs } from '../i18n/format';
import { progressText } from '../i18n/messages';
import { isRunning, useApp, type AppState } from '../store';

/** The status of the question being answered or the facts being extracted, when that came last. */
function taskText(s: AppState): string | null {
  if (s.activity === 'ask') {
    const a = s.ask;
    if (a.status === 'asking') return t('status.asking');
    if (a.status === 'done') return t('status.answerDone', { duration: formatDuration(a.totalMs ?? 0) });
    if (a.status === 'stopped') return t('status.answerStopped');
    if (a.status === 'error') return t('status.error', { message: a.error });
  }
  if (s.activity === 'facts') {
    const f = s.facts;
    if (f.status === 'extracting') return t('status.extracting');
    if (f.status === 'done') return t('status.factsDone', { duration: formatDuration(f.totalMs ?? 0) });
    if (f.status === 'error') return t('status.error', { message: f.error });
  }
  return null;
}

function statusText(s: AppState): string {
  if (s.fatal) return t('status.error', { message: s.fatal });
  const task = taskText(s);
  if (task) return task;
  const r = s.run;
  switch (r.status) {
    case 'preparing':
      return t('status.preparing');
    case 'summarizing':
      return r.progress ? t('status.summarizingStep', { label: progressText(r.progress) }) : t('status.summarizing');
    case 'done':
      return t('status.done', { duration: formatDuration(r.stats?.totalMs ?? 0) });
    case 'stopped':
      return t('status.stopped');
    case 'error':
      return t('status.error', { message: r.error });
  }
  if (s.model.status === 'loading') return t('status.loadingModel');
  if (s.model.status === 'error') return t('status.error', { message: s.model.error });
  return t('status.ready');
}

function backendText(s: AppState): string {
  const rt = s.runtime;
  if (!rt) return t('status.starting');
  if (!rt.backend) return t('status.noModel');
  return rt.backend === 'wasm' ? t('status.wasm', { count: rt.threads }) : t('status.webgpu');
}

/** Tokens per second and time to first token, updated while the summary streams. */
function useSpeed(): string | null {
  const run = useApp((s) => s.run);
  const running = useApp(isRunning);
  const [, tick] = useState(0);
  useEffect(() => {
    if (!running) return;
    const t = setInterval(() => tick((n) => n + 1), 500);
    return () => clearInterval(t);
  }, [running]);
  const canDraft = useApp((s) => s.runtime?.modelKind === 'causal');
  const timings = run.stats?.timings;
  if (timings && !running) {
    const lookup = canDraft && (run.request?.generation?.prompt_lookup_num_tokens ?? 0) > 0 && timings.draftedTokens !== undefined;
    const drafts = lookup ? ` · ${t('status.drafts', { accepted: timings.acceptedTokens ?? 0, drafted: timings.draftedTokens })}` : '';
    return `${t('status.speed', { rate: formatFixed(timings.tokensPerSecond, 1), first: formatMs(timings.firstTokenMs) })}${drafts}`;
  }
  if (!running || run.firstTextAt === null || run.startedAt === null || run.tokens === 0) return null;
  const secs = (performance.now() - run.firstTextAt) / 1000;
  const rate = secs > 0 ? run.tokens / secs : 0;
  return t('status.speed', { rate: formatFixed(rate, 1), first: formatMs(run.firstTextAt - run.startedAt) });
}

export function StatusBar() {
  // Re-render on a language change: the texts below are built outside React.
  useTranslation();
  const status = useApp(statusText);
  const backend = useApp(backendText);
  const fell = useApp((s) => s.runtime?.fellBack ?? null);
  const skipped = useApp((s) => s.runtime?.webgpuSkipped ?? null);
  const dtype = useApp((s) => s.runtime?.dtype ?? null);
  const isError = useApp(
    (s) =>
      s.fatal !== null ||
      (s.activity === 'ask' && s.ask.status === 'error') ||
      (s.activity === 'facts' && s.facts.status === 'error') ||
      (s.activity === 'run' && (s.run.status === 'error' || (s.run.status === 'idle' && s.model.status === 'error'))),
  );
  const speed = useSpeed();
  return (
    <div className="status-bar">
      <span className={`badge backend ${fell ? 'fell-back' : ''}`} data-testid="backend" data-dtype={dtype ?? undefined} title={fell ? fell.reason : (skipped ?? undefined)}>
        {backend}
      </span>
      {dtype && <span className="badge">{dtype}</span>}
      {fell && (
        <span className="badge warn" title={fell.reason}>
          {t('status.fellBackFrom', { from: fell.from })}
        </span>
      )}
      {!fell && skipped && (
        <span className="badge" title={skipped} data-testid="webgpu-skipped">
          {t('status.noWebgpu')}
        </span>
      )}
      <span className={`status${isError ? ' error' : ''}`} data-testid="status" role={isError ? 'alert' : 'status'}>
        {status}
      </span>
      {speed && (
        <span className="meta" data-testid="speed">
          {speed}
        </span>
      )}
    </div>
  );
}
