// Smoke check of the dev server (not part of the suite): loads a fixture and summarizes.
import { chromium } from '@playwright/test';
import { paperAsText } from '../paper';
const base = process.env.BASE_URL ?? 'http://127.0.0.1:5179';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
const page = await browser.newPage();
page.on('console', (m) => console.log('console:', m.text().slice(0, 200)));
await page.goto(base + '/?model=fixtures/tiny-bart');
await page.getByTestId('backend').filter({ hasText: /^(webgpu|wasm)/ }).waitFor({ timeout: 60_000 });
console.log('backend:', await page.getByTestId('backend').textContent());
await page.getByTestId('paper-input').fill(paperAsText());
await page.getByTestId('summarize').click();
await page.getByTestId('status').filter({ hasText: /done|error/ }).waitFor({ timeout: 60_000 });
console.log('status:', await page.getByTestId('status').textContent());
await browser.close();
