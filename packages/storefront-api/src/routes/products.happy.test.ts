import { describe, expect, it } from "vitest";
import { buildOpenApi } from "../openapi";
import type { Catalog } from "../ports";
import { getCustomer } from "./customers";
import { getProduct, getStock, listProducts } from "./products";
import { BASE, expectDeclared, storefront } from "./testing";

describe("catalog and customer routes answer what they declare", () => {
  it("lists products as a cursor page, with an ETag that a repeat turns into a 304", async () => {
    const { call } = storefront();
    const res = await call("GET", "/products?pageSize=10", { token: "catalog.read" });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      items: [expect.objectContaining({ id: "TG11" })],
      pageSize: 10,
      nextCursor: null,
    });
    expect(res.headers.get("ratelimit-limit")).toBe("100");
    expect(res.headers.get("cache-control")).toBe("private, no-cache, stale-if-error=86400");
    expect(res.headers.get("link")).toBeNull();
    expectDeclared(listProducts, res);
    const etag = res.headers.get("etag") ?? "";
    const again = await call("GET", "/products?pageSize=10", {
      token: "catalog.read",
      headers: { "if-none-match": etag },
    });
    expect(again.status).toBe(304);
    expect(again.headers.get("etag")).toBe(etag);
    expect(again.headers.get("cache-control")).toBe("private, no-cache, stale-if-error=86400");
    expectDeclared(listProducts, again);
  });

  it("passes the query to the catalogue and links the next page by its cursor", async () => {
    const { call, deps } = storefront();
    let asked: unknown;
    (deps.catalog as Catalog).list = async (q) => {
      asked = q;
      return { items: [], nextCursor: "abc_-1" };
    };
    const res = await call("GET", "/products?pageSize=2&inStock=true&q=ham&cursor=xyz&sort=-price", {
      token: "catalog.read",
    });
    expect(asked).toEqual({ pageSize: 2, inStock: true, q: "ham", cursor: "xyz", sort: "-price" });
    expect(res.body).toEqual({ items: [], pageSize: 2, nextCursor: "abc_-1" });
    expect(res.headers.get("link")).toBe(
      '</api/storefront/v1/products?pageSize=2&inStock=true&q=ham&cursor=abc_-1&sort=-price>; rel="next"',
    );
    expectDeclared(listProducts, res);
  });

  it("still answers the deprecated offset page, with page and total, and says it is deprecated", async () => {
    const { call, deps } = storefront();
    (deps.catalog as Catalog).list = async () => ({ items: [], nextCursor: "c", total: 7 });
    const res = await call("GET", "/products?page=3&pageSize=2", { token: "catalog.read" });
    expect(res.body).toEqual({ items: [], pageSize: 2, nextCursor: "c", page: 3, total: 7 });
    expect(res.headers.get("link")).toBe('</api/storefront/v1/products?pageSize=2&cursor=c>; rel="next"');
    expectDeclared(listProducts, res);
    const op = buildOpenApi(BASE).paths["/products"]?.get;
    const params = (op?.parameters ?? []) as { name: string; schema: { deprecated?: boolean } }[];
    const page = params.find((p) => p.name === "page");
    expect(page?.schema.deprecated).toBe(true);
    expect(op?.description).toContain("nextCursor");
  });

  it("answers one product by its id", async () => {
    const res = await storefront().call("GET", "/products/TG11", { token: "catalog.read" });
    expect(res.status).toBe(200);
    expect(res.body?.id).toBe("TG11");
    expect(res.headers.get("cache-control")).toBe("private, no-cache, stale-if-error=86400");
    expect(res.headers.get("etag")).toMatch(/^W\/"/);
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
