import { crc32, deflateSync } from "node:zlib";
import { Prng } from "./seed/prng";

const PALETTE = ["#0a6ed1", "#e9730c", "#107e3e", "#bb0000", "#6c32a9", "#0f828f", "#925ace", "#354a5f"];

/** A small deterministic SVG "product photo" so attachments have real URLs to fetch. */
export function productImageSvg(seed: number, product: string, title: string): string {
  let h = 0;
  for (const c of product) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  const r = Prng.forIndex(seed, 3, h);
  const bg = r.pick(PALETTE);
  const fg = r.pick(PALETTE.filter((c) => c !== bg));
  const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  const shape =
    r.next() < 0.5
      ? `<circle cx="200" cy="170" r="${r.int(60, 110)}" fill="${fg}"/>`
      : `<rect x="${r.int(70, 120)}" y="${r.int(60, 90)}" width="${r.int(140, 200)}" height="${r.int(120, 180)}" rx="18" fill="${fg}"/>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="400" viewBox="0 0 400 400"><rect width="400" height="400" fill="${bg}"/>${shape}<text x="200" y="350" font-family="sans-serif" font-size="20" fill="#fff" text-anchor="middle">${esc(title)}</text><text x="200" y="378" font-family="monospace" font-size="14" fill="#fff" text-anchor="middle">${esc(product)}</text></svg>`;
}

/** The media types the sandbox's originals come in: SVG (the default) or PNG. */
export type ImageFormat = "svg" | "png";

const hex = (c: string): [number, number, number] => [
  Number.parseInt(c.slice(1, 3), 16),
  Number.parseInt(c.slice(3, 5), 16),
  Number.parseInt(c.slice(5, 7), 16),
];

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}

/**
 * The same deterministic "product photo" as a PNG (a raster image, as most product photos
 * stored in S/4 are): the product's two palette colours, a square in the middle. 96×96 RGB.
 */
export function productImagePng(seed: number, product: string): Buffer {
  let h = 0;
  for (const c of product) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  const r = Prng.forIndex(seed, 3, h);
  const bgColour = r.pick(PALETTE);
  const bg = hex(bgColour);
  const fg = hex(r.pick(PALETTE.filter((c) => c !== bgColour)));
  const size = 96;
  const inset = 16 + (h % 16);
  const raw = Buffer.alloc(size * (size * 3 + 1));
  for (let y = 0; y < size; y++) {
    const row = y * (size * 3 + 1);
    raw[row] = 0; // filter: none
    for (let x = 0; x < size; x++) {
      const inside = x >= inset && x < size - inset && y >= inset && y < size - inset;
      const [red, green, blue] = inside ? fg : bg;
      raw.writeUInt8(red, row + 1 + x * 3);
      raw.writeUInt8(green, row + 2 + x * 3);
      raw.writeUInt8(blue, row + 3 + x * 3);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.writeUInt8(8, 8); // bit depth
  header.writeUInt8(2, 9); // colour type: RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk("IHDR", header),
    pngChunk("IDAT", deflateSync(raw)),
    pngChunk("IEND", Buffer.alloc(0)),
  ]);
}
