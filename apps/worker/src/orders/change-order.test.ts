import { EventTypes, JobNames, type LedgerState } from "@icp/domain";
import type { SalesOrder } from "@icp/sap-client";
import { describe, expect, it } from "vitest";
import { type ChangeJobData, changeOrderInSap, NotBookedYet, type SalesOrderChanges } from "./change-order";
import { aLink, type Link, recordingLogger, thrownBy } from "./testing";

type Deps = Parameters<typeof changeOrderInSap>[0];

/** A sales order in SAP with one item per material. */
function aSalesOrder(salesOrder: string, materials: string[]): SalesOrder {
  return {
    SalesOrder: salesOrder,
    to_Item: materials.map((m, i) => ({
      SalesOrder: salesOrder,
      SalesOrderItem: String((i + 1) * 10),
      Material: m,
      SalesDocumentRjcnReason: "",
    })),
  };
}

/** SAP's sales orders as far as a change touches them; `calls` lists what was asked, in order. */
function fakeSap(orders: SalesOrder[] = []) {
  const calls: string[] = [];
  const sap: SalesOrderChanges = {
    salesOrders: {
      async rejectItems(so, reason) {
        calls.push(`rejectItems ${so} ${reason}`);
        return orders.find((o) => o.SalesOrder === so)?.to_Item?.length ?? 0;
      },
    },
  };
  // What a modification would have called, had it still been handled (it must never be).
  const modifying = sap.salesOrders as unknown as Record<string, (...args: unknown[]) => Promise<void>>;
  for (const method of ["get", "rejectItem", "changeItemQuantity"])
    modifying[method] = async (...args: unknown[]) => void calls.push(`${method} ${args.join(" ")}`);
  return { sap, calls };
}

/** The ledger's moves and notes on one order, allowed or not as the fake's caller says. */
function fakeLedger(link: Link | null) {
  const moves: { to: LedgerState; detail: Record<string, unknown> }[] = [];
  const notes: { kind: string; detail: Record<string, unknown> }[] = [];
  const failures: { change: string; code: string; attempts: number; jobId: string }[] = [];
  const ledger = {
    find: async () => link,
    async changeFailed(
      _orderId: string,
      f: { change: string; failure: { code: string }; attempts: number; jobId: string },
    ) {
      failures.push({ change: f.change, code: f.failure.code, attempts: f.attempts, jobId: f.jobId });
    },
    async move(_orderId: string, to: LedgerState, event: { detail: Record<string, unknown> }) {
      moves.push({ to, detail: event.detail });
      return true;
    },
    async note(_orderId: string, e: { kind: string; detail: Record<string, unknown> }) {
      notes.push({ kind: e.kind, detail: e.detail });
    },
  };
  // `find` answers Prisma's chainable promise; the use case only awaits it.
  return { ledger: ledger as unknown as Deps["ledger"], moves, notes, failures };
}

function setUp(link: Link | null, orders: SalesOrder[] = []) {
  const sap = fakeSap(orders);
  const ledger = fakeLedger(link);
  const storefrontMoves: string[] = [];
  const webhooks: Record<string, unknown>[] = [];
  const change = changeOrderInSap({
    ledger: ledger.ledger,
    storefront: {
      async move(orderId, to) {
        storefrontMoves.push(`${orderId} ${to}`);
        return true;
      },
      async cancellationRefused(orderId, backTo) {
        storefrontMoves.push(`${orderId} ${backTo} (cancellation refused)`);
        return true;
      },
    },
    sap: sap.sap,
    // SAP's verdicts as the worker's classifier reads them: SapRefusal is a business error.
    classify: (err) => ({
      errorClass: err instanceof SapRefusal ? "BUSINESS" : "TRANSIENT",
      code: err instanceof SapRefusal ? "SAP_BUSINESS_ERROR:V1/113" : "SAP_UNAVAILABLE",
      message: (err as Error).message,
      retryable: !(err instanceof SapRefusal),
    }),
    notify: async (e) => webhooks.push(e.data),
    rejectionReason: "10",
    logger: recordingLogger().logger,
  });
  return { change, sap, ledger, storefrontMoves, webhooks };
}

