/**
 * Draws the add-in icons (assets/icon-16/32/64/80.png): a green sheet with a white
 * tick over grid lines. Run `npx tsx scripts/make-icons.ts` after changing the design.
 */

import { writeFileSync } from "node:fs";
import { deflateSync } from "node:zlib";

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

function png(size: number, pixel: (x: number, y: number) => [number, number, number, number]): Buffer {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = pixel(x, y);
      const o = y * (size * 4 + 1) + 1 + x * 4;
      raw[o] = r;
      raw[o + 1] = g;
      raw[o + 2] = b;
      raw[o + 3] = a;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** Distance from point p to segment ab, in unit coordinates. */
function segDist(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

function icon(size: number): Buffer {
  const S = 4; // supersampling for smooth edges
  return png(size, (x, y) => {
    let cover = 0;
    let white = 0;
    for (let sy = 0; sy < S; sy++)
      for (let sx = 0; sx < S; sx++) {
        const u = (x + (sx + 0.5) / S) / size;
        const v = (y + (sy + 0.5) / S) / size;
        const r = 0.16;
        const cx = Math.min(Math.max(u, r + 0.04), 0.96 - r);
        const cy = Math.min(Math.max(v, r + 0.04), 0.96 - r);
        if (Math.hypot(u - cx, v - cy) > r) continue;
        cover++;
        const tick =
          Math.min(segDist(u, v, 0.26, 0.52, 0.43, 0.7), segDist(u, v, 0.43, 0.7, 0.76, 0.3)) < 0.075;
        const grid = size >= 32 && (Math.abs(v - 0.33) < 0.012 || Math.abs(u - 0.33) < 0.012) && !tick;
        if (tick) white += 1;
        else if (grid) white += 0.35;
      }
    const n = S * S;
    if (cover === 0) return [0, 0, 0, 0];
    const wf = white / cover;
    const mix = (a: number, b: number) => Math.round(a + (b - a) * wf);
    return [mix(0x10, 255), mix(0x7c, 255), mix(0x41, 255), Math.round((255 * cover) / n)];
  });
}

for (const size of [16, 32, 64, 80]) writeFileSync(`assets/icon-${size}.png`, icon(size));
