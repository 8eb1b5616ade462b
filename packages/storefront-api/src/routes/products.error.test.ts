import { describe, expect, it } from "vitest";
import { getCustomer } from "./customers";
import { getProduct, getStock, listProducts } from "./products";
import { expectDeclared, storefront } from "./testing";

describe("catalog and customer routes refuse with the problems they declare", () => {
  it("a product that does not exist is not-found; an id of no valid shape is a validation problem", async () => {
    const { call } = storefront();
    const missing = await call("GET", "/products/NOPE", { token: "catalog.read" });
    expect([missing.status, missing.body?.type]).toEqual([
      404,
      "https://errors.icp.example.com/storefront/not-found",
    ]);
    expectDeclared(getProduct, missing);
    const invalid = await call("GET", `/products/${encodeURIComponent("-bad id")}`, {
      token: "catalog.read",
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body?.errors).toEqual([{ pointer: "{sku}", detail: "a product id of 1–40 characters" }]);
    expectDeclared(getProduct, invalid);
  });

  it("a bad query lists each field", async () => {
    const res = await storefront().call("GET", "/products?pageSize=0&sort=cheapest", {
      token: "catalog.read",
    });
    expect(res.status).toBe(400);
    expect(((res.body?.errors ?? []) as { pointer: string }[]).map((e) => e.pointer).sort()).toEqual([
      "?pageSize",
      "?sort",
    ]);
    expectDeclared(listProducts, res);
    const stock = await storefront().call("GET", "/stock", { token: "catalog.read" });
    expect(stock.status).toBe(400);
    expectDeclared(getStock, stock);
  });

  it("a customer id of no valid shape is the same 404 as a missing one, without asking the store", async () => {
    const { call, deps } = storefront();
    let asked = 0;
    deps.customers.get = async () => {
      asked++;
      return null;
    };
    const tooLong = await call("GET", "/customers/ABCDEFGHIJKLMNOP", { token: "customers.read" });
    const missing = await call("GET", "/customers/C2", { token: "customers.read" });
    expect([tooLong.status, missing.status]).toEqual([404, 404]);
    expect(tooLong.body?.detail).toBe(missing.body?.detail);
    expect(asked).toBe(1);
    expectDeclared(getCustomer, tooLong);
  });
});
