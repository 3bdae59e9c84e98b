// The browser half: Debian's Chromium (never a downloaded one) opens /bench.html once per
// model, backend and side, so each side gets a fresh page (clean heap and wasm memory).
import { chromium, type Browser, type Page } from '@playwright/test';
import type { Side, SideResult } from '../src/bench/types';

export const CHROMIUM = '/usr/bin/chromium';
const BASE_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  // Unquantized performance.memory figures.
  '--enable-precise-memory-info',
];

export interface BrowserJob {
  model: string;
  dtype?: string;
  backend: 'wasm' | 'webgpu';
  side: Side;
  runs: number;
  newTokens: number;
  text: 'bench' | 'smoke';
}

export interface BrowserInfo {
  version: string;
  userAgent: string;
  gpu: string;
  crossOriginIsolated: boolean;
  hardwareConcurrency: number;
}

export class BenchBrowser {
  private constructor(
    private readonly browser: Browser,
    private readonly origin: string,
    private readonly log: (msg: string) => void,
  ) {}

  /** WebGPU needs --enable-unsafe-webgpu here (SwiftShader, a software adapter). */
  static async launch(origin: string, webgpu: boolean, log: (msg: string) => void): Promise<BenchBrowser> {
    const args = webgpu ? [...BASE_ARGS, '--enable-unsafe-webgpu'] : BASE_ARGS;
    const browser = await chromium.launch({ executablePath: CHROMIUM, args, headless: true });
    return new BenchBrowser(browser, origin, log);
  }

  async info(): Promise<BrowserInfo> {
    const page = await this.browser.newPage();
    try {
      await page.goto(`${this.origin}/bench.html`);
      await page.waitForFunction(() => (document.getElementById('gpu')?.textContent ?? '') !== '', undefined, { timeout: 15_000 });
      const facts = await page.evaluate(() => ({
        userAgent: navigator.userAgent,
        gpu: document.getElementById('gpu')?.textContent ?? '',
        crossOriginIsolated,
        hardwareConcurrency: navigator.hardwareConcurrency,
      }));
      return { version: this.browser.version(), ...facts };
    } finally {
      await page.close();
    }
  }

  async run(job: BrowserJob, timeoutMs: number): Promise<SideResult> {
    const page = await this.browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    const q = new URLSearchParams({
      auto: '1',
      model: job.model,
      dtype: job.dtype ?? 'fp32',
      backend: job.backend,
      side: job.side,
      runs: String(job.runs),
      tokens: String(job.newTokens),
      text: job.text,
    });
    try {
      await page.goto(`${this.origin}/bench.html?${q}`);
      await this.untilDone(page, `bench page (${job.side} ${job.backend} ${job.model})`, timeoutMs, errors, 500);
      const results = await page.evaluate(() => window.__bench.results);
      const r = results.find((x) => x.side === job.side);
      if (!r) throw new Error(`bench page returned no ${job.side} result`);
      return r;
    } finally {
      await page.close();
    }
  }

  /** A whole-paper side (`?whole=1`): its run as the page left it on window.__bench.whole. */
  async runWhole(query: Record<string, string>, timeoutMs: number): Promise<unknown> {
    const page = await this.browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    try {
      await page.goto(`${this.origin}/bench.html?${new URLSearchParams({ auto: '1', ...query })}`);
      await this.untilDone(page, `whole-paper page (${JSON.stringify(query)})`, timeoutMs, errors, 1000);
      return await page.evaluate(() => window.__bench.whole);
    } finally {
      await page.close();
    }
  }

  /** Polls the bench page until it says done, relaying its log; throws with the page's errors otherwise. */
  private async untilDone(page: Page, what: string, timeoutMs: number, errors: string[], pollMs: number): Promise<void> {
    let shown = 0;
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const s = await page.evaluate(() => ({ state: window.__bench.state, log: window.__bench.log, error: window.__bench.error }));
      for (const line of s.log.slice(shown)) this.log(`  [page] ${line}`);
      shown = s.log.length;
      if (s.state === 'error') throw new Error(`${what} failed: ${s.error}\n${errors.join('\n')}`);
      if (s.state === 'done') return;
      if (Date.now() > deadline) throw new Error(`${what} timed out after ${timeoutMs} ms\n${errors.join('\n')}`);
      await page.waitForTimeout(pollMs);
    }
  }

  close(): Promise<void> {
    return this.browser.close();
  }
}
