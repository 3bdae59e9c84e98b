#!/usr/bin/env bash
# Installs dependencies when missing, builds the app and serves it (prints the URL).
set -euo pipefail
cd "$(dirname "$0")/.."
PORT="${PORT:-4173}"
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "== installing dependencies (npm ci)"
  npm ci --no-audit --no-fund
fi
echo "== building"
npx vite build
echo
echo "PaperLens: open http://localhost:${PORT}/   (Ctrl+C stops the server)"
echo
exec npx vite preview --port "$PORT" --strictPort "$@"
