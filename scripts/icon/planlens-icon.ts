/**
 * The PlanLens mark — a plan (two lines of text) under a lens whose glass is highlighter yellow,
 * on an orange rounded square — described once as a few shapes, written as SVG and rasterised to
 * PNG from the same shapes (signed distances, 4×4 samples per pixel, a small PNG encoder over
 * node:zlib). Nothing is downloaded and no image library is needed: `wxt.config.ts` writes the
 * 16/32/48/128 px icons at build time with {@link writeIconFiles}.
 *
 * @module
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { deflateSync } from 'node:zlib';

/** The icon sizes the manifest names (toolbar 16/32, extensions page 48, store and install 128). */
export const ICON_SIZES = [16, 32, 48, 128] as const;

type Rgb = readonly [number, number, number];

/** A shape on the unit square (0..1 both ways, y down). */
type Shape =
  | { kind: 'roundRect'; x: number; y: number; w: number; h: number; r: number; fill: Rgb }
  | { kind: 'disc'; cx: number; cy: number; r: number; fill: Rgb }
  | { kind: 'ring'; cx: number; cy: number; r: number; width: number; fill: Rgb }
  | { kind: 'bar'; x1: number; y1: number; x2: number; y2: number; width: number; fill: Rgb };

const ORANGE: Rgb = [194, 65, 12]; // Tailwind orange-700: the focus colour of the reader's UI
const WHITE: Rgb = [255, 255, 255];
const YELLOW: Rgb = [253, 224, 71]; // the target highlight's hue

/** The mark, painted in order (later shapes on top). */
const SHAPES: readonly Shape[] = [
  { kind: 'roundRect', x: 0, y: 0, w: 1, h: 1, r: 0.22, fill: ORANGE },
  { kind: 'bar', x1: 0.2, y1: 0.24, x2: 0.8, y2: 0.24, width: 0.1, fill: WHITE },
  { kind: 'bar', x1: 0.2, y1: 0.42, x2: 0.42, y2: 0.42, width: 0.1, fill: WHITE },
  { kind: 'disc', cx: 0.5, cy: 0.6, r: 0.19, fill: YELLOW },
  { kind: 'ring', cx: 0.5, cy: 0.6, r: 0.19, width: 0.09, fill: WHITE },
  { kind: 'bar', x1: 0.66, y1: 0.76, x2: 0.82, y2: 0.9, width: 0.12, fill: WHITE },
];

/** Signed distance from (x, y) to the shape's edge: negative inside. */
function distance(shape: Shape, x: number, y: number): number {
  switch (shape.kind) {
    case 'roundRect': {
      const hx = shape.w / 2 - shape.r;
      const hy = shape.h / 2 - shape.r;
      const dx = Math.abs(x - (shape.x + shape.w / 2)) - hx;
      const dy = Math.abs(y - (shape.y + shape.h / 2)) - hy;
      const outside = Math.hypot(Math.max(dx, 0), Math.max(dy, 0));
      return outside + Math.min(Math.max(dx, dy), 0) - shape.r;
    }
    case 'disc':
      return Math.hypot(x - shape.cx, y - shape.cy) - shape.r;
    case 'ring':
      return Math.abs(Math.hypot(x - shape.cx, y - shape.cy) - shape.r) - shape.width / 2;
    case 'bar': {
      const vx = shape.x2 - shape.x1;
      const vy = shape.y2 - shape.y1;
      const t = Math.max(0, Math.min(1, ((x - shape.x1) * vx + (y - shape.y1) * vy) / (vx * vx + vy * vy)));
      return Math.hypot(x - (shape.x1 + t * vx), y - (shape.y1 + t * vy)) - shape.width / 2;
    }
  }
}

const hex = (c: Rgb) => `#${c.map((v) => v.toString(16).padStart(2, '0')).join('')}`;

/** The mark as an SVG document (viewBox 0 0 128 128), shape for shape what the PNGs show. */
export function iconSvg(): string {
  const s = (v: number) => +(v * 128).toFixed(2);
  const body = SHAPES.map((shape) => {
    switch (shape.kind) {
      case 'roundRect':
        return `<rect x="${s(shape.x)}" y="${s(shape.y)}" width="${s(shape.w)}" height="${s(shape.h)}" rx="${s(shape.r)}" fill="${hex(shape.fill)}"/>`;
      case 'disc':
        return `<circle cx="${s(shape.cx)}" cy="${s(shape.cy)}" r="${s(shape.r)}" fill="${hex(shape.fill)}"/>`;
      case 'ring':
        return `<circle cx="${s(shape.cx)}" cy="${s(shape.cy)}" r="${s(shape.r)}" fill="none" stroke="${hex(shape.fill)}" stroke-width="${s(shape.width)}"/>`;
      case 'bar':
        return `<line x1="${s(shape.x1)}" y1="${s(shape.y1)}" x2="${s(shape.x2)}" y2="${s(shape.y2)}" stroke="${hex(shape.fill)}" stroke-width="${s(shape.width)}" stroke-linecap="round"/>`;
    }
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 128 128" width="128" height="128">\n  ${body.join('\n  ')}\n</svg>\n`;
}

/** RGBA pixels of the mark at `size`×`size` (4×4 samples per pixel, painted in shape order). */
export function rasterizeIcon(size: number): Uint8Array {
  const pixels = new Uint8Array(size * size * 4);
  const grid = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < grid; sy++) {
        for (let sx = 0; sx < grid; sx++) {
          const x = (px + (sx + 0.5) / grid) / size;
          const y = (py + (sy + 0.5) / grid) / size;
          let colour: Rgb | null = null;
          for (const shape of SHAPES) if (distance(shape, x, y) <= 0) colour = shape.fill;
          if (!colour) continue;
          r += colour[0];
          g += colour[1];
          b += colour[2];
          a++;
        }
      }
      const at = (py * size + px) * 4;
      if (a === 0) continue;
      // Colours averaged over covered samples only (straight alpha): edges do not darken.
      pixels[at] = Math.round(r / a);
      pixels[at + 1] = Math.round(g / a);
      pixels[at + 2] = Math.round(b / a);
      pixels[at + 3] = Math.round((a / (grid * grid)) * 255);
    }
  }
  return pixels;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** A PNG file (8-bit RGBA, no interlace) of square RGBA `pixels`. */
export function encodePng(pixels: Uint8Array, size: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    rows[y * (size * 4 + 1)] = 0; // filter: none
    rows.set(pixels.subarray(y * size * 4, (y + 1) * size * 4), y * (size * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', new Uint8Array(0)),
  ]);
}

/** The manifest's `icons` / `default_icon` map: size → path inside the extension. */
export function iconManifestPaths(): Record<string, string> {
  return Object.fromEntries(ICON_SIZES.map((size) => [String(size), `icon/${size}.png`]));
}

/**
 * Writes `icon/<size>.png` for every {@link ICON_SIZES} and `icon/planlens.svg` into `dir` and
 * returns them as public assets for WXT (`absoluteSrc` in `dir`, `relativeDest` in the extension).
 */
export function writeIconFiles(dir: string): { absoluteSrc: string; relativeDest: string }[] {
  mkdirSync(dir, { recursive: true });
  const files = ICON_SIZES.map((size) => {
    const file = path.join(dir, `${size}.png`);
    writeFileSync(file, encodePng(rasterizeIcon(size), size));
    return { absoluteSrc: file, relativeDest: `icon/${size}.png` };
  });
  const svg = path.join(dir, 'planlens.svg');
  writeFileSync(svg, iconSvg());
  return [...files, { absoluteSrc: svg, relativeDest: 'icon/planlens.svg' }];
}
