import { currentLogContext } from "@icp/observability";
import { describe, expect, it } from "vitest";
import type { DuplicateHandler } from "../orders/push-order";
import { aLink, type Link, recordingLogger, thrownBy } from "../orders/testing";
import { applyOrderStatus, type SalesOrderSnapshot, type StatusJobData } from "./apply-status";

type Deps = Parameters<typeof applyOrderStatus>[0];
type Notified = Parameters<Deps["notify"]>[0] & { traceId: string | undefined };

function aSnapshot(over: Partial<SalesOrderSnapshot> = {}): SalesOrderSnapshot {
  return {
    salesOrder: "4711",
    purchaseOrderByCustomer: null,
    lastChange: new Date("2026-12-04T11:00:00.000Z"),
    OverallSDProcessStatus: "A",
    OverallDeliveryStatus: "A",
    OverallTotalDeliveryStatus: "A",
    OverallOrdReltdBillgStatus: "A",
    items: [{ SalesDocumentRjcnReason: "" }],
    ...over,
  };
}

function aStatusJob(over: Partial<StatusJobData> = {}): { data: StatusJobData } {
  return {
    data: {
      salesOrder: "4711",
      eventId: "evt-1",
      eventType: "sap.s4.beh.salesorder.v1.SalesOrder.Changed.v1",
      eventTime: "2026-12-04T11:00:00.000Z",
      ...over,
    },
  };
}

/**
 * The ledger's links (found by order id or sales order), taking SAP's state by version as the
 * real ledger does, and the calls the job made on it.
 */
function fakeLedger(links: Link[]) {
  const versions = new Map(
    links.map((l) => [l.id, l.sapStatusVersion === null ? null : Number(l.sapStatusVersion)]),
  );
  const applied: { linkId: string; status: string; version: number }[] = [];
  const notes: { linkId: string; kind: string; detail: Record<string, unknown> }[] = [];
  const ledger = {
    find: async (by: { orderId: string } | { salesOrder: string }) =>
      links.find((l) =>
        "orderId" in by ? l.storefrontOrderId === by.orderId : l.sapSalesOrder === by.salesOrder,
      ) ?? null,
    applySapStatus: async (linkId: string, s: { status: string; version: number }) => {
      applied.push({ linkId, status: s.status, version: s.version });
      const held = versions.get(linkId) ?? null;
      if (held !== null && held >= s.version) return false;
      versions.set(linkId, s.version);
      return true;
    },
    noteById: async (linkId: string, e: { kind: string; detail: Record<string, unknown> }) => {
      notes.push({ linkId, kind: e.kind, detail: e.detail });
    },
  };
  // `find` answers Prisma's chainable promise; the job only awaits it, so a plain one stands in.
  return { ledger: ledger as unknown as Deps["ledger"], applied, notes };
}

/** The read model's order status by SAP's version, as StorefrontOrderStatus.applySap answers. */
function fakeReadModel(held: Record<string, { status: string; version: number }>) {
  const writes: { orderId: string; status: string; version: number }[] = [];
  const storefront: Deps["storefront"] = {
    async applySap(orderId, s) {
      writes.push({ orderId, status: s.status, version: s.version });
      const now = held[orderId];
      if (!now || now.version < s.version) {
        held[orderId] = { status: s.status, version: s.version };
        return "applied";
      }
      return now.version === s.version && now.status === s.status ? "current" : "stale";
    },
  };
  return { storefront, writes };
}

function setUp(opts: {
  links: Link[];
  snapshot: SalesOrderSnapshot | null;
  readModel?: Record<string, { status: string; version: number }>;
  notifyFails?: number;
}) {
  const ledger = fakeLedger(opts.links);
  const readModel = fakeReadModel(opts.readModel ?? {});
  const notified: Notified[] = [];
  const duplicates: Parameters<DuplicateHandler>[0][] = [];
  let notifyFailures = opts.notifyFails ?? 0;
  const apply = applyOrderStatus({
    ledger: ledger.ledger,
    storefront: readModel.storefront,
    readSalesOrder: async (so) => (opts.snapshot?.salesOrder === so ? opts.snapshot : null),
    async notify(event) {
      if (notifyFailures-- > 0) throw new Error("webhook store unavailable");
      notified.push({ ...event, traceId: currentLogContext().traceId });
      return 1;
    },
    onDuplicate: async (found) => {
      duplicates.push(found);
    },
    logger: recordingLogger().logger,
  });
  return { apply, ledger, readModelWrites: readModel.writes, notified, duplicates };
}

