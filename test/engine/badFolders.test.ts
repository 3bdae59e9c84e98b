// Broken model folders fail at load with a ModelFileError that names the file and the problem.
import { cp, mkdtemp, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import onnxProto from 'onnx-proto';
import { afterAll, describe, expect, it } from 'vitest';
import { listDtypes, loadModel, ModelFileError } from '../../src/engine';
import { DirSource } from '../support/dirSource';
import { FIXTURES, ort } from '../support/engine';

const temps: string[] = [];
afterAll(() => Promise.all(temps.map((d) => rm(d, { recursive: true, force: true }))));

/** A private copy of a fixture, changed by `edit`. */
async function brokenCopy(name: string, edit: (dir: string) => Promise<void>): Promise<DirSource> {
  const dir = await mkdtemp(join(tmpdir(), `paperlens-${name}-`));
  temps.push(dir);
  await cp(join(FIXTURES, name), dir, { recursive: true });
  await edit(dir);
  return new DirSource(dir);
}

async function editJson(dir: string, file: string, change: (j: Record<string, any>) => void) {
  const j = JSON.parse(await readFile(join(dir, file), 'utf8'));
  change(j);
  await writeFile(join(dir, file), JSON.stringify(j));
}

/** Renames a graph input everywhere it is used (nodes and subgraphs of If branches). */
async function renameGraphInput(dir: string, file: string, from: string, to: string) {
  const path = join(dir, 'onnx', file);
  const model = onnxProto.onnx.ModelProto.decode(await readFile(path));
  const rename = (g: onnxProto.onnx.IGraphProto) => {
    for (const i of g.input ?? []) if (i.name === from) i.name = to;
    for (const n of g.node ?? []) {
      n.input = (n.input ?? []).map((x) => (x === from ? to : x));
      for (const a of n.attribute ?? []) if (a.g) rename(a.g);
    }
  };
  rename(model.graph!);
  await writeFile(path, onnxProto.onnx.ModelProto.encode(model).finish());
}

async function loadError(source: DirSource, dtype: 'fp32' | 'q8' = 'fp32'): Promise<ModelFileError> {
  const err = await loadModel(source, { ort, backend: 'wasm', dtype }).then(
    async (m) => {
      await m.dispose();
      return undefined;
    },
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ModelFileError);
  return err as ModelFileError;
}

describe('bad model folders', () => {
  it('missing tokenizer.json', async () => {
    const e = await loadError(await brokenCopy('tiny-bart', (d) => unlink(join(d, 'tokenizer.json'))));
    expect(e.path).toBe('tokenizer.json');
    expect(e.problem).toMatch(/missing/);
    expect(e.message).toContain('tokenizer.json: file is missing');
  });

  it('invalid JSON in config.json', async () => {
    const e = await loadError(await brokenCopy('tiny-t5', (d) => writeFile(join(d, 'config.json'), '{"model_type": "t5",')));
    expect(e.path).toBe('config.json');
    expect(e.problem).toMatch(/invalid JSON/);
  });

  it('unsupported model type', async () => {
    const src = await brokenCopy('tiny-bart', (d) =>
      editJson(d, 'config.json', (j) => {
        j.model_type = 'whisper';
        j.architectures = ['WhisperForConditionalGeneration'];
        delete j.is_encoder_decoder;
        delete j.num_hidden_layers;
      }),
    );
    const e = await loadError(src);
    expect(e.path).toBe('config.json');
    expect(e.problem).toMatch(/model_type "whisper"/);
  });

  it('missing ONNX decoder names the file it looked for', async () => {
    const src = await brokenCopy('tiny-bart', async (d) => {
      await unlink(join(d, 'onnx', 'decoder_model_merged.onnx'));
      await unlink(join(d, 'onnx', 'decoder_model_merged_quantized.onnx'));
    });
    expect(await listDtypes(src, 'seq2seq')).toEqual([]);
    const e = await loadError(src);
    expect(e.path).toBe('onnx/decoder_model_merged.onnx');
    expect(e.problem).toMatch(/missing for dtype "fp32"; no complete ONNX export/);
  });

  it('an absent dtype falls back to one that is present, with a note', async () => {
    const src = await brokenCopy('tiny-bart', (d) => unlink(join(d, 'onnx', 'decoder_model_merged.onnx')));
    expect(await listDtypes(src, 'seq2seq')).toEqual(['q8']);
    const m = await loadModel(src, { ort, backend: 'wasm', dtype: 'fp32' });
    expect(m.dtype).toBe('q8');
    expect(m.notes.join(' ')).toMatch(/"fp32" is not in the folder \(present: q8\)/);
    await m.dispose();
  });

  it('corrupt ONNX bytes', async () => {
    const src = await brokenCopy('tiny-bart', (d) => writeFile(join(d, 'onnx', 'encoder_model.onnx'), 'this is not a model'));
    const e = await loadError(src);
    expect(e.path).toBe('onnx/encoder_model.onnx');
    expect(e.problem).toMatch(/not an ONNX model/);
  });

  it('truncated ONNX file', async () => {
    const src = await brokenCopy('tiny-qwen2', async (d) => {
      const p = join(d, 'onnx', 'model.onnx');
      const bytes = await readFile(p);
      await writeFile(p, bytes.subarray(0, bytes.length >> 1));
    });
    const e = await loadError(src);
    expect(e.path).toBe('onnx/model.onnx');
    expect(e.problem).toMatch(/corrupt or truncated/);
  });

  it('graph input names that do not fit the family', async () => {
    const src = await brokenCopy('tiny-bart', (d) =>
      renameGraphInput(d, 'decoder_model_merged.onnx', 'past_key_values.1.decoder.key', 'past.1.decoder.key'),
    );
    const e = await loadError(src);
    expect(e.path).toBe('onnx/decoder_model_merged.onnx');
    expect(e.problem).toMatch(/graph inputs lack past_key_values\.1\.decoder\.key/);
  });

  it('a decoder-only graph missing its attention_mask', async () => {
    const src = await brokenCopy('tiny-qwen2', (d) => renameGraphInput(d, 'model.onnx', 'attention_mask', 'mask'));
    const e = await loadError(src);
    expect(e.path).toBe('onnx/model.onnx');
    expect(e.problem).toMatch(/lack attention_mask/);
  });

  it.each([
    ['tiny-bart', (j: any) => (j.decoder_layers = 3), 'onnx/decoder_model_merged.onnx', /2 layers .* decoder_layers is 3/],
    ['tiny-bart-split', (j: any) => (j.vocab_size = 2000), 'onnx/decoder_model.onnx', /1161 entries .* vocab_size is 2000/],
    ['tiny-t5', (j: any) => (j.d_kv = 8), 'onnx/decoder_model_merged.onnx', /4 heads of size 8/],
    ['tiny-qwen2', (j: any) => (j.num_key_value_heads = 4), 'onnx/model.onnx', /num_key_value_heads, head_dim\) gives 4 heads/],
    ['tiny-qwen2', (j: any) => (j.num_hidden_layers = 1), 'onnx/model.onnx', /2 layers .* num_hidden_layers is 1/],
  ])('%s: config.json that contradicts the graph', async (name, change, file, problem) => {
    const e = await loadError(await brokenCopy(name, (d) => editJson(d, 'config.json', change)));
    expect(e.path).toBe(file);
    expect(e.problem).toMatch(problem);
  });
});
