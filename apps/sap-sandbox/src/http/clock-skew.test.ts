import { SAP_NUMBER_LENGTH, sapInternalNumber } from "@icp/domain";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { SapEventTypes } from "../events/business-events";
import type { Sandbox } from "../sandbox";
import { admin, salesOrderPayload, sapClient, startTestSandbox } from "../testing";

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(() => sandbox.close());
afterEach(async () => {
  await admin(sandbox, "DELETE", "faults");
});
const FIVE_MINUTES = 5 * 60_000;
const so = () => sapClient(sandbox, "API_SALES_ORDER_SRV");
/** `/Date(ms)/` or `/Date(ms+0000)/` → ms */
const odataMs = (v: unknown) => Number(/\/Date\((-?\d+)/.exec(String(v))?.[1]);

describe("SAP clock skew (fault clockSkewMs)", () => {
  it("is set and cleared at runtime through the fault API, and validated", async () => {
    expect((await admin(sandbox, "PUT", "faults", { clockSkewMs: -FIVE_MINUTES })).status).toBe(200);
    expect(sandbox.sapClock.now() - Date.now()).toBeCloseTo(-FIVE_MINUTES, -3);
    expect((await admin(sandbox, "PUT", "faults", { clockSkewMs: 1.5 })).status).toBe(400);
    await admin(sandbox, "DELETE", "faults");
    expect(Math.abs(sandbox.sapClock.now() - Date.now())).toBeLessThan(1_000);
  });

  it.each([
    ["behind", -FIVE_MINUTES],
    ["ahead", FIVE_MINUTES],
  ])(
    "with SAP 5 minutes %s, the Date header, LastChangeDateTime, CreationDate and the event time follow SAP's clock",
    async (_, skew) => {
      await admin(sandbox, "PUT", "faults", { clockSkewMs: skew });
      const before = Date.now() + skew;
      const read = await sapClient(sandbox, "API_PRODUCT_SRV").get("A_Product('TG11')");
      await read.arrayBuffer();
      const date = Date.parse(read.headers.get("date") ?? "");
      // the header has whole seconds
      expect(date).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
      expect(date).toBeLessThanOrEqual(Date.now() + skew);

      const res = await so().send(
        "POST",
        "A_SalesOrder",
        salesOrderPayload({ PurchaseOrderByCustomer: `SKEW${skew}` }),
      );
      expect(res.status).toBe(201);
      const created = Date.parse(res.headers.get("date") ?? "");
      expect(Math.abs(created - (Date.now() + skew))).toBeLessThan(2_000);
      const { d } = (await res.json()) as { d: Record<string, unknown> };
      const changed = odataMs(d.LastChangeDateTime);
      expect(changed).toBeGreaterThanOrEqual(before);
      expect(changed).toBeLessThanOrEqual(Date.now() + skew);
      expect(odataMs(d.CreationDate)).toBe(changed - (changed % 86_400_000));
      const event = sandbox.recentEvents.messages.findLast(
        (m) =>
          m.headers.ce_type === SapEventTypes.salesOrderCreated &&
          m.body.SalesOrder === sapInternalNumber(String(d.SalesOrder), SAP_NUMBER_LENGTH.salesOrder),
      );
      expect(Date.parse(event?.headers.ce_time ?? "")).toBe(changed);
    },
  );

  it("also stamps the simulation's stock events with SAP's clock", async () => {
    await admin(sandbox, "PUT", "faults", { clockSkewMs: -FIVE_MINUTES });
    const seen = sandbox.recentEvents.messages.length;
    const stockEvents = () =>
      sandbox.recentEvents.messages
        .slice(seen)
        .filter((m) => m.headers.ce_type === SapEventTypes.materialStockChanged);
    for (let i = 0; i < 50 && stockEvents().length === 0; i++) sandbox.simulation.tick();
    const events = stockEvents();
    expect(events.length).toBeGreaterThan(0);
    for (const e of events)
      expect(Math.abs(Date.parse(e.headers.ce_time ?? "") - (Date.now() - FIVE_MINUTES))).toBeLessThan(5_000);
  });

  it("sends the skewed Date header on errors and on logon refusals as well", async () => {
    await admin(sandbox, "PUT", "faults", { clockSkewMs: -FIVE_MINUTES });
    const missing = await so().get("A_SalesOrder('999999')");
    await missing.arrayBuffer();
    expect(missing.status).toBe(404);
    const unauth = await fetch(`${sandbox.url}/sap/opu/odata/sap/API_SALES_ORDER_SRV/`);
    await unauth.arrayBuffer();
    expect(unauth.status).toBe(401);
    for (const r of [missing, unauth])
      expect(Math.abs(Date.parse(r.headers.get("date") ?? "") - (Date.now() - FIVE_MINUTES))).toBeLessThan(
        2_000,
      );
  });
});
