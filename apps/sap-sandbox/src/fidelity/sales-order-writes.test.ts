import { DEFAULT_RESILIENCE, SapClient, type SapError } from "@icp/sap-client";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Sandbox } from "../sandbox";
import { startTestSandbox, TEST_PASSWORD, TEST_USER } from "../testing";

/**
 * Issue 22, items 7, 8 and 9: a create SAP commits after the client gave up, the warnings SAP
 * saves a document with, and documents locked by another user — the client against the sandbox.
 */
let sandbox: Sandbox;
const clients: SapClient[] = [];
function client(over: Partial<ConstructorParameters<typeof SapClient>[0]> = {}): SapClient {
  const c = new SapClient({
    baseUrl: sandbox.url,
    client: "100",
    language: "EN",
    auth: { kind: "basic", username: TEST_USER, password: TEST_PASSWORD },
    ...DEFAULT_RESILIENCE,
    retry: { attempts: 3, baseDelayMs: 10, maxDelayMs: 50 },
    ...over,
  });
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

describe("late commit (issue 22: 7)", () => {
  it("a create SAP commits after the client timed out is found after the commit window, not booked twice", async () => {
    const sap = client({ timeoutMs: 300, commitWindowMs: 1_500 });
    sandbox.faults.set({
      lateCommitRate: 1,
      lateCommitMs: 600,
      scope: { method: "POST", pathPrefix: "A_SalesOrder" },
    });
    const result = await sap.createSalesOrderOnce(order("LATE-COMMIT-1"), { mayExist: false });
    sandbox.faults.clear();
    expect(result.created).toBe(true);
    const booked = await sap.salesOrders.findByPurchaseOrderByCustomer("LATE-COMMIT-1");
    expect(booked.map((o) => o.SalesOrder)).toEqual([result.salesOrder]);
  });

  it("a create that never commits is still reported as ambiguous once the window has passed", async () => {
    const sap = client({ timeoutMs: 200, commitWindowMs: 400 });
    sandbox.faults.set({ timeoutRate: 1, scope: { method: "POST", pathPrefix: "A_SalesOrder" } });
    const started = Date.now();
    const err = (await sap
      .createSalesOrderOnce(order("LATE-COMMIT-2"), { mayExist: false })
      .catch((e) => e)) as SapError;
    expect(err.code).toBe("SAP_TIMEOUT");
    expect(err.ambiguous).toBe(true);
    expect(Date.now() - started).toBeGreaterThanOrEqual(400);
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
