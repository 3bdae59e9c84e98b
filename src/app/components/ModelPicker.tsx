// Choose a summarization model (or none: extractive), with download progress and cancel.
import { useRef } from 'react';
import { cancelModelLoad, loadModel, loadModelFolder, unloadModel } from '../actions';
import { forgetDownload, useCatalogue, type ModelChoice } from '../catalogueView';
import { useApp, type DownloadState } from '../store';

function bytes(n: number): string {
  if (n >= 1e9) return `${(n / 1e9).toFixed(2)} GB`;
  if (n >= 1e6) return `${(n / 1e6).toFixed(1)} MB`;
  if (n >= 1e3) return `${(n / 1e3).toFixed(0)} kB`;
  return `${n} B`;
}

function eta(d: DownloadState): string {
  if (!d.total || d.speed <= 0) return '';
  const secs = Math.max(0, (d.total - d.loaded) / d.speed);
  return secs < 90 ? ` · ${Math.ceil(secs)} s left` : ` · ${Math.ceil(secs / 60)} min left`;
}

function DownloadProgress({ d }: { d: DownloadState }) {
  const label = d.stage === 'ready' ? 'ready' : d.total ? `${bytes(d.loaded)} of ${bytes(d.total)}` : `${bytes(d.loaded)}`;
  return (
    <div className="download" data-testid="model-progress">
      <progress value={d.total ? d.loaded : undefined} max={d.total ?? undefined} aria-label="Model download" />
      <span className="meta">
        {label}
        {d.speed > 0 && d.stage !== 'ready' ? ` · ${bytes(d.speed)}/s${eta(d)}` : ''}
      </span>
      {d.files.length > 1 && (
        <details>
          <summary className="meta">{d.files.length} files</summary>
          <ul className="files">
            {d.files.map((f) => (
              <li key={f.path} className="meta">
                {f.path}: {bytes(f.loaded)}
                {f.total ? ` / ${bytes(f.total)}` : ''}
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}

function choose(choice: ModelChoice | null) {
  if (!choice) unloadModel();
  else void loadModel(choice.id, choice.label, choice.location, { dtype: choice.dtype, generation: choice.generation });
}

export function ModelPicker() {
  const model = useApp((s) => s.model);
  const choices = useCatalogue((s) => s.choices);
  const selected = model.id ?? '';
  const current = choices.find((c) => c.id === selected);
  const known = current !== undefined;
  const folder = useRef<HTMLInputElement>(null);
  return (
    <section className="card model-picker" aria-labelledby="model-heading">
      <div className="card-head">
        <h2 id="model-heading">Model</h2>
      </div>
      <label className="visually-hidden" htmlFor="model-select">
        Summarization model
      </label>
      <select
        id="model-select"
        data-testid="model-select"
        value={selected}
        disabled={model.status === 'loading'}
        onChange={(e) => choose(choices.find((c) => c.id === e.target.value) ?? null)}
      >
        <option value="">No model: extractive summary (instant, offline)</option>
        {choices.map((c) => (
          <option key={c.id} value={c.id}>
            {c.label} · {c.detail}
            {c.cached ? ' · downloaded' : ''}
          </option>
        ))}
        {!known && selected && <option value={selected}>{model.label ?? selected}</option>}
      </select>
      {current && (
        <p className="meta" data-testid="model-detail">
          {current.detail}
          {current.cached ? ' · downloaded' : current.location.kind === 'url' ? ' · downloads from the Hugging Face hub' : ' · served by this site'}
          {current.cached && model.status !== 'loading' && (
            <>
              {' '}
              <button type="button" className="link" data-testid="forget-model" onClick={() => void forgetDownload(current)}>
                Remove the download
              </button>
            </>
          )}
          {current.notes.map((n) => (
            <span key={n}>
              <br />
              {n}
            </span>
          ))}
        </p>
      )}
      <div className="row model-actions">
        <button type="button" className="link" onClick={() => folder.current?.click()} disabled={model.status === 'loading'}>
          Load a model folder from disk…
        </button>
        <input
          ref={folder}
          type="file"
          hidden
          multiple
          data-testid="model-folder-input"
          aria-label="Pick a model folder (config.json, tokenizer.json, onnx/)"
          {...{ webkitdirectory: '' }}
          onChange={(e) => {
            const files = [...(e.target.files ?? [])];
            e.target.value = '';
            if (files.length) void loadModelFolder(files);
          }}
        />
      </div>
      {model.status === 'loading' && (
        <div className="row">
          {model.download ? <DownloadProgress d={model.download} /> : <span className="meta">starting…</span>}
          <button type="button" className="secondary" data-testid="cancel-download" onClick={cancelModelLoad}>
            Cancel
          </button>
        </div>
      )}
      {model.status === 'error' && (
        <p className="error" role="alert">
          {model.error}
        </p>
      )}
    </section>
  );
}
