// Takes UI screenshots (desktop/phone, light/dark) with a finished extractive summary, against a
// running `vite preview` (default http://127.0.0.1:4179). docs/screenshot.png is the README's.
//   npx vite build && npx vite preview --port 4179 &  npx tsx e2e/tools/screenshots.ts [outDir]
import { chromium } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { paperAsText } from '../paper';

const base = process.env.BASE_URL ?? 'http://127.0.0.1:4179';
const out = process.argv[2] ?? 'docs/shots';
const query = process.env.SHOT_QUERY ?? '';

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-first-run', '--disable-background-networking'] });
mkdirSync(out, { recursive: true });
const shots = [
  { name: 'desktop-light', width: 1280, height: 900, scheme: 'light' as const },
  { name: 'desktop-dark', width: 1280, height: 900, scheme: 'dark' as const },
  { name: 'phone-light', width: 390, height: 844, scheme: 'light' as const },
  { name: 'phone-dark', width: 390, height: 844, scheme: 'dark' as const },
];
for (const s of shots) {
  const page = await browser.newPage({ viewport: { width: s.width, height: s.height }, colorScheme: s.scheme });
  await page.goto(base + '/' + query);
  await page.getByTestId('paper-input').fill(paperAsText());
  await page.getByTestId('section-list').waitFor();
  await page.getByTestId('summarize').click();
  await page.getByTestId('status').filter({ hasText: 'done' }).waitFor({ timeout: 60_000 });
  await page.screenshot({ path: join(out, `${s.name}.png`), fullPage: s.width < 800 });
  await page.close();
}
await browser.close();
console.log(`screenshots in ${out}`);
