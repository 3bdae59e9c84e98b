#!/usr/bin/env bash
# Installs everything the tests need on a fresh Debian machine, then runs every test.
# This is the README's test command and exactly what CI (.ci/run) runs.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v chromium >/dev/null 2>&1 && [ ! -x /usr/bin/chromium ]; then
  echo "== installing Debian's Chromium (Playwright cannot download browsers here)"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq && $SUDO apt-get install -y -qq chromium >/dev/null
fi

# A font with CJK glyphs for the embedded-font Chinese PDF test (skipped where it is missing).
if [ ! -f /usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf ]; then
  echo "== installing fonts-droid-fallback (a CJK font for the Chinese PDF test)"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  ($SUDO apt-get update -qq && $SUDO apt-get install -y -qq fonts-droid-fallback >/dev/null) || echo "   not installed: that test is skipped"
fi

echo "== npm ci"
npm ci --no-audit --no-fund

echo "== model preparation (Python: the real SmolLM2 model, the Optimum fixtures, the transformers reference; cached)"
npm run models

echo "== typecheck"
npm run typecheck

echo "== unit tests (vitest, Node)"
npx vitest run

echo "== build"
npx vite build

echo "== browser tests (Playwright, Debian Chromium: wasm and webgpu projects)"
npx playwright test
