import { describe, expect, it } from "vitest";
import { SVG_ID } from "./image-fixtures";
import { getImage } from "./images";
import { expectDeclared, storefront } from "./testing";

describe("GET /images/{imageId} refuses what it does not serve", () => {
  it("answers 404 problem+json for an unknown id and for one that is no SHA-256", async () => {
    const { call } = storefront();
    for (const id of ["0".repeat(64), "not-a-hash", "A".repeat(64)]) {
      const res = await call("GET", `/images/${id}`);
      expect(res.status, id).toBe(404);
      expect(res.headers.get("content-type")).toBe("application/problem+json");
      expect(res.body?.detail).toBe("This image does not exist.");
      expectDeclared(getImage, res);
    }
  });

  it("never serves a stored SVG (script on the API's origin): 404 like an unknown image", async () => {
    const { call } = storefront();
    const res = await call("GET", `/images/${SVG_ID}`);
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
  });
});
