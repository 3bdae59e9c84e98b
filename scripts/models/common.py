"""Shared pieces of the model-preparation steps: logging, failing in one line, cache keys, copies."""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
_started = time.monotonic()


def log(msg: str) -> None:
    print(f"[models {time.monotonic() - _started:6.1f}s] {msg}", flush=True)


class PrepError(Exception):
    """A failure the user can act on; prepare.py prints it as one line and exits 1."""


def step_key(*parts: str | Path) -> str:
    """Cache key of a step: its source files' bytes, the pinned requirements and any extra strings."""
    h = hashlib.sha256()
    for p in (HERE / "requirements.txt", HERE / "common.py", *parts):
        if isinstance(p, Path):
            h.update(p.read_bytes())
        else:
            h.update(p.encode())
        h.update(b"\0")
    return h.hexdigest()[:16]


def write_json(path: Path, value: object) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(value, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def read_json(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def sync_tree(src: Path, dst: Path) -> None:
    """Makes dst an exact copy of src (hard links where the file system allows): stale files go."""
    if dst.exists():
        shutil.rmtree(dst)
    dst.parent.mkdir(parents=True, exist_ok=True)

    def link_or_copy(s: str, d: str) -> None:
        try:
            os.link(s, d)
        except OSError:
            shutil.copy2(s, d)

    shutil.copytree(src, dst, copy_function=link_or_copy)


def done_marker(folder: Path) -> Path:
    return folder / ".paperlens-complete"


def cached(folder: Path) -> bool:
    return done_marker(folder).exists()


def mark_done(folder: Path, info: dict) -> None:
    write_json(done_marker(folder), info)


def fresh_dir(path: Path) -> Path:
    if path.exists():
        shutil.rmtree(path)
    path.mkdir(parents=True)
    return path


def die(msg: str) -> None:
    print(f"models: {msg}", file=sys.stderr, flush=True)
    sys.exit(1)
