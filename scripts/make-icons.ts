/**
 * Draws the add-in's icon (three traffic lights on a dark rounded tile) at the sizes the
 * manifest asks for, as PNG files in assets/. Run with `npm run icons`; the PNGs are committed.
 */
import { writeFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { crc32, deflateSync } from "node:zlib";

function png(width: number, height: number, rgba: Uint8Array): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
    const out = Buffer.alloc(8 + data.length + 4);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), 8 + data.length);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8;
  header[9] = 6;
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0;
    Buffer.from(rgba.subarray(y * width * 4, (y + 1) * width * 4)).copy(raw, y * (width * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(raw)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

const TILE = [31, 56, 100];
const LIGHTS = [
  [232, 17, 35],
  [255, 185, 0],
  [16, 124, 16],
];

type Painter = (x: number, y: number, size: number) => number[] | null;

/** Traffic lights on the tile: the add-in's own icon. */
const trafficLights: Painter = (x, y, size) => {
  let colour: number[] = TILE;
  LIGHTS.forEach((light, i) => {
    if (Math.hypot(x - size / 2, y - size * (0.22 + 0.28 * i)) <= size * 0.12) colour = light;
  });
  return colour;
};

/** A circular arrow on the tile: Refresh. */
const refreshArrow: Painter = (x, y, size) => {
  const cx = size / 2;
  const cy = size / 2;
  const r = Math.hypot(x - cx, y - cy) / size;
  const angle = (Math.atan2(y - cy, x - cx) * 180) / Math.PI;
  const onRing = r >= 0.24 && r <= 0.34 && !(angle > -75 && angle < -15);
  const tip = {
    x: cx + size * 0.29 * Math.cos((-15 * Math.PI) / 180),
    y: cy + size * 0.29 * Math.sin((-15 * Math.PI) / 180),
  };
  const dx = x - tip.x;
  const dy = y - tip.y;
  const inHead = dy <= size * 0.0 && dy >= -size * 0.17 && Math.abs(dx) <= (dy + size * 0.17) * 0.9;
  return onRing || inHead ? [255, 255, 255] : TILE;
};

function icon(size: number, paint: Painter): Buffer {
  const px = new Uint8Array(size * size * 4);
  const samples = 4;
  const radius = size * 0.18;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const fx = x + (sx + 0.5) / samples;
          const fy = y + (sy + 0.5) / samples;
          const cx = Math.min(Math.max(fx, radius), size - radius);
          const cy = Math.min(Math.max(fy, radius), size - radius);
          if (Math.hypot(fx - cx, fy - cy) > radius) continue;
          const colour = paint(fx, fy, size) ?? TILE;
          r += colour[0]!;
          g += colour[1]!;
          b += colour[2]!;
          a += 255;
        }
      }
      const n = samples * samples;
      const covered = a / 255;
      const i = (y * size + x) * 4;
      px[i] = covered ? Math.round(r / covered) : 0;
      px[i + 1] = covered ? Math.round(g / covered) : 0;
      px[i + 2] = covered ? Math.round(b / covered) : 0;
      px[i + 3] = Math.round(a / n);
    }
  }
  return png(size, size, px);
}

const dir = path.join(__dirname, "..", "assets");
mkdirSync(dir, { recursive: true });
for (const size of [16, 32, 64, 80, 128]) {
  writeFileSync(path.join(dir, `icon-${size}.png`), icon(size, trafficLights));
  writeFileSync(path.join(dir, `refresh-${size}.png`), icon(size, refreshArrow));
}
console.log(`Wrote icons to ${dir}`);
