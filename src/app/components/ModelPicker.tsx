// Choose a summarization model (or none: extractive) and its weights variant (dtype), with
// download progress and cancel; or load a model folder from disk (picked, or dropped on the card).
import { useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Dtype } from '../../engine/types';
import { cancelModelLoad, chooseDtype, chooseModel, ingestFile, loadModelFolder, loadPickedFolder, pickedDtype, urlBackend } from '../actions';
import { defaultDtypeOn, dtypeOptions, forgetDownload, useCatalogue, type ModelChoice } from '../catalogueView';
import { droppedFiles, hasDirectoryPicker, pickDirectory, type PickedFile } from '../folderPick';
import { t } from '../i18n';
import { catalogueNote } from '../i18n/catalogueNotes';
import { formatCount, formatFixed } from '../i18n/format';
import { refreshStorageIfShown } from '../storageView';
import { useApp, type DownloadState } from '../store';
import { languageList, OutputLanguage, Recommendation } from './ModelLanguage';

/** Progress sizes: two decimals for GB, so a long download visibly moves. */
function bytes(n: number): string {
  if (n >= 1e9) return `${formatFixed(n / 1e9, 2)} GB`;
  if (n >= 1e6) return `${formatFixed(n / 1e6, 1)} MB`;
  if (n >= 1e3) return `${formatFixed(n / 1e3, 0)} kB`;
  return `${formatCount(n)} B`;
}

function eta(d: DownloadState): string {
  if (!d.total || d.speed <= 0) return '';
  const secs = Math.max(0, (d.total - d.loaded) / d.speed);
  return ` · ${secs < 90 ? t('model.secondsLeft', { count: Math.ceil(secs) }) : t('model.minutesLeft', { count: Math.ceil(secs / 60) })}`;
}

