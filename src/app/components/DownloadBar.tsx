// Downloads of the finished (or stopped) summary.
import { downloadSummary } from '../actions';
import { useApp } from '../store';

export function DownloadBar() {
  const ready = useApp((s) => (s.run.status === 'done' || s.run.status === 'stopped') && s.run.text !== '');
  if (!ready) return null;
  return (
    <div className="download-bar" role="group" aria-label="Download the summary">
      <span className="meta">Download</span>
      <button type="button" className="secondary" data-testid="download-md" onClick={() => downloadSummary('md')}>
        Markdown
      </button>
      <button type="button" className="secondary" data-testid="download-txt" onClick={() => downloadSummary('txt')}>
        Text
      </button>
      <button type="button" className="secondary" data-testid="download-json" onClick={() => downloadSummary('json')}>
        JSON
      </button>
    </div>
  );
}
