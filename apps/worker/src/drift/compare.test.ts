import { describe, expect, it } from "vitest";
import {
  customerSide,
  diffSides,
  productSide,
  stockSide,
  storedProductSide,
  storedStockSide,
} from "./compare";

const product = (amount: string | null, name = "Pump") => ({
  name,
  price: amount === null ? null : { amount, amountNum: Number(amount), currency: "EUR", validFrom: null },
});

describe("drift comparison", () => {
  it("names a changed list price with SAP's and the read model's amount", () => {
    expect(
      diffSides(
        "PRODUCTS",
        productSide(product("18.75"), 5),
        storedProductSide({ ...product("12.50"), available: 5 }, 5),
      ),
    ).toEqual([{ field: "price.amount", sap: "18.75", readModel: "12.5" }]);
  });

  it("reads 12.50 and 12.5 as one price", () => {
    expect(diffSides("PRODUCTS", productSide(product("12.50"), 0), productSide(product("12.5"), 0))).toEqual(
      [],
    );
  });

  it("names only `exists` when one side has no such product", () => {
    expect(
      diffSides("PRODUCTS", productSide(null, 0), storedProductSide({ ...product("1"), available: 3 }, 3)),
    ).toEqual([{ field: "exists", sap: false, readModel: true }]);
  });

  it("compares the availability the storefront lists, falling back to the levels when the product has no summary", () => {
    expect(diffSides("PRODUCTS", productSide(product("1"), 7), storedProductSide(product("1"), 4))).toEqual([
      { field: "available", sap: 7, readModel: 4 },
    ]);
    expect(
      diffSides(
        "PRODUCTS",
        productSide(product("1"), 7),
        storedProductSide({ ...product("1"), available: 7 }, 0),
      ),
    ).toEqual([]);
  });

  it("treats a missing stock level as 0 on either side", () => {
    expect(diffSides("STOCK", stockSide(null), storedStockSide(null))).toEqual([]);
    expect(diffSides("STOCK", stockSide(3), storedStockSide(null))).toEqual([
      { field: "quantity", sap: 3, readModel: 0 },
    ]);
  });

  it("compares a customer's addresses whatever their order, and names a blocked flag that differs", () => {
    const a = {
      id: "1",
      kind: "postal",
      name: "A",
      street: "S 1",
      postalCode: "1",
      city: "C",
      country: "DE",
    };
    const b = { ...a, id: "2", city: "D" };
    const c = {
      name: "Acme",
      blocked: false,
      paymentTerms: { code: "NT30", description: "" },
      addresses: [a, b],
    };
    expect(diffSides("CUSTOMERS", customerSide(c), customerSide({ ...c, addresses: [b, a] }))).toEqual([]);
    expect(diffSides("CUSTOMERS", customerSide({ ...c, blocked: true }), customerSide(c))).toEqual([
      { field: "blocked", sap: true, readModel: false },
    ]);
  });
});
