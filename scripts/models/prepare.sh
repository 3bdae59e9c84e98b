#!/usr/bin/env bash
# `npm run models`: makes (or reuses) a pinned Python environment in the cache folder, then runs
# prepare.py, which converts the real models and exports the test fixtures (see the README's model
# preparation notes).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
cache="${PAPERLENS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/paperlens}"
key=$(sha256sum "$here/requirements.txt" | cut -c1-12)
venv="$cache/venv-$key"
python="${PYTHON:-python3}"

if [ ! -f "$venv/.complete" ]; then
  echo "[models] creating the Python environment $venv (first run only: a few minutes)"
  rm -rf "$venv"
  mkdir -p "$cache"
  "$python" -m venv "$venv"
  log="$cache/pip-install.log"
  if ! "$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$here/requirements.txt" >"$log" 2>&1; then
    echo "models: could not install the pinned Python packages from PyPI ($(grep -E 'ERROR|error' "$log" | tail -n 1 || tail -n 1 "$log")); full log: $log" >&2
    exit 1
  fi
  touch "$venv/.complete"
fi
exec "$venv/bin/python" "$here/prepare.py" --cache "$cache" "$@"
