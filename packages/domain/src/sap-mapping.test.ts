import { describe, expect, it } from "vitest";
import { toSalesOrderDeepInsert } from "./sap-mapping";

describe("storefront order → SAP sales order", () => {
  it("carries the storefront order id in PurchaseOrderByCustomer and numbers items 10, 20", () => {
    const so = toSalesOrderDeepInsert({
      orderId: "SF-42",
      customerId: "17100001",
      currency: "EUR",
      lines: [
        { sku: "TG11", quantity: 2 },
        { sku: "TG12", quantity: 1 },
      ],
      submittedAt: "2026-11-24T10:00:00.000Z",
      requestedDeliveryDate: "2026-12-01",
      apiClientId: "c",
    });
    expect(so.PurchaseOrderByCustomer).toBe("SF-42");
    expect(so.to_Item.map((i) => [i.SalesOrderItem, i.Material, i.RequestedQuantity])).toEqual([
      ["10", "TG11", "2"],
      ["20", "TG12", "1"],
    ]);
    expect(so.RequestedDeliveryDate?.toISOString()).toBe("2026-12-01T00:00:00.000Z");
  });
});
