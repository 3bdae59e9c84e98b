// The encoder's last_hidden_state is asked to stay on the GPU (WebGPU), and the runner feeds the
// encoder's own tensor to the decoder while there is one row: nothing reads it back (getData)
// until beams need copies of it.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fixture, ort } from '../../test/support/engine';
import { Backbone, ENCODER_GPU_OUTPUTS } from './backbone';
import { parseModelSpec } from './config';
import { readJson, readOptionalJson, resolveLayout } from './modelFolder';
import type { OrtFeeds, OrtTensor } from './ort';
import { ModelSession, Runtime } from './session';

afterEach(() => vi.restoreAllMocks());

describe.each(['tiny-bart', 'tiny-bart-split', 'tiny-t5'])('%s encoder output', (name) => {
  it('is created as a GPU output and fed to the decoder without a read-back until beams expand', async () => {
    const source = fixture(name);
    const spec = parseModelSpec(source.id, await readJson(source, 'config.json'), await readOptionalJson(source, 'generation_config.json'));
    const layout = await resolveLayout(source, spec.kind, 'fp32');
    // "webgpu" mapped onto wasm (Node has no WebGPU): the requested GPU outputs are what is checked.
    const runtime = new Runtime({ ort, backend: 'webgpu', source, executionProviders: { webgpu: ['wasm'] } });
    const create = vi.spyOn(runtime, 'create');
    const backbone = await Backbone.create(runtime, spec, layout, 'fp32');
    try {
      expect(layout.kind).toBe('seq2seq');
      const encoderCall = create.mock.calls.find(([path]) => /encoder_model/.test(path));
      expect(encoderCall?.[1]).toEqual(ENCODER_GPU_OUTPUTS);

      let hidden: OrtTensor | undefined;
      let getData: ReturnType<typeof vi.fn> | undefined;
      const fedHidden: OrtTensor[] = [];
      const run = ModelSession.prototype.run;
      vi.spyOn(ModelSession.prototype, 'run').mockImplementation(async function (this: ModelSession, feeds: OrtFeeds, fetches?: string[]) {
        if ('encoder_hidden_states' in feeds && this.hasInput('encoder_hidden_states')) fedHidden.push(feeds.encoder_hidden_states);
        const out = await run.call(this, feeds, fetches);
        if (out.last_hidden_state) {
          hidden = out.last_hidden_state;
          const real = hidden.getData.bind(hidden);
          getData = vi.fn(real);
          (hidden as { getData: unknown }).getData = getData;
        }
        return out;
      });
      const runner = await backbone.startRunner([5, 17, 42, 99, 7, 2]);
      const start = spec.kind === 'seq2seq' ? spec.decoderStartTokenId : 0;
      await runner.step([[start]], null);
      await runner.step([[7]], [0]);
      await runner.step([[8]], [0]);
      expect(hidden).toBeDefined();
      expect(getData).not.toHaveBeenCalled();
      for (const h of fedHidden) expect(h).toBe(hidden);
      // Expanding to 3 beams reads it back once and feeds a 3-row copy.
      const logits = await runner.step([[9], [10], [11]], [0, 0, 0]);
      expect(logits).toHaveLength(3);
      expect(getData).toHaveBeenCalledTimes(1);
      if (layout.layout !== 'split') expect(fedHidden.at(-1)!.dims[0]).toBe(3);
      runner.dispose();
    } finally {
      vi.restoreAllMocks();
      await backbone.dispose();
    }
  });
});
