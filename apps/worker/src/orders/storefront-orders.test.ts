import type { StorefrontStatus } from "@icp/domain";
import { StorefrontOrderStatus } from "@icp/orders";
import type { ReadModel } from "@icp/read-model";
import { describe, expect, it } from "vitest";
import { storefrontOrders } from "./storefront-orders";
import { aLink, type Link } from "./testing";

/**
 * The read model's order statuses, answering `markOrder` (a guarded move) and `findOne` as
 * MongoDB would: the real StorefrontOrderStatus runs on it, so "the status already holds" is
 * the owner's own logic, not the fake's.
 */
function fakeReadModel(statuses: Record<string, StorefrontStatus>) {
  const rm = {
    async markOrder(orderId: string, to: StorefrontStatus, extra: { onlyFrom: StorefrontStatus[] }) {
      const now = statuses[orderId];
      if (!now || !extra.onlyFrom.includes(now)) return "stale";
      statuses[orderId] = to;
      return "applied";
    },
    orders: {
      async findOne(filter: { _id: string }) {
        const status = statuses[filter._id];
        return status ? { _id: filter._id, status } : null;
      },
    },
  };
  // Only the two calls StorefrontOrderStatus.move makes are needed of the read model.
  return new StorefrontOrderStatus(rm as unknown as ReadModel);
}

function setUp(statuses: Record<string, StorefrontStatus>, links: Link[] = []) {
  const notified: { id: string; data: Record<string, unknown>; orderLinkId?: string }[] = [];
  const ledger = {
    find: async (by: { orderId: string }) => links.find((l) => l.storefrontOrderId === by.orderId) ?? null,
  };
  const orders = storefrontOrders(
    fakeReadModel(statuses),
    // `find` answers Prisma's chainable promise; storefrontOrders only awaits it.
    ledger as unknown as Parameters<typeof storefrontOrders>[1],
    async (event) => {
      notified.push({
        id: event.id,
        data: event.data,
        ...(event.orderLinkId ? { orderLinkId: event.orderLinkId } : {}),
      });
      return 1;
    },
  );
  return { orders, notified, statuses };
}

describe("storefrontOrders", () => {
  it("an order accepted by SAP moves to ACCEPTED and the storefront is told once, with the sales order", async () => {
    const link = aLink({ storefrontOrderId: "SO-1" });
    const t = setUp({ "SO-1": "RECEIVED" }, [link]);

    await t.orders.accepted("SO-1", "4711");

    expect(t.statuses["SO-1"]).toBe("ACCEPTED");
    expect(t.notified).toEqual([
      {
        id: "order:SO-1:ACCEPTED",
        data: { orderId: "SO-1", status: "ACCEPTED", salesOrder: "4711", changedAt: expect.any(String) },
        orderLinkId: link.id,
      },
    ]);
  });

  it("a retried job that finds the order ACCEPTED already tells the storefront again, under the same id", async () => {
    const t = setUp({ "SO-1": "ACCEPTED" });

    await t.orders.accepted("SO-1", "4711");

    expect(t.notified.map((n) => n.id)).toEqual(["order:SO-1:ACCEPTED"]);
  });

  it("an order SAP has moved past ACCEPTED is left as it is and the storefront is not told ACCEPTED", async () => {
    const t = setUp({ "SO-1": "SHIPPED" });

    await t.orders.accepted("SO-1", "4711");

    expect(t.statuses["SO-1"]).toBe("SHIPPED");
    expect(t.notified).toEqual([]);
  });

  it("an order whose push failed for good moves to FAILED and the storefront is told why", async () => {
    const t = setUp({ "SO-1": "RECEIVED" });

    await t.orders.failed("SO-1", "material TG-0001 is blocked");

    expect(t.statuses["SO-1"]).toBe("FAILED");
    expect(t.notified).toEqual([
      {
        id: "order:SO-1:FAILED",
        data: {
          orderId: "SO-1",
          status: "FAILED",
          reason: "material TG-0001 is blocked",
          changedAt: expect.any(String),
        },
      },
    ]);
  });

  it("a failure reported for an order already accepted does not move it and tells the storefront nothing", async () => {
    const t = setUp({ "SO-1": "ACCEPTED" });

    await t.orders.failed("SO-1", "late failure");

    expect(t.statuses["SO-1"]).toBe("ACCEPTED");
    expect(t.notified).toEqual([]);
  });

  it("an order the read model does not hold is not reported to the storefront", async () => {
    const t = setUp({});

    await t.orders.accepted("SO-404", "4711");
    await t.orders.failed("SO-404", "nope");

    expect(t.notified).toEqual([]);
  });
});
