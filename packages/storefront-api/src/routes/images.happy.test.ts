import { describe, expect, it } from "vitest";
import { createStorefrontApi } from "../app";
import { buildOpenApi } from "../openapi";
import { PNG_BYTES, PNG_ID } from "./image-fixtures";
import { IMAGE_CACHE_CONTROL } from "./images";
import { BASE, storefront } from "./testing";

/** The API's raw answer (the shared `call` reads JSON; an image is bytes). */
function raw(headers: Record<string, string> = {}) {
  const handle = createStorefrontApi(storefront().deps);
  return (path: string) => handle(new Request(`http://localhost${BASE}${path}`, { headers }));
}

describe("GET /images/{imageId} serves a copied product image (issue 22: 4)", () => {
  it("answers the bytes without a token, typed, with a strong ETag, immutable caching and nosniff", async () => {
    const res = await raw()(`/images/${PNG_ID}`);
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer()).equals(PNG_BYTES)).toBe(true);
    expect(res.headers.get("content-type")).toBe("image/png");
    expect(res.headers.get("etag")).toBe(`"${PNG_ID}"`);
    expect(res.headers.get("cache-control")).toBe(IMAGE_CACHE_CONTROL);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("content-security-policy")).toBe("default-src 'none'; sandbox");
    // public routes are limited per address
    expect(res.headers.get("ratelimit-limit")).not.toBeNull();
    // what the OpenAPI document declares for the 200: this media type, no JSON
    const op = buildOpenApi(BASE).paths["/images/{imageId}"]?.get;
    expect(Object.keys(op?.responses["200"]?.content ?? {})).toContain("image/png");
    expect(op?.security).toEqual([]);
  });

  it("answers 304 without a body when If-None-Match names the image (also weakly, or in a list)", async () => {
    for (const inm of [`"${PNG_ID}"`, `W/"${PNG_ID}"`, `"other", "${PNG_ID}"`, "*"]) {
      const res = await raw({ "if-none-match": inm })(`/images/${PNG_ID}`);
      expect(res.status, inm).toBe(304);
      expect(await res.text()).toBe("");
      expect(res.headers.get("etag")).toBe(`"${PNG_ID}"`);
      expect(res.headers.get("cache-control")).toBe(IMAGE_CACHE_CONTROL);
    }
    const stale = await raw({ "if-none-match": '"0000"' })(`/images/${PNG_ID}`);
    expect(stale.status).toBe(200);
  });
});
