import { CANCELLATION_REFUSED_FROM, STOREFRONT_MOVES, type StorefrontStatus } from "@icp/domain";
import type { ReadModel, ReceivedOrder } from "@icp/read-model";

/**
 * The storefront's order status in the read model (MongoDB `orders.status` and its history):
 * the one writer. The flow's own moves (RECEIVED → ACCEPTED/FAILED/CANCELLATION_REQUESTED/
 * CANCELLED) follow @icp/domain's STOREFRONT_MOVES; SAP's statuses are versioned by SAP's
 * change time. Every write is idempotent, so a job retried after an outage completes what the
 * outage interrupted.
 */
export class StorefrontOrderStatus {
  constructor(private readonly rm: ReadModel) {}

  /** Orders as the storefront submitted them (intake); a second call for an id changes nothing. */
  received(docs: ReceivedOrder[]) {
    return this.rm.ordersReceived(docs);
  }

  /**
   * A move made by the order flow itself. Answers whether the order now has that status,
   * whether this call moved it or an earlier one did (so a retried job notifies again; the
   * webhook delivery is unique per event, so the storefront still hears it once).
   */
  async move(
    orderId: string,
    to: StorefrontStatus,
    extra: { salesOrder?: string; note?: string } = {},
  ): Promise<boolean> {
    const outcome = await this.rm.markOrder(orderId, to, { ...extra, onlyFrom: [...STOREFRONT_MOVES[to]] });
    if (outcome === "applied") return true;
    return (await this.rm.orders.findOne({ _id: orderId }, { projection: { status: 1 } }))?.status === to;
  }

  /**
   * SAP refused the cancellation: the status the storefront showed (CANCELLATION_REQUESTED)
   * goes back to SAP's. Answers whether the order now has that status.
   */
  async cancellationRefused(orderId: string, backTo: StorefrontStatus, reason: string): Promise<boolean> {
    const outcome = await this.rm.markOrder(orderId, backTo, {
      note: `cancellation refused: ${reason}`,
      onlyFrom: [...CANCELLATION_REFUSED_FROM],
    });
    if (outcome === "applied") return true;
    // Moved by an earlier attempt that crashed before telling the storefront: tell it again
    // (the delivery is unique per event id).
    return (await this.rm.orders.findOne({ _id: orderId }, { projection: { status: 1 } }))?.status === backTo;
  }

  /**
   * SAP's state, versioned by SAP's change time. Answers whether the read model now holds this
   * version (applied now, or by an earlier attempt), so the caller notifies exactly then.
   */
  async applySap(
    orderId: string,
    s: { status: StorefrontStatus; version: number; salesOrder: string; sapChangedAt: Date },
  ): Promise<"applied" | "current" | "stale"> {
    const outcome = await this.rm.applyOrderStatus(orderId, {
      status: s.status,
      version: s.version,
      salesOrder: s.salesOrder,
      sapAt: s.sapChangedAt,
    });
    if (outcome === "applied") return "applied";
    const doc = await this.rm.orders.findOne(
      { _id: orderId },
      { projection: { status: 1, statusVersion: 1 } },
    );
    return doc && doc.statusVersion === s.version && doc.status === s.status ? "current" : "stale";
  }

  /** What the read model holds for these orders (status and SAP version), for reconciliation. */
  async current(orderIds: string[]) {
    const docs = await this.rm.findEach(this.rm.orders, "_id", orderIds, { status: 1, statusVersion: 1 });
    return new Map(docs.map((d) => [d._id, { status: d.status, version: d.statusVersion }]));
  }
}
