// ONNX sessions on one backend: creation from a FileSource with file-naming errors, run counting
// (for the injected WebGPU failure the fallback tests use) and KV outputs kept on the GPU.
import { externalDataFiles } from './modelFolder';
import type { OrtFeeds, OrtModule, OrtSession, OrtSessionOptions, OrtTensor, OrtValueMetadata } from './ort';
import { ModelFileError, type Backend, type FileSource, type ReadOptions } from './types';

type ExecutionProviders = NonNullable<OrtSessionOptions['executionProviders']>;

/** Makes the Nth session.run() on a backend throw, to exercise the fallback path (tests, e2e). */
export interface FaultInjection {
  backend?: Backend;
  /** 1-based index, counted over all runs on that backend since the model was loaded. */
  failAtRun: number;
  message?: string;
}

export interface RuntimeOptions {
  ort: OrtModule;
  backend: Backend;
  source: FileSource;
  /** Override the ORT execution providers per backend (tests map 'webgpu' onto wasm in Node). */
  executionProviders?: Partial<Record<Backend, ExecutionProviders>>;
  fault?: FaultInjection;
  onProgress?: ReadOptions['onProgress'];
  signal?: AbortSignal;
}

export class InjectedFault extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InjectedFault';
  }
}

/** One ORT session plus what the runners need to know about its graph. */
export class ModelSession {
  readonly inputNames: readonly string[];
  readonly outputNames: readonly string[];

  constructor(
    readonly path: string,
    private readonly session: OrtSession,
    private readonly runtime: Runtime,
  ) {
    this.inputNames = session.inputNames;
    this.outputNames = session.outputNames;
  }

  hasInput(name: string): boolean {
    return this.inputNames.includes(name);
  }

  inputMeta(name: string): OrtValueMetadata | undefined {
    return metadataOf(this.session.inputMetadata, name);
  }

  outputMeta(name: string): OrtValueMetadata | undefined {
    return metadataOf(this.session.outputMetadata, name);
  }

  /** Runs with only the feeds the graph declares; `fetches` limits which outputs are produced. */
  async run(feeds: OrtFeeds, fetches?: string[]): Promise<Record<string, OrtTensor>> {
    this.runtime.beforeRun();
    const picked: OrtFeeds = {};
    for (const n of this.inputNames) {
      if (!(n in feeds)) throw new Error(`${this.path}: no value for graph input "${n}"`);
      picked[n] = feeds[n];
    }
    const out = fetches ? await this.session.run(picked, fetches) : await this.session.run(picked);
    return out as Record<string, OrtTensor>;
  }

  async dispose(): Promise<void> {
    await this.session.release();
  }
}

function metadataOf(list: readonly OrtValueMetadata[] | undefined, name: string): OrtValueMetadata | undefined {
  return list?.find((m) => m.name === name);
}

/** Creates sessions for one backend and counts their runs. */
export class Runtime {
  private runs = 0;
  private faultFired = false;
  /** Why the WebGPU device is gone, once it is (driver reset, GPU process crash, out of memory). */
  private deviceLost: string | null = null;
  private watchingDevice = false;

  constructor(readonly opts: RuntimeOptions) {}

  get backend(): Backend {
    return this.opts.backend;
  }

  get ort(): OrtModule {
    return this.opts.ort;
  }

  /** True when present.* outputs can stay on the GPU between steps. */
  get onGpu(): boolean {
    return this.providers().some((p) => (typeof p === 'string' ? p : p.name) === 'webgpu');
  }

  beforeRun(): void {
    // Runs on a lost device fail or, worse, return zeros: fail at once with the real reason, so the
    // fallback moves to WASM and says why.
    if (this.deviceLost) throw new Error(`WebGPU stopped working: ${this.deviceLost}`);
    this.runs++;
    const f = this.opts.fault;
    if (f && !this.faultFired && (f.backend ?? 'webgpu') === this.backend && this.runs === f.failAtRun) {
      this.faultFired = true;
      throw new InjectedFault(f.message ?? `injected ${this.backend} failure at run ${this.runs}`);
    }
  }

  private providers(): ExecutionProviders {
    return this.opts.executionProviders?.[this.backend] ?? [this.backend];
  }

  /**
   * Reads `path` (and its external data, if any) and creates a session; errors name the file.
   * `rewrite` may return changed model bytes (see logitsToKeep.ts) before ORT reads them.
   */
  async create(path: string, gpuOutputs: readonly string[] = [], rewrite?: (bytes: Uint8Array) => Uint8Array): Promise<ModelSession> {
    const { source, ort } = this.opts;
    if (!(await source.has(path))) throw new ModelFileError(source.id, path, 'file is missing');
    const readOpts: ReadOptions = { signal: this.opts.signal, onProgress: this.opts.onProgress };
    let bytes = await source.read(path, readOpts);
    checkOnnxBytes(source.id, path, bytes);
    // Reassigned, so the original bytes can be collected while ORT copies the rewritten ones.
    if (rewrite) bytes = rewrite(bytes);
    const options: OrtSessionOptions = { executionProviders: this.providers(), graphOptimizationLevel: 'all' };
    if (this.onGpu && gpuOutputs.length) {
      // ORT ignores names the graph lacks, so the runner can list every present.* it might produce.
      options.preferredOutputLocation = Object.fromEntries(gpuOutputs.map((n) => [n, 'gpu-buffer' as const]));
    }
    // ORT matches each tensor's external-data `location` against these names (the file names).
    const dataFiles = await externalDataFiles(source, path);
    if (dataFiles.length) {
      const external = [];
      for (const p of dataFiles) external.push({ path: p.slice(p.lastIndexOf('/') + 1), data: await source.read(p, readOpts) });
      options.externalData = external;
    }
    let session: OrtSession;
    try {
      session = await ort.InferenceSession.create(bytes, options);
    } catch (e) {
      throw new ModelFileError(source.id, path, `corrupt or truncated ONNX model: ONNX Runtime cannot load it (${describe(e)})`);
    }
    if (this.onGpu) this.watchDevice();
    return new ModelSession(path, session, this);
  }

  /** Notes when ORT's GPUDevice is lost (GPUDevice.lost settles once, with a reason). */
  private watchDevice(): void {
    if (this.watchingDevice) return;
    this.watchingDevice = true;
    type Lost = { reason?: string; message?: string };
    try {
      const device = (this.opts.ort.env as { webgpu?: { device?: unknown } }).webgpu?.device;
      void Promise.resolve(device)
        .then((d) => (d as { lost?: Promise<Lost> } | undefined)?.lost)
        .then((info) => {
          if (!info) return;
          const why = info.reason && info.reason !== 'unknown' ? info.reason : 'no reason given';
          this.deviceLost = `the GPU device was lost (${why}${info.message ? `: ${info.message}` : ''})`;
        })
        .catch(() => {});
    } catch {
      // No device to watch (a build without WebGPU): nothing can be lost.
    }
  }
}

/**
 * Cheap structural check before handing bytes to ORT, whose own message for garbage is opaque:
 * an ONNX file is a protobuf ModelProto whose first field is ir_version (tag 0x08).
 */
export function checkOnnxBytes(sourceId: string, path: string, bytes: Uint8Array): void {
  if (bytes.length === 0) throw new ModelFileError(sourceId, path, 'file is empty');
  if (bytes[0] !== 0x08) {
    throw new ModelFileError(sourceId, path, 'not an ONNX model (corrupt bytes: no ModelProto header)');
  }
}

export function describe(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
