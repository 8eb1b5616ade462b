import type { Db } from "@icp/db";
import { createMetrics } from "@icp/observability";
import { describe, expect, it } from "vitest";
import { duplicateResolver } from "./duplicates";
import { recordingLogger, thrownBy } from "./testing";

type AuditEntry = { actorId: string; actorRole: string; action: string; targetId: string; after: unknown };

/**
 * SAP's sales orders as far as cancelling an orphan goes: each open item is rejected once, so a
 * second cancel rejects nothing (as SalesOrders.rejectItems answers). `refuse` makes SAP refuse.
 */
function fakeSap(items: Record<string, number>, refuse?: Error) {
  const rejections: string[] = [];
  return {
    rejections,
    async rejectSalesOrder(salesOrder: string, reason: string) {
      rejections.push(`${salesOrder} ${reason}`);
      if (refuse) throw refuse;
      const open = items[salesOrder] ?? 0;
      items[salesOrder] = 0;
      return open;
    },
  };
}

function setUp(sap: ReturnType<typeof fakeSap>) {
  const notes: { orderId: string; kind: string; detail: Record<string, unknown> }[] = [];
  const audits: AuditEntry[] = [];
  // The resolver writes one table of the database: the audit log.
  const db = {
    auditLog: {
      async create(args: { data: AuditEntry }) {
        audits.push(args.data);
        return args.data;
      },
    },
  } as unknown as Db;
  const metrics = createMetrics("worker-test");
  const { logger, lines } = recordingLogger();
  const resolve = duplicateResolver({
    db,
    ledger: {
      async note(orderId, e) {
        notes.push({ orderId, kind: e.kind, detail: e.detail });
      },
    },
    rejectSalesOrder: sap.rejectSalesOrder,
    rejectionReason: "10",
    metrics,
    logger,
  });
  const counted = async () =>
    (await metrics.duplicateSalesOrders.get()).values.map((v) => ({ ...v.labels, value: v.value }));
  return { resolve, notes, audits, logs: lines, counted };
}

const found = (how: string) => ({ orderId: "SO-1", booked: "4711", duplicate: "4799", how });
const atBooking = found("found at booking: the ledger already held another sales order");

describe("duplicateResolver", () => {
  it("a duplicate is logged, counted, noted on the timeline, its orphan cancelled in SAP and audited by the system", async () => {
    const sap = fakeSap({ "4711": 2, "4799": 2 });
    const t = setUp(sap);

    await t.resolve(atBooking);

    expect(t.logs.filter((l) => l["log.level"] === "error")).toEqual([
      expect.objectContaining({
        "labels.order_id": "SO-1",
        "sap.sales_order": "4711",
        "sap.duplicate": "4799",
        message: expect.stringMatching(/^duplicate SAP sales order/),
      }),
    ]);
    expect(await t.counted()).toEqual([{ how: "booking", outcome: "cancelled", value: 1 }]);
    expect(sap.rejections).toEqual(["4799 10"]); // the orphan, never the ledger's order
    expect(t.notes.map((n) => n.kind)).toEqual(["DUPLICATE_SALES_ORDER", "RECONCILED"]);
    expect(t.notes[1]?.detail).toEqual({ cancelled: "4799", itemsRejected: 2, keeps: "4711" });
    expect(t.audits).toEqual([
      expect.objectContaining({
        actorId: "system:order-reconciler",
        actorRole: "SYSTEM",
        action: "order.duplicate_cancel",
        targetId: "SO-1",
        after: { kept: "4711", cancelled: "4799", itemsRejected: 2 },
      }),
    ]);
  });

  it("a duplicate found again by a second finder is audited once", async () => {
    const sap = fakeSap({ "4799": 2 });
    const t = setUp(sap);

    await t.resolve(atBooking);
    await t.resolve(found("SAP's status event named a second sales order for the order"));

    expect(sap.rejections).toEqual(["4799 10", "4799 10"]); // cancelling twice is harmless
    expect(t.audits).toHaveLength(1);
    expect(t.notes.filter((n) => n.kind === "RECONCILED")).toHaveLength(1);
  });

  it("SAP refusing to cancel the orphan rethrows, counts cancel_failed and audits nothing", async () => {
    const refused = new Error("sales order 4799 has deliveries");
    const t = setUp(fakeSap({ "4799": 2 }, refused));

    expect(await thrownBy(() => t.resolve(atBooking))).toBe(refused);
    expect(await t.counted()).toEqual([{ how: "booking", outcome: "cancel_failed", value: 1 }]);
    expect(t.notes.map((n) => n.kind)).toEqual(["DUPLICATE_SALES_ORDER"]);
    expect(t.audits).toEqual([]);
  });

  it.each([
    ["found at booking: the ledger already held another sales order", "booking"],
    ["SAP's status event named a second sales order for the order", "status_event"],
    ["the reconciler found a second sales order in SAP", "reconciler"],
  ])("a duplicate %s is counted as found by %s", async (how, label) => {
    const t = setUp(fakeSap({ "4799": 1 }));

    await t.resolve(found(how));

    expect(await t.counted()).toEqual([{ how: label, outcome: "cancelled", value: 1 }]);
  });
});
