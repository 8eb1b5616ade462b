import { DEFAULT_RESILIENCE, SapClient, type SapError } from "@icp/sap-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Sandbox } from "./sandbox";
import { admin, startTestSandbox, testSapClient } from "./testing";

/**
 * The project's own SAP client against the sandbox: whatever the client expects of SAP, the
 * sandbox must answer the same way (and the other way round).
 */
let sandbox: Sandbox;
let sap: SapClient;
beforeAll(async () => {
  sandbox = await startTestSandbox({ products: 120, customers: 60 });
  sap = testSapClient(sandbox);
});
afterAll(async () => {
  await sap.close();
  await sandbox.close();
});

const order = (reference: string, customer = "17100001") => ({
  SalesOrderType: "OR",
  SalesOrganization: "1010",
  DistributionChannel: "10",
  OrganizationDivision: "00",
  SoldToParty: customer,
  PurchaseOrderByCustomer: reference,
  TransactionCurrency: "EUR",
  RequestedDeliveryDate: new Date(Date.UTC(2026, 11, 1)),
  to_Item: [
    { SalesOrderItem: "10", Material: "TG11", RequestedQuantity: "2" },
    { SalesOrderItem: "20", Material: "TG12", RequestedQuantity: "1" },
  ],
  to_Partner: [
    { PartnerFunction: "AG", Customer: customer },
    { PartnerFunction: "WE", Customer: customer },
  ],
});

