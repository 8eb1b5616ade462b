import { createHash } from "node:crypto";
import type { ProductImages } from "../ports";

const sha256 = (b: Buffer) => createHash("sha256").update(b).digest("hex");

/** A PNG's signature and header chunk: enough bytes to be a PNG for the route and the sniffer. */
export const PNG_BYTES = Buffer.from("89504e470d0a1a0a0000000d49484452000000010000000108020000009077", "hex");
export const PNG_ID = sha256(PNG_BYTES);
/** An SVG stored under its hash (nothing writes one so; the route must not serve it even then). */
export const SVG_BYTES = Buffer.from(
  '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
);
export const SVG_ID = sha256(SVG_BYTES);

/** The in-memory image store of the route tests. */
export function memoryImages(): ProductImages {
  const stored = new Map([
    [PNG_ID, { bytes: PNG_BYTES, mediaType: "image/png" }],
    [SVG_ID, { bytes: SVG_BYTES, mediaType: "image/svg+xml" }],
  ]);
  return { get: async (id) => stored.get(id) ?? null };
}
