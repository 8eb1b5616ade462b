import { existsSync, readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { renderAll } from "../scripts/generate";
import {
  formatODataDate,
  fromWire,
  keyPredicate,
  literal,
  parseODataDate,
  toWire,
  unwrapCollection,
} from "./codecs";
import { parseEdmx } from "./edmx";
import { parseSapErrorBody } from "./errors";
import { f } from "./filter";
import { API_SALES_ORDER_SRV_MODEL, SERVICES } from "./generated/index";

const specs = fileURLToPath(new URL("../specs/", import.meta.url));
const shared = fileURLToPath(new URL("../../../../shared/sap-specs/", import.meta.url));
const generated = fileURLToPath(new URL("./generated/", import.meta.url));

describe("the vendored contracts", () => {
  it.skipIf(!existsSync(shared))("are byte-identical to shared/sap-specs", () => {
    const files = readdirSync(shared).filter((f) => f.endsWith(".edmx"));
    expect(files.sort()).toEqual(
      readdirSync(specs)
        .filter((f) => f.endsWith(".edmx"))
        .sort(),
    );
    for (const file of files)
      expect(readFileSync(specs + file).equals(readFileSync(shared + file)), file).toBe(true);
  });

  it("generated code matches what the EDMX files generate today", () => {
    for (const [name, text] of renderAll()) expect(readFileSync(generated + name, "utf8"), name).toBe(text);
  });
});

describe("parseEdmx", () => {
  const so = parseEdmx(readFileSync(`${specs}API_SALES_ORDER_SRV.edmx`, "utf8"));

  it("reads entity types, keys, lengths and navigation multiplicity", () => {
    const header = so.entityTypes.A_SalesOrderType!;
    expect(header.keys).toEqual(["SalesOrder"]);
    expect(header.properties.find((p) => p.name === "PurchaseOrderByCustomer")).toMatchObject({
      type: "Edm.String",
      maxLength: 35,
    });
    expect(header.navigationProperties.find((n) => n.name === "to_Item")).toEqual({
      name: "to_Item",
      target: "A_SalesOrderItemType",
      multiplicity: "*",
    });
    expect(so.entityTypes.A_SalesOrderItemType!.keys).toEqual(["SalesOrder", "SalesOrderItem"]);
    expect(so.entitySets.A_SalesOrder).toMatchObject({ entityType: "A_SalesOrderType", creatable: true });
  });

  it("covers all six services", () => {
    expect(Object.keys(SERVICES).sort()).toEqual([
      "API_BUSINESS_PARTNER",
      "API_CV_ATTACHMENT_SRV",
      "API_MATERIAL_STOCK_SRV",
      "API_PRODUCT_SRV",
      "API_SALES_ORDER_SRV",
      "API_SLSPRICINGCONDITIONRECORD_SRV",
    ]);
    expect(SERVICES.API_CV_ATTACHMENT_SRV!.functionImports.map((fi) => fi.name)).toContain("GetAllOriginals");
  });
});

describe("codecs", () => {
  it("reads and writes /Date()/ values", () => {
    expect(parseODataDate("/Date(1700000000000)/").toISOString()).toBe("2023-11-14T22:13:20.000Z");
    expect(parseODataDate("/Date(1700000000000+0060)/").getTime()).toBe(1700000000000);
    expect(formatODataDate(new Date(5), true)).toBe("/Date(5+0000)/");
    expect(() => parseODataDate("2023-01-01")).toThrow("not an OData V2 date");
  });

  it("converts an expanded sales order from the wire, and a deep insert to it", () => {
    const raw = {
      __metadata: { uri: "x", type: "API_SALES_ORDER_SRV.A_SalesOrderType" },
      SalesOrder: "1",
      LastChangeDateTime: "/Date(1700000000000+0000)/",
      to_Item: { results: [{ SalesOrder: "1", SalesOrderItem: "10", RequestedQuantity: "2" }] },
      to_Partner: { __deferred: { uri: "y" } },
    };
    const so = fromWire<{
      LastChangeDateTime: Date;
      to_Item: { SalesOrderItem: string }[];
      to_Partner?: unknown;
    }>(API_SALES_ORDER_SRV_MODEL, "A_SalesOrderType", raw);
    expect(so.LastChangeDateTime).toBeInstanceOf(Date);
    expect(so.to_Item[0]?.SalesOrderItem).toBe("10");
    expect(so.to_Partner).toBeUndefined();
    const wire = toWire(API_SALES_ORDER_SRV_MODEL, "A_SalesOrderType", {
      RequestedDeliveryDate: new Date(0),
      to_Item: [{ Material: "M" }],
    });
    expect(wire).toEqual({ RequestedDeliveryDate: "/Date(0)/", to_Item: [{ Material: "M" }] });
  });

  it("renders key predicates and literals with escaping", () => {
    expect(
      keyPredicate(API_SALES_ORDER_SRV_MODEL.entityTypes.A_SalesOrderItemType!, {
        SalesOrder: "1",
        SalesOrderItem: "10",
      }),
    ).toBe("(SalesOrder='1',SalesOrderItem='10')");
    expect(literal.string("O'Brien")).toBe("'O''Brien'");
    expect(literal.datetimeoffset(new Date("2026-01-02T03:04:05.678Z"))).toBe(
      "datetimeoffset'2026-01-02T03:04:05Z'",
    );
  });

  it("unwraps collections with count and next link", () => {
    expect(unwrapCollection({ d: { results: [{ a: 1 }], __count: "7", __next: "n" } })).toEqual({
      results: [{ a: 1 }],
      count: 7,
      next: "n",
    });
  });
});

describe("$filter builder", () => {
  it("escapes values so data cannot change the expression", () => {
    expect(f.eq("PurchaseOrderByCustomer", "x' or 1 eq 1 or 'a").expr).toBe(
      "PurchaseOrderByCustomer eq 'x'' or 1 eq 1 or ''a'",
    );
    expect(
      f.and(f.gt("LastChangeDateTime", new Date("2026-01-01T00:00:00Z")), f.startswith("Product", "TG")).expr,
    ).toBe("(LastChangeDateTime gt datetimeoffset'2026-01-01T00:00:00Z') and (startswith(Product,'TG'))");
    expect(f.anyOf("Material", ["A", "B"]).expr).toBe("Material eq 'A' or Material eq 'B'");
    expect(() => f.eq("A) or (B", "x")).toThrow("not a property path");
  });
});

describe("SAP error bodies", () => {
  it("parses Gateway errors and refuses other text", () => {
    const body = parseSapErrorBody(
      JSON.stringify({
        error: {
          code: "V1/320",
          message: { lang: "en", value: "Material X does not exist" },
          innererror: { errordetails: [{ code: "V1/320", message: "m", severity: "error" }] },
        },
      }),
    );
    expect(body?.error.code).toBe("V1/320");
    expect(parseSapErrorBody("<html>502</html>")).toBeNull();
  });
});
