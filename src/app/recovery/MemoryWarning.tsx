// Warns, as soon as a model is chosen, when its size makes an out-of-memory crash likely here.
import { useEffect, useState } from 'react';
import { downloadSize, summarizers } from '../../../models/catalogue';
import { useApp } from '../store';
import { parseUrlOptions } from '../urlParams';
import { deviceFacts, memoryWarnings, type DeviceFacts } from './memoryCheck';

function modelBytes(id: string, downloadTotal: number | null): number {
  const entry = summarizers().find((e) => e.id === id);
  const known = entry ? downloadSize(entry).bytes : 0;
  return Math.max(known, downloadTotal ?? 0);
}

export function MemoryWarning() {
  const model = useApp((s) => s.model);
  const webgpu = useApp((s) => s.runtime?.webgpuAvailable ?? false);
  const [facts, setFacts] = useState<DeviceFacts | null>(null);
  useEffect(() => {
    void deviceFacts().then(setFacts);
  }, [model.id]);
  if (!facts || !model.id || (model.status !== 'loading' && model.status !== 'ready')) return null;
  const asked = parseUrlOptions(window.location.search).backend;
  const backend = asked === 'auto' ? (webgpu ? 'auto' : 'wasm') : asked;
  const warnings = memoryWarnings(modelBytes(model.id, model.download?.total ?? null), backend, facts);
  if (!warnings.length) return null;
  return (
    <div className="banner error" role="alert" data-testid="memory-warning">
      {warnings.map((w) => (
        <p key={w}>{w}</p>
      ))}
    </div>
  );
}
