"""`npm run models`: the real model and the Optimum test fixtures, made once and cached.

Writes (all git-ignored):
- models/local/smollm2-135m-instruct/   SmolLM2-135M-Instruct in the transformers.js layout, 5 dtypes
- models/optimum/<fixture>/             random-weight fixtures exported by Optimum, 5 dtypes
- models/optimum/reference.json         Python transformers outputs for test/reference/cases.json
- models/local/all-minilm-l6-v2/        all-MiniLM-L6-v2 (sentence embeddings) in the transformers.js layout, 3 dtypes
- models/optimum/embedding-reference.json  its Python transformers embeddings for test/reference/embedding-cases.json

Each step's output lives in the cache folder under a key made of its sources and the pinned
requirements, so reruns (and CI on a machine that ran it before) only copy; `--force` rebuilds.
"""
from __future__ import annotations

import argparse
import logging
import os
import warnings
import sys
import traceback
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import REPO, PrepError, cached, die, fresh_dir, log, mark_done, step_key, sync_tree  # noqa: E402

import fixtures  # noqa: E402
import minilm  # noqa: E402
import reference  # noqa: E402
import smollm2  # noqa: E402

STEPS = ["smollm2", "fixtures", "reference", "minilm"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cache", type=Path, required=True, help="cache folder (prepare.sh passes $PAPERLENS_CACHE or ~/.cache/paperlens)")
    ap.add_argument("--only", choices=STEPS, action="append", help="run only these steps (repeatable)")
    ap.add_argument("--force", action="store_true", help="rebuild even when the cache has the step")
    args = ap.parse_args()
    steps = args.only or STEPS
    root = args.cache / "models"
    os.environ.setdefault("HF_HUB_OFFLINE", "1")  # nothing here may reach a model hub
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    # The exporters and quantizers log every node; our own lines say what is going on.
    logging.basicConfig(level=logging.WARNING)
    for name in ("onnxruntime", "optimum", "transformers", "torch"):
        logging.getLogger(name).setLevel(logging.ERROR)
    warnings.filterwarnings("ignore")

    smol = root / f"smollm2-{step_key(*smollm2.SOURCES)}"
    fix = root / f"fixtures-{step_key(*fixtures.SOURCES)}"
    ref = root / f"reference-{step_key(*reference.SOURCES, smol.name, fix.name)}"
    mini = root / f"minilm-{step_key(*minilm.SOURCES)}"
    mini_ref = root / f"minilm-reference-{step_key(*minilm.REFERENCE_SOURCES, mini.name)}"

    if "smollm2" in steps or "reference" in steps:
        convert("SmolLM2-135M-Instruct", smollm2, smol, root, args.force)

    if "fixtures" in steps or "reference" in steps:
        if args.force or not cached(fix):
            log(f"exporting the Optimum fixtures into {fix}")
            fixtures.build(fresh_dir(fix / "out"), fresh_dir(fix / "hf"))
            mark_done(fix, {"fixtures": [f.id for f in fixtures.FIXTURES]})
        else:
            log(f"Optimum fixtures: cached ({fix})")
        for f in (fix / "out").iterdir():
            sync_tree(f, REPO / "models" / "optimum" / f.name)

    if "reference" in steps:
        if args.force or not cached(ref):
            weights = {f"optimum/{f.id}": fix / "hf" / f.id for f in fixtures.FIXTURES}
            weights[f"local/{smollm2.MODEL_ID}"] = smol / "hf"
            fresh_dir(ref)
            reference.build(ref / "reference.json", weights)
            mark_done(ref, {})
        else:
            log(f"reference outputs: cached ({ref})")
        publish_reference(ref / "reference.json")

    if "minilm" in steps:
        convert("all-MiniLM-L6-v2", minilm, mini, root, args.force)
        if args.force or not cached(mini_ref):
            fresh_dir(mini_ref)
            minilm.build_reference(mini_ref / "embedding-reference.json", mini / "hf")
            mark_done(mini_ref, {})
        else:
            log(f"reference embeddings: cached ({mini_ref})")
        publish_reference(mini_ref / "embedding-reference.json")
    log("done")


def convert(name: str, module, folder: Path, root: Path, force: bool) -> None:
    """A real model converted once into its cache folder, then copied into models/local/."""
    if force or not cached(folder):
        log(f"converting {name} into {folder}")
        module.build(folder / "model", folder / "hf", fresh_dir(folder / "work"), root / "downloads")
        mark_done(folder, {"dtypes": module.DTYPES})
    else:
        log(f"{name}: cached ({folder})")
    sync_tree(folder / "model", REPO / "models" / "local" / module.MODEL_ID)


def publish_reference(made: Path) -> None:
    """Reference outputs the tests read live in models/optimum/ (git-ignored)."""
    (REPO / "models" / "optimum").mkdir(parents=True, exist_ok=True)
    (REPO / "models" / "optimum" / made.name).write_bytes(made.read_bytes())


if __name__ == "__main__":
    try:
        main()
    except PrepError as e:
        die(str(e))
    except KeyboardInterrupt:
        die("interrupted")
    except Exception as e:  # one clear line, the traceback after it for whoever debugs
        traceback.print_exc()
        die(f"{type(e).__name__}: {e}")
