// Memory figures that work in both the page and Node. ORT's wasm heap is invisible from outside,
// so we watch the WebAssembly.Memory objects being created (threaded builds create theirs in JS)
// and the memories exported by instantiated modules (single-threaded builds export theirs).
import type { MemoryFigures } from './types';

interface Tracked {
  label: string;
  memory: WebAssembly.Memory;
}

const tracked: Tracked[] = [];
let label = '';
let installed = false;

/** Call before ORT loads; later memories are attributed to the current label. */
export function installWasmMemoryTracker(): void {
  if (installed) return;
  installed = true;
  const wa = globalThis.WebAssembly;
  const seen = new Set<WebAssembly.Memory>();
  const note = (m: unknown) => {
    if (m instanceof wa.Memory && !seen.has(m)) {
      seen.add(m);
      tracked.push({ label, memory: m });
    }
  };
  const OrigMemory = wa.Memory;
  wa.Memory = new Proxy(OrigMemory, {
    construct(target, args, newTarget) {
      const m = Reflect.construct(target, args, newTarget) as WebAssembly.Memory;
      note(m);
      return m;
    },
  });
  const fromExports = (inst: WebAssembly.Instance) => Object.values(inst.exports).forEach(note);
  const origInstantiate = wa.instantiate.bind(wa);
  wa.instantiate = (async (...args: Parameters<typeof wa.instantiate>) => {
    const r = (await origInstantiate(...(args as [BufferSource]))) as WebAssembly.WebAssemblyInstantiatedSource | WebAssembly.Instance;
    fromExports('instance' in r ? r.instance : r);
    return r;
  }) as typeof wa.instantiate;
  if (wa.instantiateStreaming) {
    const origStreaming = wa.instantiateStreaming.bind(wa);
    wa.instantiateStreaming = async (...args: Parameters<typeof wa.instantiateStreaming>) => {
      const r = await origStreaming(...args);
      fromExports(r.instance);
      return r;
    };
  }
}

/** Attributes memories created from now on to `l` (e.g. 'ours' or 'peer'). */
export function setMemoryLabel(l: string): void {
  label = l;
}

/** Total bytes of the tracked memories with `l`; undefined when none was seen. */
export function wasmBytes(l: string): number | undefined {
  const mine = tracked.filter((t) => t.label === l);
  return mine.length ? mine.reduce((n, t) => n + t.memory.buffer.byteLength, 0) : undefined;
}

/** Reads the host's memory counters; the page and Node each pass their own. */
export type MemoryReader = () => MemoryFigures;

/** Keeps the highest value of every counter across samples. */
export class PeakMemory {
  private peak: MemoryFigures = {};

  constructor(private readonly read: MemoryReader) {}

  sample(): void {
    const now = this.read();
    for (const k of Object.keys(now) as (keyof MemoryFigures)[]) {
      const v = now[k];
      if (v !== undefined) this.peak[k] = Math.max(this.peak[k] ?? 0, v);
    }
  }

  get figures(): MemoryFigures {
    return { ...this.peak };
  }
}