function DownloadProgress({ d }: { d: DownloadState }) {
  const { t } = useTranslation();
  const label = d.stage === 'ready' ? t('model.ready') : d.total ? t('model.progress', { loaded: bytes(d.loaded), total: bytes(d.total) }) : `${bytes(d.loaded)}`;
  return (
    <div className="download" data-testid="model-progress">
      <progress value={d.total ? d.loaded : undefined} max={d.total ?? undefined} aria-label={t('model.downloadLabel')} />
      <span className="meta">
        {label}
        {d.speed > 0 && d.stage !== 'ready' ? ` · ${t('model.speed', { speed: bytes(d.speed) })}${eta(d)}` : ''}
      </span>
      {d.files.length > 1 && (
        <details>
          <summary className="meta">{t('model.files', { count: d.files.length })}</summary>
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

function DtypePicker({ choice, disabled }: { choice: ModelChoice; disabled: boolean }) {
  const { t } = useTranslation();
  const runtime = useApp((s) => s.runtime);
  useApp((s) => s.dtypeChoice[choice.id]); // re-render when it changes
  if (choice.dtypes.length < 2) return null;
  const facts = runtime ? { webgpuAvailable: runtime.webgpuAvailable, webgpuShaderF16: runtime.webgpuShaderF16, backend: urlBackend() } : null;
  const options = dtypeOptions(choice, facts);
  return (
    <label className="dtype-row">
      {t('model.weights')}
      <select data-testid="dtype-select" value={pickedDtype(choice) ?? defaultDtypeOn(choice, facts) ?? ''} disabled={disabled} onChange={(e) => chooseDtype(choice.id, e.target.value as Dtype)}>
        {options.map((o) => (
          <option key={o.dtype} value={o.dtype} disabled={o.disabled !== null} title={o.disabled ?? undefined}>
            {o.label}
            {o.disabled ? ` (${o.disabled})` : ''}
          </option>
        ))}
      </select>
    </label>
  );
}

const PAPER_FILE = /\.(pdf|txt|md|markdown|tex)$/i;

/** A model folder from disk: loaded, or the reason it could not be read. */
async function loadFromDisk(get: () => Promise<PickedFile[] | null>, onProblem: (m: string | null) => void): Promise<void> {
  onProblem(null);
  try {
    const files = await get();
    if (files === null) return;
    if (!files.length) return onProblem(t('model.folderEmpty'));
    // A paper dropped here by mistake goes where papers go.
    if (files.length === 1 && PAPER_FILE.test(files[0].path)) return void (await ingestFile(files[0].file));
    await loadPickedFolder(files);
  } catch (e) {
    onProblem(t('model.folderUnreadable', { reason: e instanceof Error ? e.message : String(e) }));
  }
}

export function ModelPicker() {
  const { t } = useTranslation();
  const model = useApp((s) => s.model);
  const choices = useCatalogue((s) => s.choices);
  const selected = model.id ?? '';
  const current = choices.find((c) => c.id === selected);
  const known = current !== undefined;
  const folder = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const [diskProblem, setDiskProblem] = useState<string | null>(null);
  const loading = model.status === 'loading';
  const pickFolder = () => {
    if (hasDirectoryPicker()) void loadFromDisk(pickDirectory, setDiskProblem);
    else folder.current?.click();
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    if (loading) return;
    // The items are readable only during the event; droppedFiles takes them now.
    const files = droppedFiles(e.dataTransfer);
    void loadFromDisk(() => files, setDiskProblem);
  };
  return (
    <section
      className={`card model-picker${dragging ? ' dragging' : ''}`}
      aria-labelledby="model-heading"
      data-testid="model-card"
      onDragOver={(e) => {
        if (!e.dataTransfer.types.includes('Files')) return;
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDragging(false);
      }}
      onDrop={onDrop}
    >
      <div className="card-head">
        <h2 id="model-heading">{t('model.heading')}</h2>
      </div>
      <label className="visually-hidden" htmlFor="model-select">
        {t('model.selectLabel')}
      </label>
      <select
        id="model-select"
        data-testid="model-select"
        value={selected}
        disabled={model.status === 'loading'}
        onChange={(e) => chooseModel(choices.find((c) => c.id === e.target.value) ?? null)}
      >
        <option value="">{t('model.none')}</option>
        {choices.map((c) => (
          <option key={c.id} value={c.id}>
            {c.label} · {c.detail}
            {c.cached ? ` · ${t('model.downloaded')}` : ''}
          </option>
        ))}
        {!known && selected && <option value={selected}>{model.label ?? selected}</option>}
      </select>
      {current && (
        <p className="meta" data-testid="model-detail">
          {current.detail}
          {` · ${current.cached ? t('model.downloaded') : current.location.kind === 'url' ? t('model.fromHub') : t('model.servedHere')}`}
          {` · ${t('model.languages', { list: languageList(current.languages) })}`}
          {current.cached && model.status !== 'loading' && (
            <>
              {' '}
              <button type="button" className="link" data-testid="forget-model" onClick={() => void forgetDownload(current).then(refreshStorageIfShown)}>
                {t('model.remove')}
              </button>
            </>
          )}
          {current.notes.map((n) => (
            <span key={n}>
              <br />
              {catalogueNote(n)}
            </span>
          ))}
        </p>
      )}
      {current && <DtypePicker choice={current} disabled={loading} />}
      <Recommendation current={current} />
      <OutputLanguage current={current} />
      <div className="row model-actions">
        <button type="button" className="link" data-testid="pick-model-folder" onClick={pickFolder} disabled={loading}>
          {t('model.pickFolder')}
        </button>
        <span className="meta">{t('model.dropFolder')}</span>
        <input
          ref={folder}
          type="file"
          hidden
          multiple
          data-testid="model-folder-input"
          aria-label={t('model.folderInput')}
          {...{ webkitdirectory: '' }}
          onChange={(e) => {
            const files = [...(e.target.files ?? [])];
            e.target.value = '';
            if (files.length) void loadModelFolder(files);
          }}
        />
      </div>
      {diskProblem && (
        <p className="error" role="alert" data-testid="model-folder-problem">
          {diskProblem}
        </p>
      )}
      {model.status === 'loading' && (
        <div className="row">
          {model.download ? <DownloadProgress d={model.download} /> : <span className="meta">{t('model.starting')}</span>}
          <button type="button" className="secondary" data-testid="cancel-download" onClick={cancelModelLoad}>
            {t('model.cancel')}
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
