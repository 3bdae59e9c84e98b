// The memory estimate that warns before a model is likely to crash the tab.
import { describe, expect, it } from 'vitest';
import { estimatePeakBytes, memoryWarnings, WASM_LIMIT_BYTES, type DeviceFacts } from '../../src/app/recovery/memoryCheck';

const MB = 1024 ** 2;
const GB = 1024 ** 3;
const roomy: DeviceFacts = { deviceMemoryGiB: 8, jsHeapLimitBytes: 4 * GB, storageFreeBytes: 50 * GB };

describe('memoryWarnings', () => {
  it('says nothing for a small model on a roomy device, or when nothing is known', () => {
    expect(memoryWarnings(300 * MB, 'auto', roomy)).toEqual([]);
    expect(memoryWarnings(300 * MB, 'wasm', { deviceMemoryGiB: null, jsHeapLimitBytes: null, storageFreeBytes: null })).toEqual([]);
    expect(memoryWarnings(0, 'wasm', { ...roomy, deviceMemoryGiB: 1 })).toEqual([]);
  });

  it('grows with the model and stays above the file size', () => {
    expect(estimatePeakBytes(1 * GB)).toBeGreaterThan(2 * GB);
    expect(estimatePeakBytes(2 * GB)).toBeGreaterThan(estimatePeakBytes(1 * GB));
  });

  const table: [string, number, 'webgpu' | 'wasm' | 'auto', Partial<DeviceFacts>, RegExp][] = [
    ['a 2 GB model on WASM exceeds wasm32', 2 * GB, 'wasm', {}, /more than the 4 GB WebAssembly can use/],
    ['a 1 GB model on a 2 GB phone', 1 * GB, 'auto', { deviceMemoryGiB: 2 }, /this device reports 2 GB/],
    ['files near the JS heap limit', 1.8 * GB, 'webgpu', { jsHeapLimitBytes: 2 * GB }, /close to the browser's memory limit/],
    ['no storage left to keep it', 500 * MB, 'auto', { storageFreeBytes: 100 * MB }, /downloaded again next time/],
  ];
  it.each(table)('%s', (_, bytes, backend, facts, message) => {
    const w = memoryWarnings(bytes, backend, { ...roomy, ...facts });
    expect(w.some((x) => message.test(x)), w.join(' | ')).toBe(true);
  });

  it('does not blame WASM limits on a WebGPU run', () => {
    expect(memoryWarnings(WASM_LIMIT_BYTES, 'webgpu', roomy).join(' ')).not.toMatch(/WebAssembly/);
  });
});