describe("applyOrderStatus", () => {
  it("applies SAP's state and notifies the storefront once, with the id status:<sales order>:<version>", async () => {
    const link = aLink({ storefrontOrderId: "SO-1", sapSalesOrder: "4711", state: "CREATED" });
    const snapshot = aSnapshot({ OverallDeliveryStatus: "C" });
    const t = setUp({ links: [link], snapshot });

    const result = await t.apply(aStatusJob());

    const version = snapshot.lastChange.getTime();
    expect(result).toEqual({ outcome: "applied", status: "SHIPPED" });
    expect(t.ledger.applied).toEqual([{ linkId: link.id, status: "SHIPPED", version }]);
    expect(t.readModelWrites).toEqual([{ orderId: "SO-1", status: "SHIPPED", version }]);
    expect(t.notified).toEqual([
      {
        id: `status:4711:${version}`,
        type: "order.status_changed",
        data: {
          orderId: "SO-1",
          salesOrder: "4711",
          status: "SHIPPED",
          changedAt: snapshot.lastChange.toISOString(),
        },
        orderLinkId: link.id,
        // the order's own trace, so ops follow one order by one trace id
        traceId: link.traceId,
      },
    ]);
    expect(t.ledger.notes).toEqual([
      expect.objectContaining({
        linkId: link.id,
        kind: "SAP_STATUS",
        detail: expect.objectContaining({ applied: true }),
      }),
    ]);
  });

  it("an older or unchanged state is not applied and the storefront is not notified", async () => {
    const link = aLink({ storefrontOrderId: "SO-1", sapSalesOrder: "4711", state: "CREATED" });
    const snapshot = aSnapshot();
    const newer = snapshot.lastChange.getTime() + 60_000;
    const t = setUp({
      links: [{ ...link, sapStatusVersion: BigInt(newer) }],
      snapshot,
      readModel: { "SO-1": { status: "SHIPPED", version: newer } },
    });

    const result = await t.apply(aStatusJob());

    expect(result).toEqual({ outcome: "stale", status: "ACCEPTED" });
    expect(t.notified).toEqual([]);
    expect(t.ledger.notes).toEqual([
      expect.objectContaining({ kind: "SAP_STATUS", detail: expect.objectContaining({ applied: false }) }),
    ]);
  });

  it("a retry that finds the read model already holding the version notifies again with the same id", async () => {
    const link = aLink({ storefrontOrderId: "SO-1", sapSalesOrder: "4711", state: "CREATED" });
    const snapshot = aSnapshot({ OverallSDProcessStatus: "B" });
    const t = setUp({ links: [link], snapshot, notifyFails: 1 });

    // The first attempt: the ledger and the read model take the state, then notifying fails.
    expect(await thrownBy(() => t.apply(aStatusJob()))).toEqual(new Error("webhook store unavailable"));
    expect(t.notified).toEqual([]);
    // The retry: the read model holds this version already ("current"): notify all the same.
    const result = await t.apply(aStatusJob());

    expect(result).toEqual({ outcome: "applied", status: "PROCESSING" });
    expect(t.notified.map((n) => n.id)).toEqual([`status:4711:${snapshot.lastChange.getTime()}`]);
    expect(t.ledger.notes).toHaveLength(1); // noted by the first attempt only
  });

  it("a second sales order for an order already booked is handed over as a duplicate and nothing is applied", async () => {
    const link = aLink({ storefrontOrderId: "SO-1", sapSalesOrder: "4711", state: "CREATED" });
    const t = setUp({
      links: [link],
      snapshot: aSnapshot({ salesOrder: "4799", purchaseOrderByCustomer: "SO-1" }),
    });

    const result = await t.apply(aStatusJob({ salesOrder: "4799" }));

    expect(result).toEqual({ outcome: "duplicate" });
    expect(t.duplicates).toEqual([
      {
        orderId: "SO-1",
        booked: "4711",
        duplicate: "4799",
        how: expect.stringMatching(/^SAP's status event/),
      },
    ]);
    expect(t.ledger.applied).toEqual([]);
    expect(t.readModelWrites).toEqual([]);
    expect(t.notified).toEqual([]);
  });

  it("an order SAP booked before our create's answer was recorded is found by its purchase order and applied", async () => {
    const link = aLink({ storefrontOrderId: "SO-1", sapSalesOrder: null, state: "SUBMITTING" });
    const t = setUp({ links: [link], snapshot: aSnapshot({ purchaseOrderByCustomer: "SO-1" }) });

    const result = await t.apply(aStatusJob());

    expect(result).toEqual({ outcome: "applied", status: "ACCEPTED" });
    expect(t.ledger.applied).toEqual([expect.objectContaining({ linkId: link.id })]);
    expect(t.notified).toHaveLength(1);
  });

  it("a sales order from another channel is not ours: nothing applied, nobody notified", async () => {
    const t = setUp({
      links: [aLink({ storefrontOrderId: "SO-1", sapSalesOrder: "4711" })],
      snapshot: aSnapshot({ salesOrder: "5000", purchaseOrderByCustomer: "EDI-778" }),
    });

    const result = await t.apply(aStatusJob({ salesOrder: "5000" }));

    expect(result).toEqual({ outcome: "not-ours" });
    expect(t.ledger.applied).toEqual([]);
    expect(t.readModelWrites).toEqual([]);
    expect(t.notified).toEqual([]);
  });

  it("a sales order SAP no longer has is gone: nothing applied, nobody notified", async () => {
    const t = setUp({ links: [aLink({ storefrontOrderId: "SO-1", sapSalesOrder: "4711" })], snapshot: null });

    const result = await t.apply(aStatusJob());

    expect(result).toEqual({ outcome: "gone" });
    expect(t.ledger.applied).toEqual([]);
    expect(t.readModelWrites).toEqual([]);
    expect(t.notified).toEqual([]);
  });
});
