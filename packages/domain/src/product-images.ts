/**
 * Product images the storefront is given when SAP has no public URL for an original (issue 22:
 * 4): the worker caches the bytes, the storefront API serves them. Both sides decide with this
 * table what may be cached and served, so neither can let through what the other refuses.
 */

/** Where the console mounts the storefront API (its route folder is app/api/storefront/v1). */
export const STOREFRONT_API_BASE_PATH = "/api/storefront/v1";

/**
 * Raster formats browsers show in `<img>` and that cannot run script. SVG is not among them:
 * an SVG opened as a document runs its script on the origin that served it — the console's,
 * where the storefront API lives — so it is refused, however the original is labelled.
 */
export const PRODUCT_IMAGE_TYPES = [
  "image/png",
  "image/jpeg",
  "image/gif",
  "image/webp",
  "image/avif",
] as const;
export type ProductImageType = (typeof PRODUCT_IMAGE_TYPES)[number];

/** Largest original the worker caches, by default (bytes); SAP's FileSize or the bytes past it are refused. */
export const PRODUCT_IMAGE_MAX_BYTES = 5 * 1024 * 1024;

/** A content hash (SHA-256, lower-case hex): the image's id and its strong ETag. */
export const IMAGE_ID_PATTERN = /^[0-9a-f]{64}$/;

/** The root-relative URL of a cached image, as the storefront API answers other links (statusUrl). */
export function storefrontImageUrl(hash: string): string {
  return `${STOREFRONT_API_BASE_PATH}/images/${hash}`;
}

const startsWith = (bytes: Uint8Array, sig: readonly number[], at = 0): boolean =>
  bytes.length >= at + sig.length && sig.every((b, i) => bytes[at + i] === b);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

/**
 * The image format the bytes are, by their signature, or undefined when they are none of the
 * allowed ones (SVG, HTML, PDF, anything else). The label SAP gives (MimeType, Content-Type) is
 * not trusted: the served Content-Type is what the bytes are.
 */
export function sniffProductImage(bytes: Uint8Array): ProductImageType | undefined {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "image/jpeg";
  if (startsWith(bytes, ascii("GIF87a")) || startsWith(bytes, ascii("GIF89a"))) return "image/gif";
  if (startsWith(bytes, ascii("RIFF")) && startsWith(bytes, ascii("WEBP"), 8)) return "image/webp";
  if (
    startsWith(bytes, ascii("ftyp"), 4) &&
    (startsWith(bytes, ascii("avif"), 8) || startsWith(bytes, ascii("avis"), 8))
  )
    return "image/avif";
  return undefined;
}
