#!/usr/bin/env bash
# Both sides' benchmark on an NVIDIA machine without a browser (see README.md here). From the
# repository root, with node_modules installed and models/local/smollm2-135m-instruct present.
set -euo pipefail
cd "$(dirname "$0")/../.."
nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv || echo "(no nvidia-smi)"
# Dawn's Node binding: a prebuilt addon, installed for this run only (not a project dependency).
[ -d node_modules/webgpu ] || npm install --no-save --no-package-lock webgpu
mkdir -p bench/out
timeout "${DEVICE_TIMEOUT:-540}" npx tsx bench/gpu/device.ts "$@" 2>&1 | tee bench/out/gpu-device.log
