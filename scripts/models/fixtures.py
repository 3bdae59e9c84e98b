"""Random-weight test fixtures exported by Optimum, so tests run the operators real exports use
(attention, rotary and relative-position subgraphs, the merged decoder's If, MatMulInteger,
MatMulNBits, float16 casts) instead of hand-built graphs.

Each starts from the config and tokenizer of a committed hand-written fixture in models/fixtures/
(real Hugging Face configs, tokenizers trained on a small corpus), is initialised from a fixed seed
with a wider weight spread than training would use (so the logits of random weights are peaked
enough that PyTorch and ONNX Runtime agree on every argmax), and exported with Optimum in every
dtype the catalogue offers. RANDOM WEIGHTS: tests only, never a summarizer."""
from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path

from common import HERE, REPO, fresh_dir, log, read_json, write_json

DTYPES = ["fp32", "q8", "q4", "fp16", "q4f16"]
HALF = ["fp16", "q4f16"]
COMMITTED = REPO / "models" / "fixtures"
TOKENIZER_FILES = ["tokenizer.json", "tokenizer_config.json"]
# The committed configs and tokenizers the fixtures start from are sources too: a change there rebuilds them.
SOURCES = [
    HERE / "fixtures.py",
    HERE / "quantize.py",
    *[COMMITTED / base / name for base in ("tiny-bart", "tiny-t5", "tiny-qwen2") for name in ["config.json", "generation_config.json", *TOKENIZER_FILES]],
]


@dataclass
class Fixture:
    id: str
    base: str  # committed fixture whose config and tokenizer this one starts from
    task: str
    std: float
    config: dict = field(default_factory=dict)  # changes to the base config
    generation: dict | None = None  # replaces generation_config.json when set
    split: str | None = None  # also write the older three-file seq2seq layout under this id


FIXTURES = [
    # Tied embeddings, as every BART checkpoint has them (the hand-written fixture unties its head).
    Fixture("tiny-bart", "tiny-bart", "text2text-generation-with-past", 0.25, {"tie_word_embeddings": True}, split="tiny-bart-split"),
    # Flan-T5's feed-forward (gated GELU) over T5's relative position buckets.
    Fixture("tiny-flan-t5", "tiny-t5", "text2text-generation-with-past", 0.25, {"feed_forward_proj": "gated-gelu", "dense_act_fn": None, "is_gated_act": None}),
    Fixture("tiny-qwen2", "tiny-qwen2", "text-generation-with-past", 0.25),
    # Llama (SmolLM2's architecture): grouped-query attention, tied embeddings, ChatML tokenizer.
    Fixture(
        "tiny-llama",
        "tiny-qwen2",
        "text-generation-with-past",
        0.25,
        {
            "architectures": ["LlamaForCausalLM"],
            "model_type": "llama",
            "tie_word_embeddings": True,
            "rope_theta": 100000,
            "max_position_embeddings": 8192,
            "rms_norm_eps": 1e-5,
            "head_dim": 16,
            "sliding_window": None,
            "use_sliding_window": None,
            "max_window_layers": None,
        },
    ),
]


def config_for(f: Fixture) -> dict:
    cfg = read_json(COMMITTED / f.base / "config.json")
    for k, v in f.config.items():
        if v is None:
            cfg.pop(k, None)
        else:
            cfg[k] = v
    cfg["_name_or_path"] = f"paperlens/optimum-{f.id}"
    cfg["_comment"] = "PaperLens test fixture: RANDOM WEIGHTS exported by Optimum (scripts/models/fixtures.py). Not a summarizer."
    # Each family names its weight spread differently; T5's factor scales d_model**-0.5 (0.125 here).
    spread = {"bart": ("init_std", f.std), "t5": ("initializer_factor", f.std / 0.125)}
    key, value = spread.get(cfg["model_type"], ("initializer_range", f.std))
    cfg[key] = value
    cfg.pop("transformers_version", None)
    cfg.pop("torch_dtype", None)
    return cfg


