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

  it("sends the storefront's shipTo as the ship-to partner's own address on the document (issue 22: 12)", () => {
    const so = toSalesOrderDeepInsert({
      orderId: "SF-43",
      customerId: "17100001",
      currency: "EUR",
      lines: [{ sku: "TG11", quantity: 1 }],
      shipTo: {
        name: "Musterfirma GmbH Logistikzentrum Süd, Tor 4 – Warenannahme",
        street: "Industriestraße 12",
        postalCode: "69190",
        city: "Walldorf",
        country: "de",
      },
      submittedAt: "2026-11-24T10:00:00.000Z",
      apiClientId: "c",
    });
    expect(so.to_Partner?.find((p) => p.PartnerFunction === "AG")).toEqual({
      PartnerFunction: "AG",
      Customer: "17100001",
    });
    expect(so.to_Partner?.find((p) => p.PartnerFunction === "WE")).toEqual({
      PartnerFunction: "WE",
      Customer: "17100001",
      to_Address: [
        {
          AddresseeFullName: "Musterfirma GmbH Logistikzentrum Süd, Tor 4 – Warenannahme",
          OrganizationName1: "Musterfirma GmbH Logistikzentrum Süd, To",
          OrganizationName2: "r 4 – Warenannahme",
          StreetName: "Industriestraße 12",
          PostalCode: "69190",
          CityName: "Walldorf",
          Country: "DE",
        },
      ],
    });
  });

  it("without a shipTo the ship-to partner is the customer with its master address", () => {
    const so = toSalesOrderDeepInsert({
      orderId: "SF-44",
      customerId: "17100002",
      currency: "EUR",
      lines: [{ sku: "TG11", quantity: 1 }],
      submittedAt: "2026-11-24T10:00:00.000Z",
      apiClientId: "c",
    });
    expect(so.to_Partner).toEqual([
      { PartnerFunction: "AG", Customer: "17100002" },
      { PartnerFunction: "WE", Customer: "17100002" },
    ]);
  });
});
