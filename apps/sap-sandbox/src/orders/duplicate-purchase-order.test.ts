import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Sandbox } from "../sandbox";
import { admin, salesOrderPayload, sapClient, startTestSandbox } from "../testing";

type Created = { d: { SalesOrder: string; __metadata: { etag?: string } } };
type SapErrorBody = {
  error: {
    code: string;
    message: { value: string };
    innererror: { errordetails: { code: string; message: string; target: string; severity: string }[] };
  };
};

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(() => sandbox.close());
beforeEach(async () => {
  await admin(sandbox, "POST", "reset");
});
const so = () => sapClient(sandbox, "API_SALES_ORDER_SRV");
const post = (payload: Record<string, unknown>) => so().send("POST", "A_SalesOrder", payload);
const ordersWith = (s: Sandbox, reference: string) =>
  [...s.store.table("API_SALES_ORDER_SRV", "A_SalesOrder").scan()].filter(
    (o) => o.PurchaseOrderByCustomer === reference,
  );

async function created(res: Response): Promise<Created> {
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as Created;
}

describe("duplicate purchase-order check (VOV8 Check Purch.No., message V4/115)", () => {
  it("refuses a repeated PurchaseOrderByCustomer of the same sold-to party with 400 V4/115 naming the first document", async () => {
    const first = await created(await post(salesOrderPayload({ PurchaseOrderByCustomer: "SF-DUP-1" })));
    const res = await post(salesOrderPayload({ PurchaseOrderByCustomer: "SF-DUP-1" }));
    expect(res.status).toBe(400);
    const body = (await res.json()) as SapErrorBody;
    expect(body.error.code).toBe("V4/115");
    expect(body.error.message.value).toBe(
      `Purchase order number SF-DUP-1 already exists in sales document ${first.d.SalesOrder}`,
    );
    expect(body.error.innererror.errordetails).toEqual([
      expect.objectContaining({
        code: "V4/115",
        severity: "error",
        target: "A_SalesOrder/PurchaseOrderByCustomer",
      }),
    ]);
    expect(ordersWith(sandbox, "SF-DUP-1")).toHaveLength(1);
  });

  it("lets the same reference through for another sold-to party", async () => {
    await created(await post(salesOrderPayload({ PurchaseOrderByCustomer: "SF-DUP-2" })));
    const other = sandbox.store.catalog.customerId(2);
    await created(
      await post(
        salesOrderPayload({ PurchaseOrderByCustomer: "SF-DUP-2", SoldToParty: other }, [
          { Material: "TG11", RequestedQuantity: "1" },
        ]),
      ),
    );
    expect(ordersWith(sandbox, "SF-DUP-2")).toHaveLength(2);
  });

  it("books exactly one of eight concurrent creates with one reference", async () => {
    const statuses = await Promise.all(
      Array.from({ length: 8 }, () =>
        post(salesOrderPayload({ PurchaseOrderByCustomer: "SF-RACE" })).then((r) => r.status),
      ),
    );
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 400)).toHaveLength(7);
    expect(ordersWith(sandbox, "SF-RACE")).toHaveLength(1);
    expect(sandbox.stats.duplicatePurchaseOrdersRefused).toBe(7);
  });

  it("as a warning creates the repeat and hands the message back in sap-message", async () => {
    const first = await created(await post(salesOrderPayload({ PurchaseOrderByCustomer: "SF-WARN" })));
    expect((await admin(sandbox, "PUT", "faults", { purchaseOrderCheck: "warning" })).status).toBe(200);
    const res = await post(salesOrderPayload({ PurchaseOrderByCustomer: "SF-WARN" }));
    await created(res);
    expect(JSON.parse(res.headers.get("sap-message") ?? "{}")).toMatchObject({
      code: "V4/115",
      severity: "warning",
      message: `Purchase order number SF-WARN already exists in sales document ${first.d.SalesOrder}`,
    });
    expect(ordersWith(sandbox, "SF-WARN")).toHaveLength(2);
  });

  it("can be switched off at runtime through the fault API, as some systems do not have it", async () => {
    expect((await admin(sandbox, "PUT", "faults", { purchaseOrderCheck: "off" })).status).toBe(200);
    const statuses = await Promise.all(
      [1, 2].map(() => post(salesOrderPayload({ PurchaseOrderByCustomer: "SF-OFF" })).then((r) => r.status)),
    );
    expect(statuses).toEqual([201, 201]);
    expect(ordersWith(sandbox, "SF-OFF")).toHaveLength(2);
    const bad = await admin(sandbox, "PUT", "faults", { purchaseOrderCheck: "sometimes" });
    expect(bad.status).toBe(400);
  });

  it("is configured per sales document type: a system whose OR has no check books a repeat", async () => {
    const plain = await startTestSandbox({ salesDocumentTypes: { OR: { purchaseOrderCheck: "off" } } });
    try {
      const client = sapClient(plain, "API_SALES_ORDER_SRV");
      for (const _ of [1, 2]) {
        const res = await client.send(
          "POST",
          "A_SalesOrder",
          salesOrderPayload({ PurchaseOrderByCustomer: "SF-T" }),
        );
        expect(res.status).toBe(201);
      }
      expect(ordersWith(plain, "SF-T")).toHaveLength(2);
    } finally {
      await plain.close();
    }
  });

  it("checks a changed reference too, and a deleted order frees its reference", async () => {
    const a = await created(await post(salesOrderPayload({ PurchaseOrderByCustomer: "SF-A" })));
    const b = await created(await post(salesOrderPayload({ PurchaseOrderByCustomer: "SF-B" })));
    const change = await so().send(
      "PATCH",
      `A_SalesOrder('${b.d.SalesOrder}')`,
      { PurchaseOrderByCustomer: "SF-A" },
      { "if-match": b.d.__metadata.etag ?? "*" },
    );
    expect(change.status).toBe(400);
    expect(((await change.json()) as SapErrorBody).error.code).toBe("V4/115");
    const removed = await so().send("DELETE", `A_SalesOrder('${a.d.SalesOrder}')`, undefined, {
      "if-match": a.d.__metadata.etag ?? "*",
    });
    expect(removed.status).toBe(204);
    await created(await post(salesOrderPayload({ PurchaseOrderByCustomer: "SF-A" })));
    expect(ordersWith(sandbox, "SF-A")).toHaveLength(1);
  });
});
