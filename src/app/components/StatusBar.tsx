// Backend badge, run status and live speed.
import { useEffect, useState } from 'react';
import { isRunning, useApp, type AppState } from '../store';

function duration(ms: number): string {
  return ms < 1000 ? `${Math.max(1, Math.round(ms))} ms` : `${(ms / 1000).toFixed(1)} s`;
}

function statusText(s: AppState): string {
  if (s.fatal) return `error: ${s.fatal}`;
  const r = s.run;
  switch (r.status) {
    case 'preparing':
      return 'reading the paper…';
    case 'summarizing':
      return r.progress ? `summarizing: ${r.progress.label}` : 'summarizing…';
    case 'done':
      return `done in ${duration(r.stats?.totalMs ?? 0)}`;
    case 'stopped':
      return 'stopped: partial summary kept';
    case 'error':
      return `error: ${r.error}`;
  }
  if (s.model.status === 'loading') return 'loading the model…';
  if (s.model.status === 'error') return `error: ${s.model.error}`;
  return 'ready';
}

function backendText(s: AppState): string {
  const rt = s.runtime;
  if (!rt) return 'starting…';
  if (!rt.backend) return 'no model · extractive';
  return rt.backend === 'wasm' ? `wasm · ${rt.threads} thread${rt.threads === 1 ? '' : 's'}` : 'webgpu';
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
    const drafts = lookup ? ` · accepted drafts ${timings.acceptedTokens ?? 0}/${timings.draftedTokens}` : '';
    return `${timings.tokensPerSecond.toFixed(1)} tok/s · first token ${Math.round(timings.firstTokenMs)} ms${drafts}`;
  }
  if (!running || run.firstTextAt === null || run.startedAt === null || run.tokens === 0) return null;
  const secs = (performance.now() - run.firstTextAt) / 1000;
  const rate = secs > 0 ? run.tokens / secs : 0;
  return `${rate.toFixed(1)} tok/s · first token ${Math.round(run.firstTextAt - run.startedAt)} ms`;
}

export function StatusBar() {
  const status = useApp(statusText);
  const backend = useApp(backendText);
  const fell = useApp((s) => s.runtime?.fellBack ?? null);
  const skipped = useApp((s) => s.runtime?.webgpuSkipped ?? null);
  const dtype = useApp((s) => s.runtime?.dtype ?? null);
  const isError = status.startsWith('error');
  const speed = useSpeed();
  return (
    <div className="status-bar">
      <span className={`badge backend ${fell ? 'fell-back' : ''}`} data-testid="backend" data-dtype={dtype ?? undefined} title={fell ? fell.reason : (skipped ?? undefined)}>
        {backend}
      </span>
      {dtype && <span className="badge">{dtype}</span>}
      {fell && (
        <span className="badge warn" title={fell.reason}>
          fell back from {fell.from}
        </span>
      )}
      {!fell && skipped && (
        <span className="badge" title={skipped} data-testid="webgpu-skipped">
          no WebGPU
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
