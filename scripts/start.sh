#!/usr/bin/env bash
# Installs dependencies when missing, builds the app and serves it (prints the URL).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d node_modules ] || npm ci --no-audit --no-fund
npx vite build
exec npx vite preview --port "${PORT:-4173}" --strictPort "$@"
