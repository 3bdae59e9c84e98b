// The catalogue validates, its files match each family's layout, ids are unique, fixtures are
// flagged and match the committed fixture folders byte for byte in size.
import { readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CATALOGUE,
  FIXTURE_MODELS,
  downloadSize,
  filesFor,
  findModel,
  requiredOnnx,
  summarizers,
  validateCatalogue,
  validateEntry,
  type CatalogueDtype,
  type CatalogueEntry,
} from './catalogue';

const ALL = [...CATALOGUE, ...FIXTURE_MODELS];
const clone = (e: CatalogueEntry) => structuredClone(e) as CatalogueEntry & Record<string, unknown>;

describe('catalogue', () => {
  it('lists the eleven real models the project targets, none of them a fixture', () => {
    expect(CATALOGUE.map((e) => e.repo)).toEqual([
      'Xenova/distilbart-cnn-6-6',
      'Xenova/bart-large-cnn',
      'Xenova/flan-t5-small',
      'Xenova/flan-t5-base',
      'Xenova/LaMini-Flan-T5-248M',
      'HuggingFaceTB/SmolLM2-135M-Instruct',
      'onnx-community/Qwen2.5-0.5B-Instruct',
      'onnx-community/Qwen2.5-1.5B-Instruct',
      'HuggingFaceTB/SmolLM2-360M-Instruct',
      'HuggingFaceTB/SmolLM2-1.7B-Instruct',
      'onnx-community/Llama-3.2-1B-Instruct',
    ]);
    expect(summarizers()).toHaveLength(11);
    expect(summarizers().some((e) => e.fixture)).toBe(false);
  });

  it('every entry (real and fixture) validates and ids are unique across both lists', () => {
    expect(validateCatalogue(ALL)).toEqual([]);
    expect(new Set(ALL.map((e) => e.id)).size).toBe(ALL.length);
  });

  it("every dtype's files are exactly what the family's engine layout reads", () => {
    for (const e of ALL) {
      for (const [dtype, v] of Object.entries(e.dtypes) as [CatalogueDtype, { files: { path: string }[] }][]) {
        const graphs = v.files.map((f) => f.path).filter((p) => p.endsWith('.onnx'));
        expect(graphs.sort(), `${e.id} ${dtype}`).toEqual(requiredOnnx(e.family, dtype).sort());
        if (e.family === 'causal') expect(graphs, e.id).toEqual([`onnx/model${dtype === 'fp32' ? '' : dtype === 'q8' ? '_quantized' : `_${dtype}`}.onnx`]);
        else expect(graphs.some((p) => p.startsWith('onnx/encoder_model')) && graphs.some((p) => p.startsWith('onnx/decoder_model_merged')), e.id).toBe(true);
      }
    }
  });

  it('fixtures are flagged, reachable by id, and their sizes equal the committed files', () => {
    const root = join(import.meta.dirname, 'fixtures');
    for (const e of FIXTURE_MODELS) {
      expect(e.fixture).toBe(true);
      expect(e.label).toMatch(/test fixture/);
      expect(findModel(e.id)).toBe(e);
      const onDisk = listFiles(join(root, e.id));
      const listed = Object.values(e.dtypes).flatMap((v) => v!.files).concat(e.commonFiles.files);
      expect(listed.map((f) => f.path).sort()).toEqual([...onDisk.keys()].sort());
      for (const f of listed) expect(f.bytes, `${e.id}/${f.path}`).toBe(onDisk.get(f.path));
    }
  });

  it('sizes and file lists for a download', () => {
    const distil = findModel('distilbart-cnn-6-6')!;
    expect(filesFor(distil).map((f) => f.path)).toEqual([
      'config.json',
      'generation_config.json',
      'tokenizer.json',
      'tokenizer_config.json',
      'onnx/encoder_model_quantized.onnx',
      'onnx/decoder_model_merged_quantized.onnx',
    ]);
    expect(() => filesFor(findModel('smollm2-360m-instruct')!, 'q8')).toThrow(/no q8 files .*available: fp32, fp16, q4, q4f16/);
    const tiny = downloadSize(findModel('tiny-qwen2')!);
    expect(tiny).toEqual({ bytes: 796 + 204 + 50393 + 963 + 1045722, complete: true });
    // Every DistilBART file's size was read (the root and onnx listings of main at 13c8ac2), so
    // its total is complete: 129 + 155 MB of graphs plus the four root files.
    expect(downloadSize(distil)).toEqual({ bytes: 286_113_553, complete: true });
    // Unread config sizes make a real model's total incomplete rather than invented.
    expect(downloadSize(findModel('qwen2.5-0.5b-instruct')!).complete).toBe(false);
  });

  it('DistilBART has the sizes of its main listing (issue 16), each from a page that names its commit', () => {
    const distil = findModel('distilbart-cnn-6-6')!;
    const sizes = (d: CatalogueDtype) => Object.fromEntries(distil.dtypes[d]!.files.map((f) => [f.path, f.bytes]));
    // The older commits' 820 MB and 207 MB merged decoders are gone from main.
    expect(sizes('q8')).toEqual({ 'onnx/encoder_model_quantized.onnx': 129_000_000, 'onnx/decoder_model_merged_quantized.onnx': 155_000_000 });
    expect(sizes('fp32')).toEqual({ 'onnx/encoder_model.onnx': 513_000_000, 'onnx/decoder_model_merged.onnx': 614_000_000 });
    // Issue 16 expected no fp16 encoder; the stored main listing has one, and the merged fp16 decoder.
    expect(sizes('fp16')).toEqual({ 'onnx/encoder_model_fp16.onnx': 256_000_000, 'onnx/decoder_model_merged_fp16.onnx': 307_000_000 });
    expect(distil.checkedAt?.revision).toBe('13c8ac26cafdc34b4171659ac245fd235e8de2b3');
    for (const v of [distil.commonFiles, ...Object.values(distil.dtypes)]) {
      expect(v!.verified).toBe(true);
      expect(v!.source).toContain(distil.checkedAt!.revision);
      expect(v!.files.every((f) => f.sizeNote === undefined)).toBe(true);
    }
  });

  it('every verified variant names its source, and a page of a moving ref names the commit it showed', () => {
    const cited: string[] = [];
    for (const e of CATALOGUE) {
      for (const v of [e.commonFiles, ...Object.values(e.dtypes)]) {
        if (v!.verified) expect(v!.source, e.id).toBeTruthy();
        if (v!.source) cited.push(v!.source);
        for (const f of v!.files) if (f.sizeNote) cited.push(f.sizeNote);
      }
      for (const f of [e.licence, e.contextTokens, e.languages, e.parameters, e.speed]) if (f.source) cited.push(f.source);
      if (e.checkedAt) cited.push(e.checkedAt.source);
    }
    const unpinned = cited.filter((s) => /huggingface\.co\/.*\/(tree|blob)\/(main|refs%2F)/.test(s) && !/\(at [0-9a-f]{7,40}\)|last changed in (the same )?[0-9a-f]{7}/.test(s));
    expect(unpinned).toEqual([]);
  });

  it('records the commit each listing of main was read at, where one was stored', () => {
    const at = Object.fromEntries(CATALOGUE.filter((e) => e.checkedAt).map((e) => [e.id, e.checkedAt!.revision]));
    expect(at).toEqual({
      'distilbart-cnn-6-6': '13c8ac26cafdc34b4171659ac245fd235e8de2b3',
      'lamini-flan-t5-248m': '0975063',
      'qwen2.5-0.5b-instruct': '516c8d0',
      'qwen2.5-1.5b-instruct': '9f9c976',
      'smollm2-360m-instruct': '6d8b2a3',
      'smollm2-1.7b-instruct': '31b70e2',
      'llama-3.2-1b-instruct': '1ae0c06',
    });
    for (const e of CATALOGUE.filter((x) => x.checkedAt)) expect(e.checkedAt!.source, e.id).toContain(e.checkedAt!.revision.slice(0, 7));
  });
});

