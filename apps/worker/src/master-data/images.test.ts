import { createHash } from "node:crypto";
import { storefrontImageUrl } from "@icp/domain/product-images";
import { createLogger } from "@icp/observability";
import type { ImageSourceDoc } from "@icp/read-model";
import { describe, expect, it } from "vitest";
import { type ImageFailure, type ImageOriginal, productImageCache } from "./images";

const PNG = Buffer.concat([Buffer.from("89504e470d0a1a0a", "hex"), Buffer.alloc(200, 7)]);
const hashOf = (b: Buffer) => createHash("sha256").update(b).digest("hex");
const T1 = new Date("2026-01-01T10:00:00Z");
const T2 = new Date("2026-02-01T10:00:00Z");

function fixture(maxBytes = 1_000) {
  const sources = new Map<string, ImageSourceDoc>();
  const images = new Map<string, { bytes: Buffer; mediaType: string }>();
  const failures: ImageFailure[] = [];
  const recovered: string[] = [];
  const reads: string[] = [];
  const cache = productImageCache({
    store: {
      sourcesOf: async (keys) => new Map(keys.flatMap((k) => (sources.has(k) ? [[k, sources.get(k)!]] : []))),
      put: async (s, i) => {
        images.set(i.hash, { bytes: i.bytes, mediaType: i.mediaType });
        sources.set(s.key, {
          _id: s.key,
          product: s.product,
          hash: i.hash,
          sapChangedAt: s.sapChangedAt,
          cachedAt: new Date(),
        });
      },
    },
    failed: async (f) => {
      failures.push(f);
    },
    recovered: async (k) => {
      recovered.push(k);
    },
    logger: createLogger({ service: "test", level: "silent" }),
    maxBytes,
  });
  const original = (
    key: string,
    content: Buffer | Error,
    over: Partial<Omit<ImageOriginal, "read" | "key">> = {},
  ): ImageOriginal => ({
    key,
    product: key.toUpperCase(),
    fileName: `${key}.png`,
    declaredType: "image/png",
    declaredSize: null,
    changedAt: T1,
    ...over,
    read: async () => {
      reads.push(key);
      if (content instanceof Error) throw content;
      return { bytes: content, mimeType: over.declaredType ?? "image/png" };
    },
  });
  return { cache, sources, images, failures, recovered, reads, original };
}

describe("product images copied from SAP (issue 22: 4)", () => {
  it("copies an original once and answers its hash URL; unchanged in SAP, it is not read again", async () => {
    const f = fixture();
    const first = await f.cache([f.original("a", PNG)]);
    expect(first.get("a")).toBe(storefrontImageUrl(hashOf(PNG)));
    expect(f.images.get(hashOf(PNG))?.mediaType).toBe("image/png");
    expect(f.recovered).toEqual(["product-image:a"]);
    const second = await f.cache([f.original("a", PNG)]);
    expect(second.get("a")).toBe(first.get("a"));
    expect(f.reads).toEqual(["a"]);
  });

  it("reads an original again when SAP's change time moved, and points at the new bytes", async () => {
    const f = fixture();
    await f.cache([f.original("a", PNG)]);
    const changed = Buffer.concat([PNG, Buffer.from([1])]);
    const urls = await f.cache([f.original("a", changed, { changedAt: T2 })]);
    expect(f.reads).toEqual(["a", "a"]);
    expect(urls.get("a")).toBe(storefrontImageUrl(hashOf(changed)));
  });

  it("refuses an original over the cap by SAP's FileSize without reading it, and by its bytes after reading", async () => {
    const f = fixture(100);
    const urls = await f.cache([
      f.original("big", PNG, { declaredSize: 5_000 }),
      f.original("silent", PNG), // SAP gives no size: read, then refused by its 208 bytes
    ]);
    expect(urls.size).toBe(0);
    expect(f.reads).toEqual(["silent"]);
    expect(f.failures.map((x) => [x.entityKey, x.errorClass])).toEqual([
      ["product-image:big", "BUSINESS"],
      ["product-image:silent", "BUSINESS"],
    ]);
    expect(f.failures[0]?.message).toMatch(/5000 bytes, over the cap of 100/);
    expect(f.failures[1]?.message).toMatch(/208 bytes, over the cap of 100/);
    expect(f.images.size).toBe(0);
  });

  it("refuses SVG by its label without reading it, and content that is not an allowed image whatever its label", async () => {
    const f = fixture();
    const html = Buffer.from("<html><script>alert(1)</script></html>");
    const urls = await f.cache([
      f.original("svg", Buffer.from("<svg/>"), { declaredType: "image/svg+xml" }),
      f.original("html", html, { declaredType: "image/png" }),
    ]);
    expect(urls.size).toBe(0);
    expect(f.reads).toEqual(["html"]);
    expect(f.failures.map((x) => x.entityKey)).toEqual(["product-image:svg", "product-image:html"]);
    expect(f.failures[0]?.message).toMatch(/image\/svg\+xml is not served/);
    expect(f.failures[1]?.message).toMatch(/not an image of an allowed type/);
    expect(f.images.size).toBe(0);
  });

  it("a failed read is a transient failure that keeps the copy the storefront had, and the others still copy", async () => {
    const f = fixture();
    await f.cache([f.original("a", PNG)]);
    const urls = await f.cache([
      f.original("a", new Error("SAP answered 503"), { changedAt: T2 }),
      f.original("b", PNG),
    ]);
    expect(urls.get("a")).toBe(storefrontImageUrl(hashOf(PNG)));
    expect(urls.get("b")).toBe(storefrontImageUrl(hashOf(PNG)));
    expect(f.failures).toEqual([
      expect.objectContaining({
        entityKey: "product-image:a",
        errorClass: "TRANSIENT",
        message: expect.stringMatching(/SAP answered 503 \(the storefront keeps the copy it had\)/),
      }),
    ]);
  });
});
