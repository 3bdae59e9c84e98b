// A stand-in Hugging Face hub for browser tests: the DistilBART repository answered with the
// tiny-bart fixture's files (test-only; what is under test is the download, cache and load path).
import type { Page } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const HUB_FIXTURE = join(import.meta.dirname, '../models/fixtures/tiny-bart');

/** Routes the hub URLs of Xenova/distilbart-cnn-6-6 to the fixture; returns the log of "METHOD path" requests. */
export async function fakeHub(page: Page): Promise<string[]> {
  const requests: string[] = [];
  await page.route('https://huggingface.co/Xenova/distilbart-cnn-6-6/resolve/main/**', async (route) => {
    const path = decodeURIComponent(new URL(route.request().url()).pathname.split('/resolve/main/')[1]);
    requests.push(`${route.request().method()} ${path}`);
    const file = join(HUB_FIXTURE, path);
    const headers = { 'Access-Control-Allow-Origin': '*', 'Cross-Origin-Resource-Policy': 'cross-origin' };
    if (!existsSync(file)) return route.fulfill({ status: 404, headers, body: 'not found' });
    await route.fulfill({ status: 200, headers: { ...headers, 'Content-Type': 'application/octet-stream' }, body: readFileSync(file) });
  });
  return requests;
}
