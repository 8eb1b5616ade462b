import type { Db } from "@icp/db";
import { createMetrics } from "@icp/observability";
import type { SalesOrder } from "@icp/sap-client";
import type { Producer } from "kafkajs";
import { describe, expect, it } from "vitest";
import type { DuplicateHandler } from "./push-order";
import { OrderReconciler } from "./reconcile";
import { aLink, type Link, recordingLogger } from "./testing";

type Deps = ConstructorParameters<typeof OrderReconciler>[0];
type Held = { status: string; version: number };

const T0 = Date.parse("2026-12-04T12:00:00.000Z");
const MIN = 60_000;

function aSapOrder(salesOrder: string, purchaseOrder: string | null, changedAt: number): SalesOrder {
  return {
    SalesOrder: salesOrder,
    PurchaseOrderByCustomer: purchaseOrder,
    LastChangeDateTime: new Date(changedAt),
  };
}

/** SAP's sales orders changed since a time, paged as listChangedSince pages them. */
function fakeSap(orders: SalesOrder[]) {
  const looks: { since: Date; skip: number }[] = [];
  const sap: Deps["sap"] = {
    salesOrders: {
      async listChangedSince(since: Date, page: { top: number; skip: number }) {
        looks.push({ since, skip: page.skip });
        const changed = orders.filter((o) => (o.LastChangeDateTime?.getTime() ?? 0) > since.getTime());
        return { items: changed.slice(page.skip, page.skip + page.top), total: changed.length };
      },
    },
  } as unknown as Deps["sap"]; // only listChangedSince is used by these checks
  return { sap, looks };
}

/**
 * The ledger's links as the reconciler queries them: booked links by storefront order id, links
 * with an SAP status, the newest SAP time. The queries' time windows are the database's part and
 * are covered by the integration suite.
 */
function fakeDb(links: Link[]) {
  const db = {
    orderLink: {
      async findMany(args: { where: { storefrontOrderId?: { in: string[] }; sapStatusVersion?: unknown } }) {
        const ids = args.where.storefrontOrderId?.in;
        if (ids) return links.filter((l) => ids.includes(l.storefrontOrderId) && l.sapSalesOrder !== null);
        return links.filter((l) => l.sapStatusVersion !== null);
      },
      /** The newest SAP status time (the one findFirst the reconciler makes). */
      async findFirst() {
        const times = links.flatMap((l) => (l.sapStatusAt ? [l.sapStatusAt.getTime()] : []));
        return times.length ? { sapStatusAt: new Date(Math.max(...times)) } : null;
      },
    },
  };
  return db as unknown as Db;
}

function setUp(opts: {
  links: Link[];
  /** What the ledger's claim for a status poll answers. */
  claimed?: { id: string; salesOrder: string }[];
  sapOrders?: SalesOrder[];
  readModel?: Record<string, Held>;
  duplicateFails?: Error;
}) {
  const sap = fakeSap(opts.sapOrders ?? []);
  const duplicates: Parameters<DuplicateHandler>[0][] = [];
  const notes: { linkId: string; kind: string; detail: Record<string, unknown> }[] = [];
  const applied: { orderId: string; status: string; version: number }[] = [];
  const held = opts.readModel ?? {};
  const metrics = createMetrics("worker-test");
  const { logger, lines } = recordingLogger();
  const reconciler = new OrderReconciler({
    db: fakeDb(opts.links),
    ledger: {
      async recordPosition() {
        return true;
      },
      async noteById(linkId, e) {
        notes.push({ linkId, kind: e.kind, detail: e.detail });
      },
      async claimStatusPolls() {
        return opts.claimed ?? [];
      },
    },
    storefront: {
      async current(orderIds) {
        return new Map(orderIds.flatMap((id) => (held[id] ? [[id, held[id]] as const] : [])));
      },
      async applySap(orderId, s) {
        applied.push({ orderId, status: s.status, version: s.version });
        return "applied";
      },
    } as Deps["storefront"],
    producer: {} as Producer, // these checks produce nothing
    sap: sap.sap,
    onDuplicate: async (found) => {
      duplicates.push(found);
      if (opts.duplicateFails) throw opts.duplicateFails;
    },
    logger,
    metrics,
    stuckAfterMs: 5 * MIN,
  });
  return { reconciler, sap, duplicates, notes, applied, logs: lines, metrics };
}

