import { priceFor, toSalesOrderDeepInsert } from "@icp/domain";
import { pricingConditionsOf, type SapClient, type SapError } from "@icp/sap-client";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Sandbox } from "../sandbox";
import { startTestSandbox, testSapClient } from "../testing";

/**
 * Issue 22, items 7, 8, 9 and 12: a create SAP commits after the client gave up, the warnings
 * SAP saves a document with, documents locked by another user, and the storefront's ship-to
 * address — the client (and the domain's deep insert) against the sandbox.
 */
let sandbox: Sandbox;
const clients: SapClient[] = [];
function client(over: Partial<ConstructorParameters<typeof SapClient>[0]> = {}): SapClient {
  const c = testSapClient(sandbox, over);
  clients.push(c);
  return c;
}
beforeAll(async () => {
  sandbox = await startTestSandbox({ products: 60, customers: 60 });
});
afterEach(() => sandbox.faults.clear());
afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
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
  to_Item: [{ SalesOrderItem: "10", Material: "TG11", RequestedQuantity: "2" }],
  to_Partner: [
    { PartnerFunction: "AG", Customer: customer },
    { PartnerFunction: "WE", Customer: customer },
  ],
});

describe("late commit (issue 22: 7)", { timeout: 15_000 }, () => {
  it("a create SAP commits after the client timed out is found after the commit window, not booked twice", async () => {
    const sap = client({ timeoutMs: 1_000, commitWindowMs: 3_000 });
    await sap.createSalesOrderOnce(order("LATE-COMMIT-WARM-1"), { mayExist: false }); // logon, CSRF
    sandbox.faults.set({
      lateCommitRate: 1,
      lateCommitMs: 1_200,
      scope: { method: "POST", pathPrefix: "A_SalesOrder" },
    });
    const result = await sap.createSalesOrderOnce(order("LATE-COMMIT-1"), { mayExist: false });
    sandbox.faults.clear();
    expect(result.created).toBe(true);
    const booked = await sap.salesOrders.findByPurchaseOrderByCustomer("LATE-COMMIT-1");
    expect(booked.map((o) => o.SalesOrder)).toEqual([result.salesOrder]);
  });

  it("a create that never commits is still reported as ambiguous once the window has passed", async () => {
    const sap = client({ timeoutMs: 800, commitWindowMs: 1_200 });
    await sap.createSalesOrderOnce(order("LATE-COMMIT-WARM-2"), { mayExist: false }); // logon, CSRF
    sandbox.faults.set({ timeoutRate: 1, scope: { method: "POST", pathPrefix: "A_SalesOrder" } });
    const started = Date.now();
    const err = (await sap
      .createSalesOrderOnce(order("LATE-COMMIT-2"), { mayExist: false })
      .catch((e) => e)) as SapError;
    expect(err.code).toBe("SAP_TIMEOUT");
    expect(err.ambiguous).toBe(true);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_200);
  });
});

describe("sap-message (issue 22: 8)", () => {
  it("returns the warnings and blocks SAP saved the document with", async () => {
    const sap = client();
    const plain = await sap.createSalesOrderOnce(order("MSG-PLAIN"), { mayExist: false });
    expect(plain).toMatchObject({ created: true, messages: [], blocks: [] });

    const credit = await sap.createSalesOrderOnce(order("MSG-CREDIT", "17100014"), { mayExist: false });
    expect(credit.blocks).toEqual(["creditBlock"]);
    expect(credit.messages).toEqual([
      expect.objectContaining({ code: "V1/154", severity: "warning", block: "creditBlock" }),
    ]);

    const delivery = await sap.createSalesOrderOnce(order("MSG-DELIVERY", "17100018"), { mayExist: false });
    expect(delivery.blocks).toEqual(["deliveryBlock"]);
    expect(delivery.messages[0]).toMatchObject({ severity: "warning", block: "deliveryBlock" });

    const incomplete = await sap.createSalesOrderOnce(order("MSG-INCOMPLETE", "17100024"), {
      mayExist: false,
    });
    expect(incomplete.blocks).toEqual(["incomplete"]);
    expect(incomplete.messages[0]?.message).toMatch(/incomplete/);
  });
});