describe("@icp/sap-client against the sandbox", () => {
  it("pings, creates once, finds, reads, changes and cancels a sales order", async () => {
    expect((await sap.ping()).ok).toBe(true);
    const first = await sap.createSalesOrderOnce(order("CONTRACT-1"));
    expect(first.created).toBe(true);
    const again = await sap.createSalesOrderOnce(order("CONTRACT-1"));
    expect(again.created).toBe(false);
    expect(again.salesOrder).toBe(first.salesOrder);
    const so = first.salesOrder;

    const read = await sap.salesOrders.get(so, { expandItems: true });
    expect(read?.to_Item?.map((i) => i.SalesOrderItem)).toEqual(["10", "20"]);
    expect(read?.LastChangeDateTime).toBeInstanceOf(Date);

    await sap.salesOrders.changeItemQuantity(so, "10", "5");
    const changed = await sap.salesOrders.get(so, { expandItems: true });
    expect(Number(changed?.to_Item?.[0]?.RequestedQuantity)).toBe(5);

    const delta = await sap.salesOrders.listChangedSince(new Date(Date.now() - 60_000), { top: 10, skip: 0 });
    expect(delta.items.map((o) => o.SalesOrder)).toContain(so);

    expect(await sap.salesOrders.rejectItems(so, "50")).toBe(2);
    const cancelled = await sap.salesOrders.get(so);
    expect(cancelled?.OverallSDDocumentRejectionSts).toBe("C");
    expect(await sap.salesOrders.get("999999")).toBeNull();
  });

  it("rejects one item of a sales order (a line modified to zero) and leaves the others open", async () => {
    const { salesOrder } = await sap.createSalesOrderOnce(order("CONTRACT-ONE-ITEM"));

    await sap.salesOrders.rejectItem(salesOrder, "20", "10");

    const read = await sap.salesOrders.get(salesOrder, { expandItems: true });
    expect(read?.to_Item?.map((i) => [i.SalesOrderItem, i.SalesDocumentRjcnReason ?? ""])).toEqual([
      ["10", ""],
      ["20", "10"],
    ]);
    expect(read?.OverallSDDocumentRejectionSts).not.toBe("C");
  });

  it("sees SAP's business errors as typed business problems", async () => {
    const blocked = sandbox.store.catalog.customerId(39);
    const fail = async (body: ReturnType<typeof order>) => {
      try {
        await sap.salesOrders.create(body);
      } catch (e) {
        return e as SapError;
      }
      throw new Error("expected a business error");
    };
    const unknownMaterial = await fail({
      ...order("CONTRACT-2"),
      to_Item: [{ SalesOrderItem: "10", Material: "NOPE", RequestedQuantity: "1" }],
    });
    expect(unknownMaterial.code).toBe("SAP_BUSINESS_ERROR");
    expect(unknownMaterial.business).toBe("unknownMaterial");
    expect((await fail(order("CONTRACT-3", blocked))).business).toBe("blockedCustomer");
    expect((await fail(order("CONTRACT-4", "99999999"))).business).toBe("unknownCustomer");
    const qty = await fail({
      ...order("CONTRACT-5"),
      to_Item: [{ SalesOrderItem: "10", Material: "TG11", RequestedQuantity: "0" }],
    });
    expect(qty.business).toBe("invalidQuantity");
  });

  it("a create whose response was lost still ends as exactly one sales order", async () => {
    await sap.salesOrders.create(order("CONTRACT-WARMUP"));
    await admin(sandbox, "PUT", "faults", {
      lostResponseRate: 1,
      scope: { method: "POST", pathPrefix: "A_SalesOrder" },
    });
    try {
      const result = await sap.createSalesOrderOnce(order("CONTRACT-LOST"));
      expect(result.created).toBe(true);
    } finally {
      await admin(sandbox, "DELETE", "faults");
    }
    expect(await sap.salesOrders.findByPurchaseOrderByCustomer("CONTRACT-LOST")).toHaveLength(1);
  });

  it("a second create with the same reference is refused with V4/115, and createSalesOrderOnce answers with the first", async () => {
    const first = await sap.salesOrders.create(order("CONTRACT-DUP"));
    const refused = await sap.salesOrders.create(order("CONTRACT-DUP")).catch((e: unknown) => e as SapError);
    expect(refused).toMatchObject({
      code: "SAP_DUPLICATE_PURCHASE_ORDER",
      sapCode: "V4/115",
      httpStatus: 400,
      retryable: false,
      ambiguous: false,
    });
    expect((refused as SapError).sapMessage).toContain(first.SalesOrder);
    const again = await sap.createSalesOrderOnce(order("CONTRACT-DUP"), { mayExist: false });
    expect(again).toEqual({
      salesOrder: first.SalesOrder,
      created: false,
      refusedAsDuplicate: true,
      messages: [],
      blocks: [],
    });
    expect(await sap.salesOrders.findByPurchaseOrderByCustomer("CONTRACT-DUP")).toHaveLength(1);
  });

  it("two concurrent createSalesOrderOnce({ mayExist: false }) for one reference make exactly one sales order", async () => {
    const results = await Promise.all(
      [1, 2].map(() => sap.createSalesOrderOnce(order("CONTRACT-RACE"), { mayExist: false })),
    );
    const booked = await sap.salesOrders.findByPurchaseOrderByCustomer("CONTRACT-RACE");
    expect(booked).toHaveLength(1);
    expect(results.map((r) => r.salesOrder)).toEqual([booked[0]?.SalesOrder, booked[0]?.SalesOrder]);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(results.filter((r) => r.refusedAsDuplicate)).toHaveLength(1);
  });

  it("without SAP's check the same race books twice, and the lookup lists both oldest first (the client's fence must hold)", async () => {
    await admin(sandbox, "PUT", "faults", { purchaseOrderCheck: "off" });
    try {
      const results = await Promise.all(
        [1, 2].map(() => sap.createSalesOrderOnce(order("CONTRACT-NOCHECK"), { mayExist: false })),
      );
      expect(results.every((r) => r.created)).toBe(true);
      const booked = await sap.salesOrders.findByPurchaseOrderByCustomer("CONTRACT-NOCHECK");
      expect(booked.map((o) => o.SalesOrder)).toEqual(
        results.map((r) => r.salesOrder).sort((a, b) => Number(a) - Number(b)),
      );
      expect(booked[0]?.SoldToParty).toBe("17100001");
      expect(booked[0]?.CreationDate).toBeInstanceOf(Date);
    } finally {
      await admin(sandbox, "DELETE", "faults");
    }
  });

  it("sees SAP's clock in the Date header of every answer, skewed like SAP's own stamps", async () => {
    await admin(sandbox, "PUT", "faults", { clockSkewMs: -5 * 60_000 });
    try {
      let first: Date | undefined;
      for await (const page of sap.stock.all(200)) first ??= page.serverTime;
      const sapNow = Date.now() - 5 * 60_000;
      expect(first).toBeInstanceOf(Date);
      expect(Math.abs((first?.getTime() ?? 0) - sapNow)).toBeLessThan(3_000);
      expect((first?.getTime() ?? 0) % 1000).toBe(0);
      const created = await sap.salesOrders.create(order("CONTRACT-SKEW"));
      expect(Math.abs((created.LastChangeDateTime?.getTime() ?? 0) - sapNow)).toBeLessThan(3_000);
      expect(Math.abs((sap.transport.lastServerTime?.getTime() ?? 0) - sapNow)).toBeLessThan(3_000);
    } finally {
      await admin(sandbox, "DELETE", "faults");
    }
  });

  it("re-fetches the CSRF token after it expired", async () => {
    await sap.salesOrders.create(order("CONTRACT-6"));
    await admin(sandbox, "POST", "csrf/expire");
    const created = await sap.salesOrders.create(order("CONTRACT-7"));
    expect(created.PurchaseOrderByCustomer).toBe("CONTRACT-7");
  });

  it("reads products, prices, stock, customers and images", async () => {
    let products = 0;
    for await (const page of sap.products.all({ pageSize: 50 })) {
      products += page.items.length;
      expect(page.items[0]?.to_Description).toBeDefined();
    }
    expect(products).toBe(120);
    const prices = await sap.prices.page({ top: 500, skip: 0 });
    expect(new Set(prices.items.map((p) => p.Material)).size).toBe(120);
    // Narrowed reads carry the selected fields (into expanded navigations too) and no others.
    const [full] = (await sap.products.page({ top: 1, skip: 0 })).items;
    const [narrow] = (
      await sap.products.page({
        top: 1,
        skip: 0,
        select: ["Product", "BaseUnit", "to_Description/ProductDescription"],
        expand: ["to_Description"],
      })
    ).items;
    expect(narrow?.Product).toBe(full?.Product);
    expect(narrow?.BaseUnit).toBe(full?.BaseUnit);
    expect(narrow?.ProductGroup).toBeUndefined();
    expect(full?.ProductGroup).toBeDefined();
    expect(narrow?.to_SalesDelivery).toBeUndefined();
    expect(narrow?.to_Description?.map((d) => d.ProductDescription)).toEqual(
      full?.to_Description?.map((d) => d.ProductDescription),
    );
    expect(narrow?.to_Description?.[0]?.Language).toBeUndefined();
    const [price] = (
      await sap.prices.page({
        top: 1,
        skip: 0,
        materials: ["TG11"],
        select: ["Material", "to_SlsPrcgConditionRecord/ConditionRateValue"],
      })
    ).items;
    expect(price?.Material).toBe("TG11");
    expect(price?.to_SlsPrcgConditionRecord?.ConditionRateValue).toMatch(/^\d+(\.\d+)?$/);
    expect(price?.ConditionType).toBeUndefined();
    expect(await sap.stock.forProduct("TG11", "1010")).toBe(
      Number(sandbox.store.catalog.product(1).stock[0]),
    );
    // Several stock levels in one filtered read; an unknown pair reads as 0.
    const { levels: batch } = await sap.stock.forProducts([
      { material: "TG11", plant: "1010" },
      { material: "TG12", plant: "1010" },
      { material: "NOPE", plant: "1010" },
    ]);
    expect(batch.get("TG11|1010")).toBe(await sap.stock.forProduct("TG11", "1010"));
    expect(batch.get("TG12|1010")).toBe(await sap.stock.forProduct("TG12", "1010"));
    expect(batch.get("NOPE|1010")).toBe(0);
    const customers = await sap.customers.page({ top: 10, skip: 0 });
    expect(customers.total).toBe(60);
    const originals = await sap.attachments.originalsFor("TG11");
    expect(originals[0]?.DocumentURL).toContain("/sandbox/images/TG11.svg");
    // The same reads for many products, in $batch round trips of 2 calls each.
    const many = await sap.attachments.originalsForMany(["TG11", "TG12", "NOPE"], 2);
    expect(many.get("TG11")).toEqual(originals);
    expect(many.get("TG12")).toEqual(await sap.attachments.originalsFor("TG12"));
    expect(many.get("TG12")?.[0]?.DocumentURL).toContain("/sandbox/images/TG12.svg");
    expect(many.get("NOPE")).toEqual(await sap.attachments.originalsFor("NOPE"));
  });

  it("with OAuth2 client credentials", async () => {
    const oauth = new SapClient({
      baseUrl: sandbox.url,
      client: "100",
      language: "EN",
      auth: {
        kind: "oauth2",
        tokenUrl: `${sandbox.url}/sandbox/oauth/token`,
        clientId: "icp-sandbox-client",
        clientSecret: "local-sandbox-secret",
      },
      ...DEFAULT_RESILIENCE,
    });
    try {
      const created = await oauth.salesOrders.create(order("CONTRACT-OAUTH"));
      expect(created.SalesOrder).toBeTruthy();
    } finally {
      await oauth.close();
    }
  });

  it("lists the materials with stock at one plant, at most a limit, and tells a plant SAP does not know", async () => {
    // the same rows read the long way: every stock row, kept where the plant is 1020
    const rows = new Set<string>();
    for await (const page of sap.stock.all(500))
      for (const r of page.items) if (r.Plant === "1020") rows.add(r.Material);
    const expected = [...rows].sort();
    expect(expected.length).toBeGreaterThan(5);
    const all = await sap.stock.materialsAt("1020", 10_000);
    expect(all).toEqual({ known: true, materials: expected, more: false });
    const cut = await sap.stock.materialsAt("1020", 5);
    expect(cut).toEqual({ known: true, materials: expected.slice(0, 5), more: true });
    expect(await sap.stock.materialsAt("9999", 10)).toEqual({ known: false, materials: [], more: false });
  });
});
