import { describe, expect, it } from "vitest";
import { type PriceCondition, type PricingConditions, priceFor } from "./pricing";

const AT = new Date("2026-03-10T15:00:00Z");
const rec = (over: Partial<PriceCondition> & { record: string }): PriceCondition => ({
  customer: null,
  rate: "10.00",
  per: 1,
  currency: "EUR",
  validFrom: "2025-01-01",
  validTo: "9999-12-31",
  deleted: false,
  ...over,
});
const conditions = (over: Partial<PricingConditions>): PricingConditions => ({
  list: [],
  customerRecords: [],
  scales: [],
  ...over,
});

describe("priceFor: SAP's PR00 records → the storefront's price for a customer and a quantity", () => {
  const list = rec({ record: "L1", rate: "125.00", per: 10 });
  const own = rec({ record: "C1", customer: "17100001", rate: "87.50", per: 10 });

  it("the customer's own record (table 305) beats the list price; other customers and visitors get the list price", () => {
    const c = conditions({ list: [list], customerRecords: [own] });
    expect(priceFor(c, "17100001", 3, AT)).toMatchObject({
      unitPrice: "8.75",
      lineAmount: "26.25",
      rule: "customer",
      record: "C1",
      scaleFrom: null,
    });
    expect(priceFor(c, "17100002", 3, AT)).toMatchObject({
      unitPrice: "12.50",
      lineAmount: "37.50",
      rule: "list",
    });
    expect(priceFor(c, undefined, 3, AT)).toMatchObject({ unitPrice: "12.50", rule: "list", record: "L1" });
  });

  it("takes the scale line with the highest scale quantity ≤ the quantity, of the chosen record only", () => {
    const c = conditions({
      list: [list],
      customerRecords: [own],
      scales: [
        { record: "L1", from: 1, rate: "125.00" },
        { record: "L1", from: 10, rate: "118.75" },
        { record: "L1", from: 50, rate: "112.50" },
        { record: "C1", from: 20, rate: "80.00" },
      ],
    });
    expect(priceFor(c, undefined, 9, AT)).toMatchObject({
      unitPrice: "12.50",
      lineAmount: "112.50",
      scaleFrom: 1,
    });
    expect(priceFor(c, undefined, 10, AT)).toMatchObject({
      unitPrice: "11.875",
      lineAmount: "118.75",
      scaleFrom: 10,
    });
    expect(priceFor(c, undefined, 70, AT)).toMatchObject({
      unitPrice: "11.25",
      lineAmount: "787.50",
      scaleFrom: 50,
    });
    // the customer's record has its own scale; the list record's scales do not apply to it
    expect(priceFor(c, "17100001", 19, AT)).toMatchObject({
      unitPrice: "8.75",
      scaleFrom: null,
      rule: "customer",
    });
    expect(priceFor(c, "17100001", 20, AT)).toMatchObject({
      unitPrice: "8.00",
      lineAmount: "160.00",
      scaleFrom: 20,
    });
  });

  it("divides by the pricing unit: 12.345 EUR per 10 PC is 1.2345 a piece, 7 pieces 8.64 (rounded once, half up)", () => {
    const c = conditions({ list: [rec({ record: "L", rate: "12.345", per: 10 })] });
    expect(priceFor(c, undefined, 1, AT)).toMatchObject({ unitPrice: "1.2345", lineAmount: "1.23", per: 10 });
    expect(priceFor(c, undefined, 7, AT)).toMatchObject({ lineAmount: "8.64" });
    const c2 = conditions({ list: [rec({ record: "L", rate: "12.35", per: 10 })] });
    expect(priceFor(c2, undefined, 1, AT)).toMatchObject({ unitPrice: "1.235", lineAmount: "1.24" });
  });

  it("ignores records flagged for deletion, expired or not yet valid; of two valid ones the later-starting wins", () => {
    const c = conditions({
      list: [
        rec({ record: "OLD", rate: "9.00", validFrom: "2024-01-01" }),
        rec({ record: "NEW", rate: "11.00", validFrom: "2026-01-01" }),
        rec({ record: "DEL", rate: "99.00", validFrom: "2026-03-01", deleted: true }),
        rec({ record: "FUT", rate: "12.00", validFrom: "2026-03-11" }),
      ],
      customerRecords: [
        rec({ record: "CDEL", customer: "17100001", rate: "5.00", deleted: true }),
        rec({ record: "CEXP", customer: "17100001", rate: "6.00", validTo: "2026-03-09" }),
      ],
    });
    expect(priceFor(c, "17100001", 1, AT)).toMatchObject({ record: "NEW", unitPrice: "11.00", rule: "list" });
    // the last day of a validity still counts
    expect(priceFor(c, "17100001", 1, new Date("2026-03-09T23:59:00Z"))).toMatchObject({ record: "CEXP" });
    expect(
      priceFor(conditions({ list: [rec({ record: "X", deleted: true })] }), undefined, 1, AT),
    ).toBeUndefined();
  });
});
