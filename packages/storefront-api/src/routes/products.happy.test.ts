import { describe, expect, it } from "vitest";
import { getCustomer } from "./customers";
import { getProduct, getStock, listProducts } from "./products";
import { expectDeclared, storefront } from "./testing";

describe("catalog and customer routes answer what they declare", () => {
  it("lists products as a page, with an ETag that a repeat turns into a 304", async () => {
    const { call } = storefront();
    const res = await call("GET", "/products?pageSize=10", { token: "catalog.read" });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ page: 1, pageSize: 10, total: 1 });
    expect(res.headers.get("ratelimit-limit")).toBe("100");
    expectDeclared(listProducts, res);
    const etag = res.headers.get("etag") ?? "";
    const again = await call("GET", "/products?pageSize=10", {
      token: "catalog.read",
      headers: { "if-none-match": etag },
    });
    expect(again.status).toBe(304);
    expectDeclared(listProducts, again);
  });

  it("answers one product by its id", async () => {
    const res = await storefront().call("GET", "/products/TG11", { token: "catalog.read" });
    expect(res.status).toBe(200);
    expect(res.body?.id).toBe("TG11");
    expectDeclared(getProduct, res);
  });

  it("answers stock for a comma-separated list", async () => {
    const res = await storefront().call("GET", "/stock?skus=TG11,TG12", { token: "catalog.read" });
    expect(res.status).toBe(200);
    expect(res.body?.items as unknown[]).toHaveLength(2);
    expectDeclared(getStock, res);
  });

  it("answers a customer", async () => {
    const res = await storefront().call("GET", "/customers/C1", { token: "customers.read" });
    expect(res.status).toBe(200);
    expectDeclared(getCustomer, res);
  });
});
