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