def build_one(f: Fixture, out_root: Path, hf_root: Path) -> None:
    import torch
    from optimum.exporters.onnx import main_export
    from transformers import AutoConfig, AutoModelForCausalLM, AutoModelForSeq2SeqLM

    from quantize import DTYPE_SUFFIX, merged_half, variants

    hf = fresh_dir(hf_root / f.id)
    write_json(hf / "config.json", config_for(f))
    for name in TOKENIZER_FILES + ["generation_config.json"]:
        (hf / name).write_bytes((COMMITTED / f.base / name).read_bytes())
    config = AutoConfig.from_pretrained(hf)
    seq2seq = f.task.startswith("text2text")
    torch.manual_seed(20261201)
    auto = AutoModelForSeq2SeqLM if seq2seq else AutoModelForCausalLM
    model = auto.from_config(config)
    model.eval()
    model.save_pretrained(hf)
    (hf / "generation_config.json").write_bytes((COMMITTED / f.base / "generation_config.json").read_bytes())

    export = hf_root / f"{f.id}-onnx"
    log(f"exporting fixture {f.id} with Optimum ({f.task})")
    main_export(str(hf), output=str(export), task=f.task, do_validation=True)

    graphs = ["encoder_model", "decoder_model_merged"] if seq2seq else ["model"]
    layouts = [(f.id, graphs)]
    if f.split:
        layouts.append((f.split, ["encoder_model", "decoder_model", "decoder_with_past_model"]))
    for fid, names in layouts:
        folder = fresh_dir(out_root / fid)
        (folder / "onnx").mkdir()
        for name in ["config.json", "generation_config.json", *TOKENIZER_FILES]:
            (folder / name).write_bytes((hf / name).read_bytes())
        for g in names:
            (folder / "onnx" / f"{g}.onnx").write_bytes((export / f"{g}.onnx").read_bytes())
            # The split layout is the older one, exported in fp32 only (as the hub's old repos are).
            if fid != f.id:
                continue
            if g == "decoder_model_merged":
                variants(folder / "onnx" / f"{g}.onnx", config.model_type, [d for d in DTYPES if d not in HALF], half_kv=False)
                for d in HALF:
                    merged_half(export / "decoder_model.onnx", export / "decoder_with_past_model.onnx", folder / "onnx" / f"{g}{DTYPE_SUFFIX[d]}.onnx", d == "q4f16")
            else:
                variants(folder / "onnx" / f"{g}.onnx", config.model_type, DTYPES, half_kv=not seq2seq)
    shutil.rmtree(export)  # hf_root keeps the PyTorch weights, which the reference step reads


def split_external_data(src: Path, dst: Path, chunks: int = 2) -> None:
    """A copy of a fixture whose fp32 weights sit in `model.onnx_data`, `model.onnx_data_1`, ...
    (the chunked layout of transformers.js-ready repos whose weights exceed one browser buffer),
    tensors dealt out in turn so that every chunk is needed."""
    import onnx
    from onnx.external_data_helper import set_external_data

    folder = fresh_dir(dst)
    (folder / "onnx").mkdir()
    for name in ["config.json", "generation_config.json", *TOKENIZER_FILES]:
        (folder / name).write_bytes((src / name).read_bytes())
    model = onnx.load_model(str(src / "onnx" / "model.onnx"))
    names = [f"model.onnx_data{'' if i == 0 else f'_{i}'}" for i in range(chunks)]
    files = [open(folder / "onnx" / n, "wb") for n in names]
    big = [t for t in model.graph.initializer if len(t.raw_data) >= 1024]
    for i, t in enumerate(big):
        f = files[i % chunks]
        offset = f.tell()
        f.write(t.raw_data)
        set_external_data(t, location=names[i % chunks], offset=offset, length=len(t.raw_data))
        t.ClearField("raw_data")
        t.data_location = onnx.TensorProto.EXTERNAL
    for f in files:
        f.close()
    onnx.save_model(model, str(folder / "onnx" / "model.onnx"))


def build(out_root: Path, hf_root: Path) -> None:
    for f in FIXTURES:
        build_one(f, out_root, hf_root)
    split_external_data(out_root / "tiny-llama", out_root / "tiny-llama-split-data")
