import { describe, expect, it } from "vitest";
import { createCart, getCart, setCartLine } from "./carts";
import { CART_ID, expectDeclared, storefront } from "./testing";

const type = (res: { body: Record<string, unknown> | null }) => String(res.body?.type).split("/").at(-1);

describe("cart routes refuse with the problems they declare", () => {
  it("an unknown product is unknown-product, naming the sku", async () => {
    const res = await storefront().call("POST", "/carts", {
      token: "carts.write",
      body: { customerId: "C1", lines: [{ sku: "NOPE", quantity: 1 }] },
    });
    expect([res.status, type(res), res.body?.sku]).toEqual([422, "unknown-product", "NOPE"]);
    expectDeclared(createCart, res);
  });

  it("more than is in stock is insufficient-stock, saying how much there is", async () => {
    const res = await storefront().call("PUT", `/carts/${CART_ID}/lines/TG11`, {
      token: "carts.write",
      body: { quantity: 9 },
    });
    expect([res.status, type(res), res.body?.available]).toEqual([422, "insufficient-stock", 5]);
    expectDeclared(setCartLine, res);
  });

  it("a cart id that is no UUID, or names no cart, is not-found", async () => {
    const { call } = storefront();
    for (const id of ["not-a-uuid", "00000000-0000-4000-8000-00000000dead"]) {
      const res = await call("GET", `/carts/${id}`, { token: "carts.write" });
      expect([res.status, res.body?.detail]).toEqual([404, "This cart does not exist."]);
      expectDeclared(getCart, res);
    }
  });

  it("bodies: wrong media type 415, malformed JSON 400, unknown fields a validation problem", async () => {
    const { call } = storefront();
    const media = await call("POST", "/carts", {
      token: "carts.write",
      body: { customerId: "C1" },
      headers: { "content-type": "text/plain" },
    });
    expect([media.status, type(media)]).toEqual([415, "unsupported-media-type"]);
    expectDeclared(createCart, media);
    const strict = await call("POST", "/carts", {
      token: "carts.write",
      body: { customerId: "C1", discount: 5 },
    });
    expect([strict.status, type(strict)]).toEqual([400, "validation"]);
    expectDeclared(createCart, strict);
  });
});
