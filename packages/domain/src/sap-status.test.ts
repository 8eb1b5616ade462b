import { describe, expect, it } from "vitest";
import { storefrontStatusOf } from "./sap-status";

const item = (reason = "") => ({ SalesDocumentRjcnReason: reason });

describe("SAP sales order state → storefront status", () => {
  it.each([
    [{ OverallSDProcessStatus: "A", items: [item()] }, "ACCEPTED"],
    [{ OverallSDProcessStatus: "B", items: [item()] }, "PROCESSING"],
    [{ OverallSDProcessStatus: "B", OverallDeliveryStatus: "B", items: [item()] }, "SHIPPED"],
    [{ OverallDeliveryStatus: "C", OverallTotalDeliveryStatus: "C", items: [item()] }, "DELIVERED"],
    [{ OverallDeliveryStatus: "C", OverallOrdReltdBillgStatus: "C", items: [item()] }, "BILLED"],
    [{ OverallSDProcessStatus: "C", items: [item("61"), item("61")] }, "CANCELLED"],
    [{ OverallSDProcessStatus: "B", items: [item("61"), item()] }, "PROCESSING"],
  ] as const)("%j → %s", (so, status) => {
    expect(storefrontStatusOf({ ...so, items: [...so.items] })).toBe(status);
  });
});
