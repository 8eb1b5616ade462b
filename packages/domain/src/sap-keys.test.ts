import { describe, expect, it } from "vitest";
import { decodeCloudEvent } from "./cloudevents";
import { EventTypes, inventoryTopicSchemas, orderStatusTopicSchemas } from "./events";
import { SAP_NUMBER_LENGTH, sapExternalMaterial, sapExternalNumber, sapInternalNumber } from "./sap-keys";

const headers = (type: string) => ({
  ce_specversion: "1.0",
  ce_id: "e-1",
  ce_source: "/default/sap.s4.beh/S4T",
  ce_type: type,
  ce_time: "2026-12-07T10:00:00.000Z",
});

describe("SAP numbers in one form (ALPHA, MATN1)", () => {
  it("drops the leading zeros of a number made only of digits, and keeps one digit", () => {
    expect(sapExternalNumber("0000000012")).toBe("12");
    expect(sapExternalNumber("12")).toBe("12");
    expect(sapExternalNumber("000000000000004711")).toBe("4711");
    expect(sapExternalNumber("0000000000")).toBe("0");
    expect(sapExternalNumber("0017100001")).toBe("17100001");
  });

  it("leaves a value with anything but digits in it alone, as both exits do", () => {
    expect(sapExternalNumber("TG11")).toBe("TG11");
    expect(sapExternalNumber("00-4711")).toBe("00-4711");
    expect(sapExternalNumber("0012A")).toBe("0012A");
    expect(sapExternalNumber(" 0012")).toBe(" 0012");
  });

  it("a material loses its zeros only at the internal width: shorter, they are part of the number", () => {
    expect(sapExternalMaterial("000000000000004711")).toBe("4711");
    expect(sapExternalMaterial(`${"0".repeat(36)}4711`)).toBe("4711");
    // lexicographic material numbering: 0012 and 12 are two materials
    expect(sapExternalMaterial("0012")).toBe("0012");
    expect(sapExternalMaterial("TG11")).toBe("TG11");
    expect(sapExternalMaterial(sapInternalNumber("4711", SAP_NUMBER_LENGTH.material))).toBe("4711");
  });

  it("pads a number to its internal length, and round-trips", () => {
    expect(sapInternalNumber("12", SAP_NUMBER_LENGTH.salesOrder)).toBe("0000000012");
    expect(sapInternalNumber("0012", SAP_NUMBER_LENGTH.salesOrder)).toBe("0000000012");
    expect(sapInternalNumber("4711", SAP_NUMBER_LENGTH.material)).toBe("000000000000004711");
    expect(sapInternalNumber("TG11", SAP_NUMBER_LENGTH.material)).toBe("TG11");
    for (const n of ["1", "17100001", "9999999999"])
      expect(sapExternalNumber(sapInternalNumber(n, SAP_NUMBER_LENGTH.customer))).toBe(n);
  });

  it("a sales-order event names its order in the external form, whichever form SAP sent", () => {
    for (const sent of ["0000000012", "12"]) {
      const decoded = decodeCloudEvent(
        {
          value: Buffer.from(JSON.stringify({ SalesOrder: sent })),
          headers: headers(EventTypes.salesOrderChanged),
        },
        orderStatusTopicSchemas,
      );
      expect(decoded.ok && decoded.event.data.SalesOrder).toBe("12");
    }
  });

  it("a stock event names its material in the external form; plants are not converted", () => {
    const material = (Material: string) => {
      const decoded = decodeCloudEvent(
        {
          value: Buffer.from(JSON.stringify({ Material, Plant: "0010" })),
          headers: headers(EventTypes.materialStockChanged),
        },
        inventoryTopicSchemas,
      );
      return decoded.ok ? decoded.event.data : decoded.reason;
    };
    expect(material("000000000000004711")).toMatchObject({ Material: "4711", Plant: "0010" });
    expect(material("0012")).toMatchObject({ Material: "0012" });
  });

  it("still refuses a sales order number longer than SAP's 10 characters", () => {
    const decoded = decodeCloudEvent(
      {
        value: Buffer.from(JSON.stringify({ SalesOrder: "00000000012" })),
        headers: headers(EventTypes.salesOrderChanged),
      },
      orderStatusTopicSchemas,
    );
    expect(decoded.ok).toBe(false);
  });
});
