// Decoding settings, seeded from the loaded model's generation_config.json.
import { useTranslation } from 'react-i18next';
import { settingsFromDefaults, settingsProblems, type DecodingSettings, type Strategy } from '../settings';
import { set, useApp } from '../store';

function patch(p: Partial<DecodingSettings>) {
  set((s) => ({ decoding: { ...s.decoding, ...p } }));
}

function NumberField(props: {
  label: string;
  testId: string;
  value: number | null;
  min?: number;
  max?: number;
  step?: number;
  placeholder?: string;
  onChange: (v: number | null) => void;
}) {
  return (
    <label>
      {props.label}
      <input
        type="number"
        data-testid={props.testId}
        value={props.value ?? ''}
        min={props.min}
        max={props.max}
        step={props.step ?? 1}
        placeholder={props.placeholder}
        onChange={(e) => props.onChange(e.target.value === '' ? null : Number(e.target.value))}
      />
    </label>
  );
}

export function SettingsPanel() {
  const { t } = useTranslation();
  const d = useApp((s) => s.decoding);
  const defaults = useApp((s) => s.model.defaults);
  const modelReady = useApp((s) => s.model.status === 'ready');
  // Seq2seq exports take one new token per cached step, so only decoder-only models can verify drafts.
  const canDraft = useApp((s) => s.runtime?.modelKind === 'causal');
  const problems = settingsProblems(d);
  // 8-bit graphs quantize activations per run, so a multi-token verify rounds differently from single steps.
  const dynamicQuant = useApp((s) => ['q8', 'int8', 'uint8'].includes(s.runtime?.dtype ?? ''));
  return (
    <details className="card settings" data-testid="settings">
      <summary>
        <h2>{t('settings.heading')}</h2>
        <span className="meta">{modelReady ? t('settings.fromModel') : t('settings.whenLoaded')}</span>
      </summary>
      <div className="grid">
        <NumberField label={t('settings.minTokens')} testId="min-tokens" value={d.minNewTokens} min={0} placeholder={String(defaults?.min_length ?? t('settings.auto'))} onChange={(v) => patch({ minNewTokens: v })} />
        <NumberField label={t('settings.maxTokens')} testId="max-tokens" value={d.maxNewTokens} min={1} placeholder={String(defaults?.max_new_tokens ?? defaults?.max_length ?? t('settings.byLength'))} onChange={(v) => patch({ maxNewTokens: v })} />
        <label>
          {t('settings.decoding')}
          <select data-testid="strategy" value={d.strategy} onChange={(e) => patch({ strategy: e.target.value as Strategy })}>
            <option value="greedy">{t('settings.greedy')}</option>
            <option value="beam">{t('settings.beam')}</option>
            <option value="sample">{t('settings.sample')}</option>
          </select>
        </label>
        {d.strategy === 'beam' && <NumberField label={t('settings.beams')} testId="beams" value={d.numBeams} min={2} max={16} onChange={(v) => patch({ numBeams: v ?? 2 })} />}
        {d.strategy === 'sample' && (
          <>
            <NumberField label={t('settings.temperature')} testId="temperature" value={d.temperature} min={0.05} step={0.05} onChange={(v) => patch({ temperature: v ?? 1 })} />
            <NumberField label={t('settings.topP')} testId="top-p" value={d.topP} min={0.05} max={1} step={0.05} onChange={(v) => patch({ topP: v ?? 1 })} />
            <NumberField label={t('settings.topK')} testId="top-k" value={d.topK} min={0} onChange={(v) => patch({ topK: v ?? 0 })} />
          </>
        )}
        <NumberField label={t('settings.repetitionPenalty')} testId="repetition-penalty" value={d.repetitionPenalty} min={0.5} max={3} step={0.05} onChange={(v) => patch({ repetitionPenalty: v ?? 1 })} />
        <NumberField label={t('settings.noRepeat')} testId="no-repeat-ngram" value={d.noRepeatNgramSize} min={0} max={10} onChange={(v) => patch({ noRepeatNgramSize: v ?? 0 })} />
      </div>
      {d.strategy === 'greedy' && modelReady && canDraft && (
        <div className="prompt-lookup">
          <label>
            <input type="checkbox" data-testid="prompt-lookup" checked={d.promptLookup} onChange={(e) => patch({ promptLookup: e.target.checked })} /> {t('settings.promptLookup')}
          </label>
          <p className="meta">
            {t('settings.promptLookupNote')}
            {dynamicQuant && t('settings.quantNote')}
          </p>
        </div>
      )}
      {problems.length > 0 && (
        <ul className="error" role="alert">
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      <button type="button" className="link" onClick={() => set({ decoding: settingsFromDefaults(defaults) })}>
        {modelReady ? t('settings.resetModel') : t('settings.resetDefault')}
      </button>
    </details>
  );
}
