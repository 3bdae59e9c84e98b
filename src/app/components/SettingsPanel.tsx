// Decoding settings, seeded from the loaded model's generation_config.json.
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
        <h2>Generation settings</h2>
        <span className="meta">{modelReady ? 'defaults from the model' : 'used when a model is loaded'}</span>
      </summary>
      <div className="grid">
        <NumberField label="Min tokens" testId="min-tokens" value={d.minNewTokens} min={0} placeholder={String(defaults?.min_length ?? 'auto')} onChange={(v) => patch({ minNewTokens: v })} />
        <NumberField label="Max tokens" testId="max-tokens" value={d.maxNewTokens} min={1} placeholder={String(defaults?.max_new_tokens ?? defaults?.max_length ?? 'by length')} onChange={(v) => patch({ maxNewTokens: v })} />
        <label>
          Decoding
          <select data-testid="strategy" value={d.strategy} onChange={(e) => patch({ strategy: e.target.value as Strategy })}>
            <option value="greedy">Greedy</option>
            <option value="beam">Beam search</option>
            <option value="sample">Sampling</option>
          </select>
        </label>
        {d.strategy === 'beam' && <NumberField label="Beams" testId="beams" value={d.numBeams} min={2} max={16} onChange={(v) => patch({ numBeams: v ?? 2 })} />}
        {d.strategy === 'sample' && (
          <>
            <NumberField label="Temperature" testId="temperature" value={d.temperature} min={0.05} step={0.05} onChange={(v) => patch({ temperature: v ?? 1 })} />
            <NumberField label="Top-p" testId="top-p" value={d.topP} min={0.05} max={1} step={0.05} onChange={(v) => patch({ topP: v ?? 1 })} />
            <NumberField label="Top-k" testId="top-k" value={d.topK} min={0} onChange={(v) => patch({ topK: v ?? 0 })} />
          </>
        )}
        <NumberField label="Repetition penalty" testId="repetition-penalty" value={d.repetitionPenalty} min={0.5} max={3} step={0.05} onChange={(v) => patch({ repetitionPenalty: v ?? 1 })} />
        <NumberField label="No-repeat n-gram" testId="no-repeat-ngram" value={d.noRepeatNgramSize} min={0} max={10} onChange={(v) => patch({ noRepeatNgramSize: v ?? 0 })} />
      </div>
      {d.strategy === 'greedy' && modelReady && canDraft && (
        <div className="prompt-lookup">
          <label>
            <input type="checkbox" data-testid="prompt-lookup" checked={d.promptLookup} onChange={(e) => patch({ promptLookup: e.target.checked })} /> Draft from the paper (prompt lookup)
          </label>
          <p className="meta">
            Same output as greedy; faster when the summary copies phrases from the paper. On CPU (WASM) it can be slower when drafts are rejected.
            {dynamicQuant && ' With these 8-bit weights a few words can come out differently (rounding).'}
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
        Reset to {modelReady ? "the model's" : 'default'} settings
      </button>
    </details>
  );
}
