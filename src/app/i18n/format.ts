// Numbers, sizes, durations and dates in the interface language, through Intl. English output
// matches what the page showed before it had languages (e2e specs read it).
import { language } from './index';

const cache = new Map<string, Intl.NumberFormat>();

function nf(options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = language() + JSON.stringify(options);
  let f = cache.get(key);
  if (!f) cache.set(key, (f = new Intl.NumberFormat(language() === 'zh' ? 'zh-CN' : 'en-US', options)));
  return f;
}

export function formatCount(n: number): string {
  return nf({}).format(n);
}

/** A number with a fixed count of decimals ("12.5"). */
export function formatFixed(n: number, digits: number): string {
  return nf({ minimumFractionDigits: digits, maximumFractionDigits: digits, useGrouping: false }).format(n);
}

const UNITS = ['kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;

/**
 * Decimal sizes (kB, MB, GB): three significant digits, at most `maxDecimals` after the point.
 * Bytes below 1000 are "B" in every language (Intl's English unit is "byte").
 */
export function formatBytes(n: number, maxDecimals = 1): string {
  if (n < 1000) return `${nf({}).format(n)} B`;
  let v = n;
  let i = -1;
  do {
    v /= 1000;
    i++;
  } while (v >= 1000 && i < UNITS.length - 1);
  const digits = v >= 100 ? 0 : maxDecimals;
  return nf({ style: 'unit', unit: UNITS[i], unitDisplay: 'short', minimumFractionDigits: digits, maximumFractionDigits: digits }).format(v);
}

/** "850 ms", "3.2 s" (English); "850毫秒", "3.2秒" (Chinese). */
export function formatDuration(ms: number): string {
  if (ms < 1000) return language() === 'zh' ? nf({ style: 'unit', unit: 'millisecond' }).format(Math.max(1, Math.round(ms))) : `${Math.max(1, Math.round(ms))} ms`;
  const secs = formatFixed(ms / 1000, 1);
  return language() === 'zh' ? `${secs} 秒` : `${secs} s`;
}

export function formatMs(ms: number): string {
  return language() === 'zh' ? `${formatCount(Math.round(ms))} 毫秒` : `${Math.round(ms)} ms`;
}

export function formatDateTime(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString(language() === 'zh' ? 'zh-CN' : undefined);
}

/** The date part of an ISO timestamp as the language writes it ("2026-12-01", "2026/12/1"). */
export function formatDate(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso.slice(0, 10);
  // English exports always carried the ISO date; keep it so existing files read the same.
  return language() === 'zh' ? new Intl.DateTimeFormat('zh-CN', { dateStyle: 'long', timeZone: 'UTC' }).format(d) : iso.slice(0, 10);
}

export function formatList(items: string[]): string {
  return new Intl.ListFormat(language() === 'zh' ? 'zh-CN' : 'en', { style: 'narrow', type: 'unit' }).format(items);
}