describe("lock errors (issue 22: 9)", () => {
  it("a document locked by another user is SAP_LOCKED, retried with backoff, and goes through once the lock is gone", async () => {
    const sap = client({ retry: { attempts: 8, baseDelayMs: 40, maxDelayMs: 200 } });
    const { salesOrder } = await sap.createSalesOrderOnce(order("LOCK-1"), { mayExist: false });
    sandbox.faults.set({ lockRate: 1, scope: { method: "MERGE" } });
    const locked = (await client({ retry: { attempts: 2, baseDelayMs: 1, maxDelayMs: 1 } })
      .salesOrders.rejectItems(salesOrder, "10")
      .catch((e) => e)) as SapError;
    expect(locked).toMatchObject({
      code: "SAP_LOCKED",
      retryable: true,
      ambiguous: false,
      sapCode: "V1/042",
    });

    setTimeout(() => sandbox.faults.clear(), 150); // the other user saves and leaves
    expect(await sap.salesOrders.rejectItems(salesOrder, "10")).toBe(1);
    const read = await sap.salesOrders.get(salesOrder, { expandItems: true });
    expect(read?.to_Item?.[0]?.SalesDocumentRjcnReason).toBe("10");
  });
});

describe("ship-to address (issue 22: 12)", () => {
  it("the storefront's shipTo reaches SAP as the WE partner's own address and is read back", async () => {
    const sap = client();
    const body = toSalesOrderDeepInsert({
      orderId: "SHIP-TO-1",
      customerId: "17100001",
      currency: "EUR",
      lines: [{ sku: "TG11", quantity: 1 }],
      shipTo: {
        name: "Erika Mustermann",
        street: "Heidestraße 17",
        postalCode: "51147",
        city: "Köln",
        country: "DE",
      },
      submittedAt: new Date().toISOString(),
      apiClientId: "c",
    });
    const { salesOrder } = await sap.createSalesOrderOnce(body, { mayExist: false });
    const res = await sap.transport.request({
      service: "API_SALES_ORDER_SRV",
      method: "GET",
      path: `A_SalesOrder('${salesOrder}')/to_Partner`,
      query: { $expand: "to_Address" },
    });
    const partners = (res.json() as { d: { results: Record<string, unknown>[] } }).d.results;
    const we = partners.find((p) => p.PartnerFunction === "WE");
    expect(we?.Customer).toBe("17100001");
    expect(we?.AddressID).toMatch(/^9/);
    expect((we?.to_Address as { results: Record<string, unknown>[] } | undefined)?.results).toEqual([
      expect.objectContaining({
        AddresseeFullName: "Erika Mustermann",
        StreetName: "Heidestraße 17",
        PostalCode: "51147",
        CityName: "Köln",
        Country: "DE",
      }),
    ]);
    const ag = partners.find((p) => p.PartnerFunction === "AG");
    expect((ag?.to_Address as { results: unknown[] } | undefined)?.results ?? []).toEqual([]);
  });
});

describe("SAP's order pricing: the customer's own record and scales (issue 22: 5)", () => {
  it("prices an order item by the sold-to party's own record, else the list price, each by its quantity scale — as priceFor reads the same records", async () => {
    const sap = client();
    const material = sandbox.store.catalog.product(5).id; // per 10 PC, scales, customer 17100001's record
    const rows = [];
    for await (const p of sap.prices.all(100, { customers: true, scales: true }))
      rows.push(...p.items.filter((v) => v.Material === material));
    const conditions = pricingConditionsOf(rows).get(material);
    if (!conditions) throw new Error(`no pricing read for ${material}`);
    const cases: [string, number, string, number | null][] = [
      ["17100001", 3, "customer", 1],
      ["17100001", 20, "customer", 20],
      ["17100003", 7, "list", 1],
      ["17100003", 50, "list", 50],
    ];
    for (const [customer, quantity, rule, scaleFrom] of cases) {
      const quote = priceFor(conditions, customer, quantity);
      expect([customer, quantity, quote?.rule, quote?.scaleFrom]).toEqual([
        customer,
        quantity,
        rule,
        scaleFrom,
      ]);
      const { salesOrder } = await sap.createSalesOrderOnce(
        toSalesOrderDeepInsert({
          orderId: `PRICE-${customer}-${quantity}`,
          customerId: customer,
          currency: "EUR",
          lines: [{ sku: material, quantity }],
          submittedAt: new Date().toISOString(),
          apiClientId: "c",
        }),
        { mayExist: false },
      );
      const res = await sap.transport.request({
        service: "API_SALES_ORDER_SRV",
        method: "GET",
        path: `A_SalesOrder('${salesOrder}')/to_Item`,
      });
      const [item] = (res.json() as { d: { results: { NetAmount: string }[] } }).d.results;
      expect([customer, quantity, Number(item?.NetAmount)]).toEqual([
        customer,
        quantity,
        Number(quote?.lineAmount),
      ]);
    }
  });
});