/** SAP refusing a change for a business reason (a shipped order: V1/113). */
class SapRefusal extends Error {}

function aCancelJob(orderId: string, over: Partial<ChangeJobData> = {}, attemptsMade = 0) {
  return {
    id: `${orderId}-evt-cancel-1`,
    attemptsMade,
    opts: { attempts: 8 },
    name: JobNames.cancelSalesOrder,
    data: {
      type: EventTypes.orderCancellationRequested,
      eventId: "evt-cancel-1",
      request: { orderId, reason: "changed my mind" },
      ...over,
    },
  };
}

/** A modification job as an older release queued it (name and event type are gone from the code). */
function aModifyJob(orderId: string, lines: { sku: string; quantity: number }[]) {
  return {
    id: `${orderId}-evt-modify-1`,
    attemptsMade: 0,
    opts: { attempts: 8 },
    name: "modify-sales-order",
    data: {
      type: "com.icp.storefront.order.ModificationRequested.v1",
      eventId: "evt-modify-1",
      request: { orderId, lines } as ChangeJobData["request"],
    },
  };
}

describe("changeOrderInSap", () => {
  it.each(["FAILED", "CANCEL_REQUESTED"] as const)(
    "cancelling an order SAP never booked (%s) cancels it without SAP",
    async (state) => {
      const t = setUp(aLink({ storefrontOrderId: "SO-1", state, sapSalesOrder: null }));

      const result = await t.change(aCancelJob("SO-1"));

      expect(result).toEqual({ outcome: "cancelled-before-sap" });
      expect(t.sap.calls).toEqual([]);
      expect(t.ledger.moves).toEqual([
        { to: "CANCELLED", detail: { reason: "changed my mind", sap: "no sales order existed" } },
      ]);
      expect(t.storefrontMoves).toEqual(["SO-1 CANCELLED"]);
    },
  );

  it.each(["RECEIVED", "QUEUED", "SUBMITTING"] as const)(
    "a cancellation waits (NotBookedYet) while the order is on its way into SAP (%s)",
    async (state) => {
      const t = setUp(aLink({ storefrontOrderId: "SO-1", state, sapSalesOrder: null }));

      const err = await thrownBy(() => t.change(aCancelJob("SO-1")));

      expect(err).toBeInstanceOf(NotBookedYet);
      expect(t.sap.calls).toEqual([]);
      expect(t.ledger.moves).toEqual([]);
      expect(t.storefrontMoves).toEqual([]);
    },
  );

  it("a cancellation for an order the ledger has not seen yet waits (NotBookedYet)", async () => {
    const t = setUp(null);

    expect(await thrownBy(() => t.change(aCancelJob("SO-1")))).toBeInstanceOf(NotBookedYet);
    expect(t.sap.calls).toEqual([]);
  });

  it("cancelling a booked order rejects its items in SAP and moves the ledger to CANCELLED", async () => {
    const t = setUp(aLink({ storefrontOrderId: "SO-1", state: "CREATED", sapSalesOrder: "4711" }), [
      aSalesOrder("4711", ["TG-0001", "TG-0002"]),
    ]);

    const result = await t.change(aCancelJob("SO-1"));

    expect(result).toEqual({ outcome: "cancelled" });
    expect(t.sap.calls).toEqual(["rejectItems 4711 10"]);
    expect(t.ledger.moves).toEqual([
      { to: "CANCELLED", detail: { itemsRejected: 2, reason: "changed my mind" } },
    ]);
    // SAP's own status event (every item rejected) moves the storefront's status.
    expect(t.storefrontMoves).toEqual([]);
  });

  it.each(["CANCELLED", "DISCARDED"] as const)(
    "cancelling an order already %s changes nothing",
    async (state) => {
      const t = setUp(
        aLink({ storefrontOrderId: "SO-1", state, sapSalesOrder: state === "CANCELLED" ? "4711" : null }),
      );

      const result = await t.change(aCancelJob("SO-1"));

      expect(result).toEqual({ outcome: "already-cancelled" });
      expect(t.sap.calls).toEqual([]);
      expect(t.ledger.moves).toEqual([]);
      expect(t.storefrontMoves).toEqual([]);
    },
  );

  it("the job's name, not its event type, makes it a cancellation", async () => {
    const t = setUp(aLink({ storefrontOrderId: "SO-1", state: "CREATED", sapSalesOrder: "4711" }), [
      aSalesOrder("4711", ["TG-0001"]),
    ]);

    const cancelled = await t.change(
      aCancelJob("SO-1", { type: "com.icp.storefront.order.ModificationRequested.v1" }),
    );

    expect(cancelled).toEqual({ outcome: "cancelled" });
    expect(t.sap.calls).toEqual(["rejectItems 4711 10"]);
  });

  it("a modification job (one line to quantity 0) is refused at once: no item of the order is rejected, nothing changes", async () => {
    const t = setUp(aLink({ storefrontOrderId: "SO-1", state: "CREATED", sapSalesOrder: "4711" }), [
      aSalesOrder("4711", ["TG-0001", "TG-0002", "TG-0003"]),
    ]);

    const err = await thrownBy(() =>
      t.change(
        aModifyJob("SO-1", [
          { sku: "TG-0002", quantity: 0 },
          { sku: "TG-0003", quantity: 5 },
        ]),
      ),
    );

    expect((err as Error).name).toBe("UnrecoverableError");
    expect((err as Error).message).toMatch(
      /modify-sales-order .* not a cancellation; order modification is not supported/,
    );
    expect(t.sap.calls).toEqual([]);
    expect(t.ledger.moves).toEqual([]);
    expect(t.ledger.notes).toEqual([]);
    expect(t.ledger.failures).toEqual([]);
    expect(t.storefrontMoves).toEqual([]);
    expect(t.webhooks).toEqual([]);
  });

  it("a cancellation SAP refuses fails at once, for good: one failure, the storefront's status back to SAP's, a webhook", async () => {
    const t = setUp(
      aLink({ storefrontOrderId: "SO-1", state: "CREATED", sapSalesOrder: "4711", sapStatus: "SHIPPED" }),
    );
    t.sap.sap.salesOrders.rejectItems = async () => {
      throw new SapRefusal("V1/113: sales order 4711 has been delivered and cannot be cancelled");
    };

    const err = await thrownBy(() => t.change(aCancelJob("SO-1")));

    expect((err as Error).name).toBe("UnrecoverableError");
    expect(t.ledger.failures).toEqual([
      { change: "cancel", code: "SAP_BUSINESS_ERROR:V1/113", attempts: 1, jobId: "SO-1-evt-cancel-1" },
    ]);
    expect(t.storefrontMoves).toEqual(["SO-1 SHIPPED (cancellation refused)"]);
    expect(t.webhooks).toEqual([
      expect.objectContaining({ orderId: "SO-1", status: "SHIPPED", cancellation: "REFUSED" }),
    ]);
  });

  it("a cancellation SAP cannot take right now is retried, and recorded as a failure only on its last attempt", async () => {
    const t = setUp(aLink({ storefrontOrderId: "SO-1", state: "CREATED", sapSalesOrder: "4711" }));
    t.sap.sap.salesOrders.rejectItems = async () => {
      throw new Error("SAP 503");
    };

    const early = await thrownBy(() => t.change(aCancelJob("SO-1", {}, 3)));
    expect((early as Error).name).not.toBe("UnrecoverableError");
    expect(t.ledger.failures).toEqual([]);

    await thrownBy(() => t.change(aCancelJob("SO-1", {}, 7)));
    expect(t.ledger.failures).toEqual([
      { change: "cancel", code: "SAP_UNAVAILABLE", attempts: 8, jobId: "SO-1-evt-cancel-1" },
    ]);
    expect(t.storefrontMoves).toEqual(["SO-1 ACCEPTED (cancellation refused)"]);
  });
});
