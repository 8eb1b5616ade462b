import { createHash } from "node:crypto";
import {
  PRODUCT_IMAGE_MAX_BYTES,
  PRODUCT_IMAGE_TYPES,
  sniffProductImage,
  storefrontImageUrl,
} from "@icp/domain/product-images";
import type { Logger } from "@icp/observability";
import type { ImageSourceDoc } from "@icp/read-model";

/** One SAP original of a product image that has no public URL: its bytes are behind SAP's logon. */
export interface ImageOriginal {
  /** The original's key in SAP (stable while the original is the same document). */
  key: string;
  product: string;
  fileName: string | null;
  /** SAP's label (MimeType): trusted only to skip a read that would be refused anyway. */
  declaredType: string | null;
  /** SAP's FileSize in bytes, when it gives one: an original over the cap is not read at all. */
  declaredSize: number | null;
  /** SAP's ChangedDateTime of the original: unchanged since the cached copy → not read again. */
  changedAt: Date | null;
  /** Reads the bytes from `$value` with the worker's SAP logon. */
  read(): Promise<{ bytes: Buffer; mimeType: string }>;
}

/** A failure to copy one original, as the failure inbox shows it (one per original, reopened). */
export interface ImageFailure {
  entityKey: string;
  errorClass: "BUSINESS" | "TRANSIENT";
  message: string;
  payload: Record<string, unknown>;
}

export interface ProductImageCacheDeps {
  store: {
    sourcesOf(keys: string[]): Promise<Map<string, ImageSourceDoc>>;
    put(
      source: { key: string; product: string; sapChangedAt: Date | null },
      image: { hash: string; bytes: Buffer; mediaType: string },
    ): Promise<void>;
  };
  /** Records the failure through its owner (`jobFailed`, @icp/orders). */
  failed(f: ImageFailure): Promise<void>;
  /** The original was copied: its failure, if one is open, is resolved (`jobRecovered`). */
  recovered(entityKey: string): Promise<void>;
  logger: Logger;
  /** Largest original copied (bytes); PRODUCT_IMAGE_MAX_BYTES by default. */
  maxBytes?: number;
  /** Originals read from SAP at once (the SAP client's own cap still holds). Default 4. */
  concurrency?: number;
}

/** Why an original is not copied: the operator's reason, in the failure's message. */
class Refused extends Error {}

const ALLOWED: readonly string[] = PRODUCT_IMAGE_TYPES;
const baseType = (t: string | null) => (t ?? "").split(";")[0]?.trim().toLowerCase() ?? "";

/**
 * Copies product images whose originals SAP keeps behind its logon into the read model's image
 * store, so the storefront gets URLs that work without SAP credentials. Per original:
 * - cached, and SAP's ChangedDateTime is the one it was read at → the cached URL, nothing read;
 * - otherwise `$value` is read, at most `maxBytes`, and kept only if the bytes are one of
 *   PRODUCT_IMAGE_TYPES (sniffed: SVG, HTML or a mislabelled file is refused);
 * - a refusal or a failed read is one visible failure (MASTER_DATA, keyed by the original) and
 *   never fails the product: it keeps the copy it had (if any) or goes without that image.
 * Returns the storefront URL per original key that has one.
 */
export function productImageCache(deps: ProductImageCacheDeps) {
  const maxBytes = deps.maxBytes ?? PRODUCT_IMAGE_MAX_BYTES;
  const concurrency = deps.concurrency ?? 4;

  async function copy(o: ImageOriginal): Promise<string> {
    const declared = baseType(o.declaredType);
    if (declared && !ALLOWED.includes(declared))
      throw new Refused(`its media type ${declared} is not served (allowed: ${ALLOWED.join(", ")})`);
    if (o.declaredSize !== null && o.declaredSize > maxBytes)
      throw new Refused(`SAP gives its size as ${o.declaredSize} bytes, over the cap of ${maxBytes}`);
    const { bytes, mimeType } = await o.read();
    if (bytes.length > maxBytes)
      throw new Refused(`its content is ${bytes.length} bytes, over the cap of ${maxBytes}`);
    const mediaType = sniffProductImage(bytes);
    if (!mediaType)
      throw new Refused(
        `its content is not an image of an allowed type (SAP labels it ${baseType(mimeType) || "nothing"}; allowed: ${ALLOWED.join(", ")})`,
      );
    const hash = createHash("sha256").update(bytes).digest("hex");
    await deps.store.put(
      { key: o.key, product: o.product, sapChangedAt: o.changedAt },
      { hash, bytes, mediaType },
    );
    return hash;
  }

  return async (originals: ImageOriginal[]): Promise<Map<string, string>> => {
    const urls = new Map<string, string>();
    if (originals.length === 0) return urls;
    const cached = await deps.store.sourcesOf(originals.map((o) => o.key));
    const toRead: ImageOriginal[] = [];
    for (const o of originals) {
      const c = cached.get(o.key);
      if (c && (c.sapChangedAt?.getTime() ?? null) === (o.changedAt?.getTime() ?? null))
        urls.set(o.key, storefrontImageUrl(c.hash));
      else toRead.push(o);
    }
    let next = 0;
    const runner = async () => {
      for (let o = toRead[next++]; o; o = toRead[next++]) {
        const entityKey = `product-image:${o.key}`;
        try {
          urls.set(o.key, storefrontImageUrl(await copy(o)));
          await deps
            .recovered(entityKey)
            .catch((err: unknown) =>
              deps.logger.warn(
                { err, "product.id": o.product },
                "could not resolve a product image's failure",
              ),
            );
        } catch (err) {
          const stale = cached.get(o.key);
          if (stale) urls.set(o.key, storefrontImageUrl(stale.hash));
          const refused = err instanceof Refused;
          const retryable = (err as { retryable?: unknown }).retryable;
          const message = `image ${o.fileName ?? o.key} of product ${o.product} not copied from SAP: ${refused ? "refused, " : ""}${(err as Error).message}${stale ? " (the storefront keeps the copy it had)" : ""}`;
          deps.logger.warn({ "product.id": o.product, "sap.original": o.key }, message);
          await deps
            .failed({
              entityKey,
              errorClass: refused || retryable === false ? "BUSINESS" : "TRANSIENT",
              message,
              payload: {
                product: o.product,
                original: o.key,
                fileName: o.fileName,
                mimeType: o.declaredType,
                fileSize: o.declaredSize,
              },
            })
            .catch((e: unknown) =>
              deps.logger.error(
                { err: e, "product.id": o.product },
                "could not record a product image's failure",
              ),
            );
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, toRead.length) }, runner));
    return urls;
  };
}
