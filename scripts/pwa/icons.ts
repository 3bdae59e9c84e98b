// Writes the app icons (public/icons/*.png) from a few shapes, with a minimal PNG encoder, so no
// image tool is needed: `npx tsx scripts/pwa/icons.ts`. The PNGs are committed; rerun after a change.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  Buffer.from(data).copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/** RGBA pixels -> PNG bytes. */
export function encodePng(width: number, height: number, rgba: Uint8Array): Buffer {
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0; // filter: none
    Buffer.from(rgba.subarray(y * width * 4, (y + 1) * width * 4)).copy(raw, y * (width * 4 + 1) + 1);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', new Uint8Array())]);
}

/** A page with text lines under a magnifying lens, on the theme colour; `pad` shrinks it for maskable icons. */
export function drawIcon(size: number, pad = 0): Uint8Array {
  const px = new Uint8Array(size * size * 4);
  const bg = [0x1f, 0x4e, 0x79];
  const paper = [0xf7, 0xf4, 0xec];
  const ink = [0x8a, 0x9b, 0xad];
  const lens = [0xf2, 0xb1, 0x34];
  const s = (v: number) => pad * size + v * size * (1 - 2 * pad);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let c = bg;
      const inPage = x >= s(0.22) && x <= s(0.7) && y >= s(0.16) && y <= s(0.84);
      if (inPage) {
        c = paper;
        const line = (y - s(0.26)) / (size * 0.085);
        if (line >= 0 && line < 6 && line % 1 < 0.35 && x >= s(0.28) && x <= s(0.64)) c = ink;
      }
      const dx = x - s(0.6);
      const dy = y - s(0.56);
      const r = Math.hypot(dx, dy);
      const ring = size * (1 - 2 * pad) * 0.17;
      if (r >= ring && r <= ring * 1.3) c = lens;
      const along = (dx + dy) / Math.SQRT2;
      const across = Math.abs(dx - dy) / Math.SQRT2;
      if (along > ring * 1.25 && along < ring * 2.6 && across < ring * 0.28) c = lens;
      px.set([...c, 255], (y * size + x) * 4);
    }
  }
  return px;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = join(import.meta.dirname, '../../public/icons');
  for (const size of [192, 512]) {
    writeFileSync(join(dir, `icon-${size}.png`), encodePng(size, size, drawIcon(size)));
    writeFileSync(join(dir, `icon-maskable-${size}.png`), encodePng(size, size, drawIcon(size, 0.1)));
  }
}