describe('validation catches bad entries', () => {
  const base = () => clone(CATALOGUE[0]);
  const unseenFp16 = () => ({ verified: false, note: 'not seen', files: [{ path: 'onnx/encoder_model_fp16.onnx' }, { path: 'onnx/decoder_model_merged_fp16.onnx' }] });

  it.each([
    ['a seq2seq dtype without its merged decoder', (e: ReturnType<typeof base>) => (e.dtypes.q8!.files = e.dtypes.q8!.files.slice(0, 1)), /dtypes.q8 lacks onnx\/decoder_model_merged_quantized.onnx/],
    ['a causal file in a seq2seq model', (e: ReturnType<typeof base>) => e.dtypes.q8!.files.push({ path: 'onnx/model_quantized.onnx', bytes: 1 }), /lists onnx\/model_quantized.onnx/],
    ['a verified fact without a source', (e: ReturnType<typeof base>) => (e.licence = { value: 'mit', verified: true }), /licence is marked verified without a source/],
    ['an unverified fact without a reason', (e: ReturnType<typeof base>) => (e.contextTokens = { value: 1024, verified: false }), /contextTokens is unverified: say why/],
    ['an unverified default dtype', (e: ReturnType<typeof base>) => ((e.dtypes.fp16 = unseenFp16()), (e.defaultDtype = 'fp16')), /defaultDtype "fp16" must be a verified variant/],
    ['an exact size nobody checked', (e: ReturnType<typeof base>) => ((e.dtypes.fp16 = unseenFp16()), (e.dtypes.fp16.files[0] = { path: 'onnx/encoder_model_fp16.onnx', bytes: 5, exact: true })), /claims an exact size/],
    ['a size note without a size', (e: ReturnType<typeof base>) => (e.dtypes.q8!.files[1] = { path: 'onnx/decoder_model_merged_quantized.onnx', sizeNote: 'reported' }), /has a size note but no size/],
    ['a reported size claimed exact', (e: ReturnType<typeof base>) => (e.dtypes.q8!.files[1] = { path: 'onnx/decoder_model_merged_quantized.onnx', bytes: 5, exact: true, sizeNote: 'reported' }), /cannot be exact with a reported size/],
    ['an unknown style', (e: ReturnType<typeof base>) => (e.styles = ['poem' as never]), /styles must be/],
    ['a bad family', (e: ReturnType<typeof base>) => (e.family = 'rnn' as never), /family must be one of/],
    ['a checked revision that is not a commit', (e: ReturnType<typeof base>) => (e.checkedAt = { revision: 'main', source: 'x' }), /checkedAt.revision must be a commit id/],
    ['a checked revision without a source', (e: ReturnType<typeof base>) => (e.checkedAt = { revision: 'abcdef1', source: ' ' }), /checkedAt needs the source/],
    ['a real entry without per-backend dtypes', (e: ReturnType<typeof base>) => delete e.backendDtypes, /backendDtypes is missing/],
    ['q8 as the WebGPU default', (e: ReturnType<typeof base>) => (e.backendDtypes = { webgpu: 'q8', why: 'x' }), /backendDtypes.webgpu may not be q8/],
    ['float16 as the WASM default', (e: ReturnType<typeof base>) => (e.backendDtypes = { wasm: 'fp16', why: 'x' }), /backendDtypes.wasm may not be fp16/],
    ['an unverified backend default', (e: ReturnType<typeof base>) => ((e.dtypes.fp16 = unseenFp16()), (e.backendDtypes = { wasm: 'fp16', webgpu: 'fp16', why: 'x' })), /backendDtypes.webgpu "fp16" must be a verified variant/],
  ])('rejects %s', (_name, spoil, message) => {
    const e = base();
    spoil(e);
    expect(validateEntry(e).join('\n')).toMatch(message);
  });

  it('rejects duplicate ids', () => {
    expect(validateCatalogue([CATALOGUE[0], CATALOGUE[0]])).toEqual(['distilbart-cnn-6-6: duplicate id']);
  });
});

function listFiles(dir: string): Map<string, number> {
  const out = new Map<string, number>();
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.set(relative(dir, p).split(sep).join('/'), statSync(p).size);
    }
  };
  walk(dir);
  return out;
}
