"""The dtype variants of an fp32 ONNX graph, made with the recipe of transformers.js's own
scripts/quantize.py (read with the search tool, Dec 2026):

- q8 (`_quantized`): onnxruntime dynamic quantization (IntegerOps: DynamicQuantizeLinear +
  MatMulInteger), QInt8 weights (QUInt8 only when the graph has Conv/GroupQueryAttention),
  EnableSubgraph and MatMulConstBOnly; per-channel and reduce-range off for decoder-only families
  (llama, qwen2, ...) and on for the others, as its convert.py sets them.
- q4 (`_q4`): onnxruntime's MatMul 4-bit quantizer (MatMulNBits), block 32, symmetric.
- fp16 (`_fp16`): float32 -> float16 of weights and activations.
- q4f16 (`_q4f16`): q4 first, then fp16.

Where ours differs, and why:
- fp16 uses onnxruntime.transformers.float16 (the maintained original of transformers.js's
  vendored float16.py) with its default op block list. It cannot convert a merged decoder (If
  branches end up reading values it removed), so a merged decoder's fp16/q4f16 variants are made
  by converting decoder_model and decoder_with_past_model and merging them with Optimum.
- transformers.js keeps every graph input/output in float32 (keep_io_types=True), and so do we for
  encoder-decoder graphs. The hub's fp16/q4f16 decoder-only exports declare a float16 KV cache
  (config.json `transformers.js_config.kv_cache_dtype`), so for decoder-only graphs we keep only
  the logits in float32 and let the past/present tensors become float16: the engine must handle a
  half-precision cache, as it does with the files users download.
- onnxslim is not run (one less pinned package; it only tidies the graph).
"""
from __future__ import annotations

from pathlib import Path

import onnx
from onnxruntime.quantization import QuantType, QuantizationMode
from onnxruntime.quantization.matmul_nbits_quantizer import MatMulNBitsQuantizer
from onnxruntime.quantization.onnx_quantizer import ONNXQuantizer
from onnxruntime.quantization.registry import IntegerOpsRegistry
from onnxruntime.transformers.float16 import convert_float_to_float16

from common import log

DTYPE_SUFFIX = {"fp32": "", "q8": "_quantized", "q4": "_q4", "fp16": "_fp16", "q4f16": "_q4f16"}
QUINT8_OPS = {"Conv", "GroupQueryAttention", "MultiHeadAttention"}
NO_PER_CHANNEL_REDUCE_RANGE = {"llama", "qwen2", "gpt2", "mistral", "phi3", "gemma"}
# Stays float32 in half-KV graphs (integer inputs are unaffected anyway), so the vocabulary-wide
# softmax and beam scores keep their precision.
FLOAT32_IO = ["logits"]


def operators(model: onnx.ModelProto) -> set[str]:
    ops: set[str] = set()

    def walk(graph: onnx.GraphProto) -> None:
        for node in graph.node:
            ops.add(node.op_type)
            for attr in node.attribute:
                if attr.type == onnx.AttributeProto.GRAPH:
                    walk(attr.g)

    walk(model.graph)
    return ops


def q8(model: onnx.ModelProto, model_type: str) -> onnx.ModelProto:
    per_channel = model_type not in NO_PER_CHANNEL_REDUCE_RANGE
    weight_type = QuantType.QUInt8 if operators(model) & QUINT8_OPS else QuantType.QInt8
    q = ONNXQuantizer(
        model,
        per_channel,
        per_channel,  # reduce_range follows per_channel, as in transformers.js's convert.py
        mode=QuantizationMode.IntegerOps,
        static=False,
        weight_qType=weight_type,
        activation_qType=QuantType.QUInt8,
        tensors_range=None,
        nodes_to_quantize=[],
        nodes_to_exclude=[],
        op_types_to_quantize=set(IntegerOpsRegistry.keys()),
        extra_options={"EnableSubgraph": True, "MatMulConstBOnly": True},
    )
    q.quantize_model()
    return q.model.model


def q4(model: onnx.ModelProto) -> onnx.ModelProto:
    q = MatMulNBitsQuantizer(model=model, block_size=32, is_symmetric=True)
    q.process()
    return q.model.model


def fp16(model: onnx.ModelProto, half_kv: bool) -> onnx.ModelProto:
    names = {v.name for v in [*model.graph.input, *model.graph.output]}
    keep: bool | list[str] = [n for n in FLOAT32_IO if n in names] if half_kv else True
    model = convert_float_to_float16(model, keep_io_types=keep, disable_shape_infer=model.ByteSize() > 2**31 - 1)
    return topological(model)


def topological(model: onnx.ModelProto) -> onnx.ModelProto:
    """The float16 pass appends its input casts at the end of the node list; ONNX wants producers
    before consumers (transformers.js runs onnxslim for this), and Optimum's merge checks it."""
    g = model.graph
    ready = {i.name for i in g.input} | {t.name for t in g.initializer} | {""}
    pending = list(g.node)
    ordered = []
    while pending:
        rest = []
        for n in pending:
            if all(i in ready for i in n.input):
                ordered.append(n)
                ready.update(n.output)
            else:
                rest.append(n)
        if len(rest) == len(pending):
            raise ValueError(f"cycle or dangling input at {rest[0].name}")
        pending = rest
    del g.node[:]
    g.node.extend(ordered)
    return model


def merged_half(decoder: Path, with_past: Path, out: Path, q4_first: bool) -> None:
    """fp16 (or q4f16) of a merged seq2seq decoder: each of the two decoders is converted, then
    Optimum merges them under one If, as it merges the fp32 pair. Converting the merged graph
    itself leaves its If branches reading casts that no longer exist, which ORT refuses."""
    from optimum.onnx import merge_decoders

    log(f"  {decoder.name} + {with_past.name} -> {out.name}")
    halves = []
    for p in (decoder, with_past):
        m = onnx.load_model(str(p))
        halves.append(fp16(q4(m) if q4_first else m, half_kv=False))
    merge_decoders(halves[0], halves[1], strict=False, save_path=out)


def save(model: onnx.ModelProto, path: Path) -> None:
    # One file, like the hub's graphs under 2 GB; the bigger ones go to external data.
    big = model.ByteSize() > 2**31 - 1
    onnx.save_model(model, str(path), save_as_external_data=big, location=path.name + "_data" if big else None)


def variants(fp32_path: Path, model_type: str, dtypes: list[str], half_kv: bool) -> None:
    """Writes <name>_<suffix>.onnx next to the fp32 graph for each dtype asked; `half_kv`: decoder-only
    graphs, whose fp16 variants take and return a float16 KV cache."""
    base = fp32_path.with_suffix("")
    for dtype in dtypes:
        if dtype == "fp32":
            continue
        out = Path(f"{base}{DTYPE_SUFFIX[dtype]}.onnx")
        log(f"  {fp32_path.name} -> {out.name}")
        model = onnx.load_model(str(fp32_path))
        if dtype == "q8":
            model = q8(model, model_type)
        elif dtype == "q4":
            model = q4(model)
        elif dtype == "fp16":
            model = fp16(model, half_kv)
        elif dtype == "q4f16":
            model = fp16(q4(model), half_kv)
        else:
            raise ValueError(dtype)
        save(model, out)
