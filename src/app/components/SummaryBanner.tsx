// Says plainly which kind of summary the user is looking at.
import { useApp } from '../store';

export function SummaryBanner() {
  const run = useApp((s) => s.run);
  const label = useApp((s) => s.model.label);
  if (run.status === 'idle' || (run.status === 'error' && !run.text)) return null;
  const abstractive = run.kind ? run.kind === 'abstractive' : run.modelId !== null;
  const text = abstractive
    ? `Abstractive summary by ${label ?? run.modelId}${run.backend ? ` (${run.backend})` : ''}`
    : 'Extractive summary — no AI model loaded: sentences selected from the paper';
  return (
    <div className={`banner ${abstractive ? 'abstractive' : 'extractive'}`} data-testid="summary-kind" data-kind={abstractive ? 'abstractive' : 'extractive'} role="note">
      {text}
      {run.status === 'stopped' && <span> · stopped early, partial text kept</span>}
      {run.fellBack && (
        <span data-testid="fallback-notice">
          {' '}
          · WebGPU failed, finished on WASM ({run.fellBack.reason})
        </span>
      )}
    </div>
  );
}
