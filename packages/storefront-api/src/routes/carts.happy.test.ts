import { describe, expect, it } from "vitest";
import { createCart, getCart, removeCartLine, setCartLine } from "./carts";
import { BASE, CART_ID, expectDeclared, storefront } from "./testing";

describe("cart routes answer what they declare", () => {
  it("creates a cart and says where it is", async () => {
    const res = await storefront().call("POST", "/carts", {
      token: "carts.write",
      body: { customerId: "C1" },
    });
    expect(res.status).toBe(201);
    expect(res.headers.get("location")).toBe(`${BASE}/carts/${res.body?.id}`);
    expect(res.body).toMatchObject({ customerId: "C1", currency: "EUR", lines: [] });
    expectDeclared(createCart, res);
  });

  it("reads a cart, sets a line and removes it", async () => {
    const { call } = storefront();
    const read = await call("GET", `/carts/${CART_ID}`, { token: "carts.write" });
    expectDeclared(getCart, read);
    const set = await call("PUT", `/carts/${CART_ID}/lines/TG11`, {
      token: "carts.write",
      body: { quantity: 2 },
    });
    expect(set.status).toBe(200);
    expect(set.body?.lines).toEqual([{ sku: "TG11", quantity: 2, unitPrice: "9.90" }]);
    expectDeclared(setCartLine, set);
    const removed = await call("DELETE", `/carts/${CART_ID}/lines/TG11`, { token: "carts.write" });
    expect(removed.body?.lines).toEqual([]);
    expectDeclared(removeCartLine, removed);
  });

  it("removing a line no product can have leaves the cart as it is", async () => {
    const res = await storefront().call(
      "DELETE",
      `/carts/${CART_ID}/lines/${encodeURIComponent("no such/line!")}`,
      {
        token: "carts.write",
      },
    );
    expect(res.status).toBe(200);
    expectDeclared(removeCartLine, res);
  });
});
