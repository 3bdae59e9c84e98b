// Summarize and Stop, with the keyboard shortcuts spelled out.
import { stop, summarize, summarizeBlocker } from '../actions';
import { isRunning, useApp } from '../store';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

export function RunControls() {
  const running = useApp(isRunning);
  // Re-render when anything the blocker reads changes.
  const blocker = useApp(() => summarizeBlocker());
  return (
    <div className="run-controls">
      <button
        type="button"
        className="primary"
        data-testid="summarize"
        onClick={() => void summarize()}
        disabled={running || blocker !== null}
        title={blocker ?? `Summarize (${isMac ? '⌘' : 'Ctrl'}+Enter)`}
      >
        Summarize
      </button>
      <button type="button" data-testid="stop" onClick={stop} disabled={!running} title="Stop (Esc)">
        Stop
      </button>
      <span className="meta hint">
        {blocker && !running ? blocker : `${isMac ? '⌘' : 'Ctrl'}+Enter summarizes · Esc stops`}
      </span>
    </div>
  );
}
