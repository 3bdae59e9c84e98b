"""Reference outputs from the Python `transformers` library (the seed's library) on the same
weights the ONNX graphs came from: greedy and beam search with the options each case names.
test/reference/python-parity.test.ts holds our engine to these token ids."""
from __future__ import annotations

from pathlib import Path

from common import HERE, REPO, log, read_json, write_json

CASES = REPO / "test" / "reference" / "cases.json"
SOURCES = [HERE / "reference.py", CASES]


def prompt_ids(tok, model, case: dict) -> list[int]:
    if model.config.is_encoder_decoder:
        # As the summarization pipeline and our engine do: the config's task prefix ("summarize: ").
        prefix = ((model.config.task_specific_params or {}).get("summarization") or {}).get("prefix", "")
        return tok(prefix + case["input"])["input_ids"]
    messages = [{"role": "user", "content": case["input"]}]
    if case.get("system"):
        messages.insert(0, {"role": "system", "content": case["system"]})
    return tok.apply_chat_template(messages, add_generation_prompt=True, tokenize=True)


def run_case(case: dict, weights: Path) -> dict:
    import torch
    from transformers import AutoModelForCausalLM, AutoModelForSeq2SeqLM, AutoTokenizer, pipeline

    tok = AutoTokenizer.from_pretrained(weights)
    config = read_json(weights / "config.json")
    auto = AutoModelForSeq2SeqLM if config.get("is_encoder_decoder") else AutoModelForCausalLM
    model, info = auto.from_pretrained(weights, dtype=torch.float32, output_loading_info=True)
    if any(info[k] for k in ("missing_keys", "unexpected_keys", "mismatched_keys")):
        # A weight initialised afresh here would not be the one the ONNX graph holds.
        raise RuntimeError(f"{weights}: the saved weights do not load cleanly: {info}")
    model.eval()
    ids = prompt_ids(tok, model, case)
    options = dict(case["options"])
    if case.get("pipeline") == "summarization":
        # The seed's exact call: pipeline("summarization")(text, max_length=50, min_length=8, do_sample=False).
        summarizer = pipeline("summarization", model=model, tokenizer=tok, device="cpu")
        text = summarizer(case["input"], **options)[0]["summary_text"]
        with torch.no_grad():
            out = model.generate(torch.tensor([ids]), attention_mask=torch.ones(1, len(ids), dtype=torch.long), **options)
        new = out[0].tolist()[1:]
        if tok.decode(new, skip_special_tokens=True, clean_up_tokenization_spaces=True) != text:
            raise RuntimeError(f"{case['id']}: generate() and the pipeline disagree")
    else:
        with torch.no_grad():
            out = model.generate(
                torch.tensor([ids]),
                attention_mask=torch.ones(1, len(ids), dtype=torch.long),
                pad_token_id=model.generation_config.pad_token_id if model.generation_config.pad_token_id is not None else tok.pad_token_id,
                **options,
            )
        row = out[0].tolist()
        new = row[1:] if model.config.is_encoder_decoder else row[len(ids):]
        text = tok.decode(new, skip_special_tokens=True)
    # Trailing pad tokens are how generate() fills finished rows; the ids that count end at EOS.
    return {"input_ids": ids, "output_ids": new, "text": text}


def build(out: Path, weights_of: dict[str, Path]) -> None:
    cases = read_json(CASES)["cases"]
    results = {}
    for case in cases:
        weights = weights_of.get(case["model"])
        if weights is None:
            raise RuntimeError(f"{case['id']}: no weights for {case['model']}")
        log(f"reference: {case['id']} ({case['model']}, {case['options']})")
        results[case["id"]] = run_case(case, weights)
    write_json(out, {"generatedBy": "scripts/models/reference.py (Python transformers)", "results": results})
