import { describe, expect, it } from "vitest";
import { quotePrices } from "./prices";
import { expectDeclared, storefront } from "./testing";

const TYPE = "https://errors.icp.example.com/storefront/";

describe("GET /prices refuses with the problems it declares", () => {
  it("items of no valid shape are a validation problem naming ?items", async () => {
    const { call } = storefront();
    for (const items of [
      "TG11",
      "TG11:0",
      "TG11:10001",
      "TG11:1.5",
      "TG11:-1",
      ":3",
      "a%00b:1",
      "TG11:3;TG12:1",
    ]) {
      const res = await call("GET", `/prices?items=${items}`, { token: "catalog.read" });
      expect([items, res.status, res.body?.type]).toEqual([items, 400, `${TYPE}validation`]);
      expect(((res.body?.errors ?? []) as { pointer: string }[])[0]?.pointer).toMatch(/^\?items/);
      expectDeclared(quotePrices, res);
    }
    const many = await call("GET", `/prices?items=${Array(101).fill("TG11:1").join(",")}`, {
      token: "catalog.read",
    });
    expect(many.status).toBe(400);
    const none = await call("GET", "/prices", { token: "catalog.read" });
    expect(none.status).toBe(400);
    const badCustomer = await call("GET", "/prices?items=TG11:1&customer=12345678901", {
      token: "catalog.read",
    });
    expect([
      badCustomer.status,
      ((badCustomer.body?.errors ?? []) as { pointer: string }[])[0]?.pointer,
    ]).toEqual([400, "?customer"]);
  });

  it("an unknown customer, an unknown product and a product without a price are told apart", async () => {
    const { call } = storefront();
    const customer = await call("GET", "/prices?items=TG11:1&customer=NOBODY", { token: "catalog.read" });
    expect([customer.status, customer.body?.type]).toEqual([422, `${TYPE}unknown-customer`]);
    expectDeclared(quotePrices, customer);
    const product = await call("GET", "/prices?items=TG11:1,NOPE:2", { token: "catalog.read" });
    expect([product.status, product.body?.type, product.body?.sku]).toEqual([
      422,
      `${TYPE}unknown-product`,
      "NOPE",
    ]);
    expectDeclared(quotePrices, product);
    const unpriced = await call("GET", "/prices?items=TG99:1", { token: "catalog.read" });
    expect([unpriced.status, unpriced.body?.type, unpriced.body?.sku]).toEqual([
      422,
      `${TYPE}no-price`,
      "TG99",
    ]);
    expectDeclared(quotePrices, unpriced);
  });

  it("needs the catalog:read scope", async () => {
    const res = await storefront().call("GET", "/prices?items=TG11:1", { token: "orders.read" });
    expect([res.status, res.body?.type]).toEqual([403, `${TYPE}insufficient-scope`]);
  });
});
