import { describe, expect, it } from "vitest";
import { quotePrices } from "./prices";
import { expectDeclared, storefront } from "./testing";

/** TG11 (testing.ts): list 125.00 EUR per 10 PC, scale from 10 PC 118.75; C1's own 87.50, scale from 20 PC 80.00. */
describe("GET /prices quotes per item, as the rule says", () => {
  it("a visitor gets the list price per one unit, and the scale price from 10 pieces", async () => {
    const res = await storefront().call("GET", "/prices?items=TG11:3,TG11:10", { token: "catalog.read" });
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.body?.customer).toBeNull();
    expect(res.body?.items).toEqual([
      {
        sku: "TG11",
        quantity: 3,
        unitPrice: "12.50",
        lineAmount: "37.50",
        currency: "EUR",
        rule: "list",
        scaleFrom: null,
        per: 10,
      },
      {
        sku: "TG11",
        quantity: 10,
        unitPrice: "11.875",
        lineAmount: "118.75",
        currency: "EUR",
        rule: "list",
        scaleFrom: 10,
        per: 10,
      },
    ]);
    expectDeclared(quotePrices, res);
  });

  it("a customer with an own record gets it (not the deleted one), and its own scale", async () => {
    const res = await storefront().call("GET", "/prices?customer=C1&items=TG11:3,TG11:20", {
      token: "catalog.read",
    });
    expect(res.status).toBe(200);
    expect(res.body?.items).toEqual([
      {
        sku: "TG11",
        quantity: 3,
        unitPrice: "8.75",
        lineAmount: "26.25",
        currency: "EUR",
        rule: "customer",
        scaleFrom: null,
        per: 10,
      },
      {
        sku: "TG11",
        quantity: 20,
        unitPrice: "8.00",
        lineAmount: "160.00",
        currency: "EUR",
        rule: "customer",
        scaleFrom: 20,
        per: 10,
      },
    ]);
    expectDeclared(quotePrices, res);
  });
});
