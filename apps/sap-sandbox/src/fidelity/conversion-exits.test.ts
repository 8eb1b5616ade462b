import { decodeCloudEvent, orderStatusTopicSchemas, Topics } from "@icp/domain";
import type { SapClient } from "@icp/sap-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Sandbox } from "../sandbox";
import { salesOrderPayload, sapClient, startTestSandbox, testSapClient } from "../testing";

/**
 * docs/sap-fidelity.md §18: SAP numbers with the ALPHA (or MATN1) conversion exit. OData shows
 * and accepts the external form and also accepts the internal, zero-padded one; the business
 * events carry the internal one.
 */
let sandbox: Sandbox;
let sap: SapClient;
beforeAll(async () => {
  sandbox = await startTestSandbox({ products: 20, customers: 10 });
  sap = testSapClient(sandbox);
});
afterAll(async () => {
  await sap.close();
  await sandbox.close();
});

type One = { d: { SalesOrder: string } };
type Many = { d: { results: { SalesOrder?: string; Customer?: string; SoldToParty?: string }[] } };

describe("SAP numbers in two forms (ALPHA)", () => {
  it("OData answers the external form; a key or filter in the internal form finds the same order", async () => {
    const so = sapClient(sandbox, "API_SALES_ORDER_SRV");
    const res = await so.send("POST", "A_SalesOrder", salesOrderPayload());
    expect(res.status).toBe(201);
    const { SalesOrder: number } = ((await res.json()) as One).d;
    expect(number).toMatch(/^[1-9]\d*$/);
    const padded = number.padStart(10, "0");

    expect((await so.json<One>(`A_SalesOrder('${padded}')`)).d.SalesOrder).toBe(number);
    const items = await so.json<Many>(`A_SalesOrder('${padded}')/to_Item`);
    expect(items.d.results.map((i) => i.SalesOrder)).toEqual([number]);
    expect(
      (await so.json<Many>(`A_SalesOrderItem(SalesOrder='${padded}',SalesOrderItem='10')`)) as unknown,
    ).toMatchObject({ d: { SalesOrder: number } });
    const filtered = await so.json<Many>(`A_SalesOrder?$filter=SalesOrder eq '${padded}'`);
    expect(filtered.d.results.map((r) => r.SalesOrder)).toEqual([number]);
    // a value with a letter in it is not converted: no order has it
    expect((await so.get(`A_SalesOrder('0${number}A')`)).status).toBe(404);

    // the client reads it either way
    expect((await sap.salesOrders.get(padded))?.SalesOrder).toBe(number);
  });

  it("customers: the internal form of a customer number filters and keys as the external one", async () => {
    const bp = sapClient(sandbox, "API_BUSINESS_PARTNER");
    const byKey = await bp.json<{ d: { Customer: string } }>("A_Customer('0017100001')");
    expect(byKey.d.Customer).toBe("17100001");
    const orders = sapClient(sandbox, "API_SALES_ORDER_SRV");
    await orders.send("POST", "A_SalesOrder", salesOrderPayload({ SoldToParty: "17100002" }));
    const bySoldTo = await orders.json<Many>("A_SalesOrder?$filter=SoldToParty eq '0017100002'");
    expect(bySoldTo.d.results.length).toBeGreaterThan(0);
    expect(bySoldTo.d.results.every((r) => r.SoldToParty === "17100002")).toBe(true);
  });

  it("a create body's padded sold-to, partner and numeric material are read through the exits too", async () => {
    const so = sapClient(sandbox, "API_SALES_ORDER_SRV");
    const res = await so.send(
      "POST",
      "A_SalesOrder",
      salesOrderPayload({
        SoldToParty: "0017100003",
        to_Partner: [{ PartnerFunction: "WE", Customer: "0017100004" }],
      }),
    );
    expect(res.status).toBe(201);
    const { SalesOrder: number } = ((await res.json()) as One).d;
    const read = await so.json<{ d: { SoldToParty: string } }>(`A_SalesOrder('${number}')`);
    expect(read.d.SoldToParty).toBe("17100003");
    const partners = await so.json<{ d: { results: { PartnerFunction: string; Customer: string }[] } }>(
      `A_SalesOrder('${number}')/to_Partner`,
    );
    expect(partners.d.results.find((p) => p.PartnerFunction === "WE")?.Customer).toBe("17100004");
  });

  it("the sales order's events carry the internal form, which the consumers' decoder turns back", async () => {
    const so = sapClient(sandbox, "API_SALES_ORDER_SRV");
    const { SalesOrder: number } = (
      (await (await so.send("POST", "A_SalesOrder", salesOrderPayload())).json()) as One
    ).d;
    await sandbox.flushEvents();
    const event = sandbox.recentEvents.messages.findLast((m) => m.topic === Topics.orderStatus);
    expect(event?.body).toEqual({ SalesOrder: number.padStart(10, "0") });
    expect(event?.key).toBe(number.padStart(10, "0"));
    const decoded = decodeCloudEvent(
      { value: Buffer.from(JSON.stringify(event?.body)), headers: event?.headers },
      orderStatusTopicSchemas,
    );
    expect(decoded.ok && decoded.event.data.SalesOrder).toBe(number);
  });
});
