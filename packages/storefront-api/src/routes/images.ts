import { IMAGE_ID_PATTERN, PRODUCT_IMAGE_TYPES } from "@icp/domain/product-images";
import { z } from "zod";
import { notFound } from "../problem";
import { defineRoute } from "./route";

/**
 * The URL names the bytes (their SHA-256): what it answers never changes, so browsers and CDNs
 * may keep it for a year without asking again. A changed image in SAP gets a new URL.
 */
export const IMAGE_CACHE_CONTROL = "public, max-age=31536000, immutable";

const ALLOWED: readonly string[] = PRODUCT_IMAGE_TYPES;

/**
 * Headers of every image answer: nothing is sniffed into another type, and should the bytes
 * ever be opened as a document they run nothing (a sandbox with no sources). Any origin may
 * embed them (`<img>` on the storefront's site).
 */
const IMAGE_HEADERS = {
  "X-Content-Type-Options": "nosniff",
  "Content-Security-Policy": "default-src 'none'; sandbox",
  "Cross-Origin-Resource-Policy": "cross-origin",
  "Cache-Control": IMAGE_CACHE_CONTROL,
};

/** If-None-Match names this ETag (or `*`); weak comparison, as RFC 9110 §13.1.2 asks. */
function matches(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch
    .split(",")
    .map((t) => t.trim().replace(/^W\//, ""))
    .some((t) => t === "*" || t === etag);
}

export const getImage = defineRoute({
  method: "GET",
  path: "/images/{imageId}",
  summary: "A product image",
  description:
    "The bytes of a product image the integration copied from SAP, for originals SAP serves only behind its logon (products' `images[].url` point here). Public: no token, so `<img>` tags and static-site builds can load it; limited per address like the other public endpoints. The id is the SHA-256 of the bytes, so the answer never changes: `Cache-Control: public, max-age=31536000, immutable`, a strong ETag (the id), 304 on If-None-Match. Only raster types are served (PNG, JPEG, GIF, WebP, AVIF), never SVG, with `X-Content-Type-Options: nosniff`.",
  access: "public",
  request: {
    params: {
      imageId: {
        schema: z.string().regex(IMAGE_ID_PATTERN),
        notFound: "This image",
        description: "The image's SHA-256, lower-case hex (64 characters), as products' image URLs carry it.",
      },
    },
  },
  responses: {
    200: {
      description: "The image's bytes",
      mediaTypes: PRODUCT_IMAGE_TYPES,
      headers: {
        ETag: { description: "Strong: the image's id, quoted.", schema: { type: "string" } },
        "Cache-Control": { description: IMAGE_CACHE_CONTROL, schema: { type: "string" } },
      },
    },
    304: { description: "Not modified (If-None-Match names this image's ETag)" },
  },
  problems: ["not-found"],
  async handler({ req, params, deps }) {
    const image = await deps.images.get(params.imageId);
    // A stored type outside the list (none is written so) is not served either.
    if (!image || !ALLOWED.includes(image.mediaType)) throw notFound("This image");
    const etag = `"${params.imageId}"`;
    if (matches(req.headers.get("if-none-match"), etag))
      return new Response(null, { status: 304, headers: { ...IMAGE_HEADERS, ETag: etag } });
    return new Response(new Uint8Array(image.bytes), {
      status: 200,
      headers: {
        ...IMAGE_HEADERS,
        ETag: etag,
        "Content-Type": image.mediaType,
        "Content-Length": String(image.bytes.length),
      },
    });
  },
});
