import { defineConfig, devices } from '@playwright/test';

// Debian's Chromium (installed by scripts/test-all.sh); Playwright cannot download browsers here.
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const PORT = Number(process.env.E2E_PORT ?? 4179);
const OUT_DIR = `.vite/e2e-dist-${PORT}`;

// Keep the closed network quiet; root needs no sandbox (Playwright passes --no-sandbox itself).
const baseArgs = ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

export default defineConfig({
  testDir: 'e2e',
  timeout: 90_000,
  expect: { timeout: 20_000 },
  fullyParallel: false,
  // Two cores: one browser at a time keeps SwiftShader and ORT threads from starving each other.
  workers: 1,
  retries: 0,
  reporter: process.env.CI ? 'line' : [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    acceptDownloads: true,
    trace: 'retain-on-failure',
    ...devices['Desktop Chrome'],
  },
  projects: [
    {
      // No WebGPU flag: navigator.gpu has no adapter, so the app must choose WASM by itself.
      name: 'wasm',
      use: { launchOptions: { executablePath, args: baseArgs } },
    },
    {
      // SwiftShader's software WebGPU adapter: proves the WebGPU path, never its speed.
      name: 'webgpu',
      use: { launchOptions: { executablePath, args: [...baseArgs, '--enable-unsafe-webgpu'] } },
    },
  ],
  webServer: {
    // Its own build folder per port: a run never rewrites the files another run (or `npm start`) serves.
    command: `npx vite build --outDir ${OUT_DIR} --emptyOutDir && npx vite preview --outDir ${OUT_DIR} --port ${PORT} --strictPort --host 127.0.0.1`,
    url: `http://127.0.0.1:${PORT}`,
    // Never reuse: a stale preview would serve an old build.
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
