import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { encodePng, iconSvg, rasterizeIcon } from './planlens-icon';

/** The RGBA pixel at (x, y) of a square image. */
const pixel = (pixels: Uint8Array, size: number, x: number, y: number) => [
  ...pixels.subarray((y * size + x) * 4, (y * size + x) * 4 + 4),
];

describe('the PlanLens icon', () => {
  it.each([16, 32, 48, 128])(
    'at %i px: clear corners, the orange square, the yellow glass, white lines',
    (size) => {
      const pixels = rasterizeIcon(size);
      expect(pixel(pixels, size, 0, 0)[3]).toBe(0); // rounded corner
      const at = (x: number, y: number) => pixel(pixels, size, Math.floor(x * size), Math.floor(y * size));
      expect(at(0.08, 0.6)).toEqual([194, 65, 12, 255]); // background, left of the lens
      expect(at(0.5, 0.6)).toEqual([253, 224, 71, 255]); // the lens's glass
      expect(at(0.5, 0.24)).toEqual([255, 255, 255, 255]); // the first line of the plan
    },
  );

  it('encodes a PNG that decodes back to the same pixels', () => {
    const size = 16;
    const pixels = rasterizeIcon(size);
    const png = encodePng(pixels, size);
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect([png.readUInt32BE(16), png.readUInt32BE(20), png[24], png[25]]).toEqual([size, size, 8, 6]);
    const idatLength = png.readUInt32BE(33);
    expect(png.subarray(37, 41).toString('ascii')).toBe('IDAT');
    const rows = inflateSync(png.subarray(41, 41 + idatLength));
    const decoded = new Uint8Array(size * size * 4);
    for (let y = 0; y < size; y++) {
      expect(rows[y * (size * 4 + 1)]).toBe(0);
      decoded.set(rows.subarray(y * (size * 4 + 1) + 1, (y + 1) * (size * 4 + 1)), y * size * 4);
    }
    expect(decoded).toEqual(pixels);
  });

  it('is the same shapes as SVG', () => {
    const svg = iconSvg();
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 128 128"/u);
    expect(svg.match(/<(rect|circle|line) /gu)).toHaveLength(6);
    expect(svg).toContain('fill="#fde047"');
  });
});