describe("OrderReconciler.findDuplicates", () => {
  it("a second sales order SAP holds for a booked order goes to the resolver; the booked one and others' orders do not", async () => {
    const t = setUp({
      links: [
        aLink({ storefrontOrderId: "SO-1", sapSalesOrder: "4711", sapStatusAt: new Date(T0) }),
        aLink({ storefrontOrderId: "SO-2", sapSalesOrder: null }),
        aLink({ storefrontOrderId: "SO-3", sapSalesOrder: "4801" }),
      ],
      sapOrders: [
        aSapOrder("4711", "SO-1", T0 - 10 * MIN),
        aSapOrder("4799", "SO-1", T0 - 9 * MIN),
        aSapOrder("4800", "SO-2", T0 - 8 * MIN), // not booked in the ledger yet: the push decides
        aSapOrder("4801", "SO-3", T0 - 7 * MIN),
        aSapOrder("5000", "EDI-1", T0 - 6 * MIN), // another channel's order
        aSapOrder("5001", null, T0 - 5 * MIN),
      ],
    });

    const found = await t.reconciler.findDuplicates();

    expect(found).toBe(1);
    expect(t.duplicates).toEqual([
      {
        orderId: "SO-1",
        booked: "4711",
        duplicate: "4799",
        how: "the reconciler found a second sales order in SAP",
      },
    ]);
  });

  it("looks from an hour before the ledger's newest SAP time first, then from the newest change seen, each with 5 minutes' overlap", async () => {
    const t = setUp({
      links: [aLink({ storefrontOrderId: "SO-1", sapSalesOrder: "4711", sapStatusAt: new Date(T0) })],
      sapOrders: [aSapOrder("4711", "SO-1", T0 - 30 * MIN), aSapOrder("4712", "X", T0 + 2 * MIN)],
    });

    await t.reconciler.findDuplicates();
    await t.reconciler.findDuplicates();

    expect(t.sap.looks.map((l) => l.since.getTime())).toEqual([
      T0 - 60 * MIN - 5 * MIN,
      T0 + 2 * MIN - 5 * MIN,
    ]);
  });

  it("pages through SAP's changes 500 at a time and finds a duplicate on a later page", async () => {
    const sapOrders = Array.from({ length: 1_200 }, (_, i) =>
      aSapOrder(String(10_000 + i), `OTHER-${i}`, T0 - MIN + i),
    );
    sapOrders.push(aSapOrder("4799", "SO-1", T0 + 5_000));
    const t = setUp({
      links: [aLink({ storefrontOrderId: "SO-1", sapSalesOrder: "4711", sapStatusAt: new Date(T0) })],
      sapOrders,
    });

    expect(await t.reconciler.findDuplicates()).toBe(1);
    expect(t.sap.looks.map((l) => l.skip)).toEqual([0, 500, 1_000]);
  });

  it("a duplicate the resolver could not cancel is logged and the look goes on", async () => {
    const t = setUp({
      links: [
        aLink({ storefrontOrderId: "SO-1", sapSalesOrder: "4711", sapStatusAt: new Date(T0) }),
        aLink({ storefrontOrderId: "SO-2", sapSalesOrder: "4712" }),
      ],
      sapOrders: [aSapOrder("4799", "SO-1", T0 - MIN), aSapOrder("4798", "SO-2", T0 - MIN)],
      duplicateFails: new Error("sales order has deliveries"),
    });

    expect(await t.reconciler.findDuplicates()).toBe(2);
    expect(t.duplicates.map((d) => d.duplicate).sort()).toEqual(["4798", "4799"]);
    expect(t.logs.filter((l) => l["log.level"] === "error").map((l) => l.message)).toEqual([
      "duplicate sales order not cancelled",
      "duplicate sales order not cancelled",
    ]);
  });
});

describe("OrderReconciler.pollStaleStatuses", () => {
  it("asks SAP about every order the ledger claimed, even after one poll failed, and then says so", async () => {
    const t = setUp({
      links: [],
      claimed: ["4711", "4712", "4713"].map((salesOrder) => ({ id: `id-${salesOrder}`, salesOrder })),
    });
    const asked: string[] = [];
    const polling = t.reconciler.pollStaleStatuses(async (so) => {
      asked.push(so);
      if (so === "4712") throw new Error("SAP answered 503");
    });
    await expect(polling).rejects.toThrow("1 of 3 status polls failed (first: 4712: SAP answered 503)");
    expect(asked).toEqual(["4711", "4712", "4713"]);
  });
});

describe("OrderReconciler.levelReadModel", () => {
  const withStatus = (orderId: string, status: string, version: number) =>
    aLink({
      storefrontOrderId: orderId,
      sapSalesOrder: `SAP-${orderId}`,
      sapStatus: status,
      sapStatusVersion: BigInt(version),
      sapStatusAt: new Date(version),
    });

  it("an order the read model holds behind the ledger's SAP status is levelled, noted and counted", async () => {
    const link = withStatus("SO-1", "SHIPPED", T0);
    const t = setUp({ links: [link], readModel: { "SO-1": { status: "ACCEPTED", version: T0 - MIN } } });

    expect(await t.reconciler.levelReadModel()).toEqual(["SO-1"]);
    expect(t.applied).toEqual([{ orderId: "SO-1", status: "SHIPPED", version: T0 }]);
    expect(t.notes).toEqual([
      {
        linkId: link.id,
        kind: "RECONCILED",
        detail: {
          repair: "read model levelled with the ledger",
          from: "ACCEPTED",
          to: "SHIPPED",
          version: T0,
        },
      },
    ]);
    expect((await t.metrics.orderReconciliations.get()).values).toEqual([
      expect.objectContaining({ labels: { kind: "read_model_levelled" }, value: 1 }),
    ]);
  });

  it("an order the read model holds level, ahead, or not at all is left alone", async () => {
    const t = setUp({
      links: [
        withStatus("SO-1", "SHIPPED", T0),
        withStatus("SO-2", "SHIPPED", T0),
        withStatus("SO-3", "SHIPPED", T0),
      ],
      readModel: {
        "SO-1": { status: "SHIPPED", version: T0 },
        "SO-2": { status: "DELIVERED", version: T0 + MIN },
      },
    });

    expect(await t.reconciler.levelReadModel()).toEqual([]);
    expect(t.applied).toEqual([]);
    expect(t.notes).toEqual([]);
  });
});
