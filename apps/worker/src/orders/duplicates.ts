import type { Db } from "@icp/db";
import type { Logger, Metrics } from "@icp/observability";
import type { OrderLedger } from "@icp/orders";
import type { DuplicateHandler } from "./push-order";

/**
 * A second SAP sales order for one storefront order is the most expensive defect this system
 * can make: SAP would ship and bill it. Whoever finds one (the push at booking, a status event,
 * the reconciler) hands it here: it is logged at error level and counted (the
 * DuplicateSalesOrder alert), shown on the order's timeline, and the orphan — the one the
 * ledger does not hold — is cancelled in SAP (every item rejected), with an audit entry by the
 * system. Cancelling twice is harmless (items already rejected are skipped), so every finder
 * may call it. If SAP refuses (the orphan already shipped), the error is thrown so the finder's
 * job retries and stays failed in sight; the alert keeps firing.
 */
export function duplicateResolver(deps: {
  db: Db;
  ledger: Pick<OrderLedger, "note">;
  rejectSalesOrder(salesOrder: string, reason: string): Promise<number>;
  rejectionReason: string;
  metrics?: Metrics;
  logger: Logger;
}): DuplicateHandler {
  return async ({ orderId, booked, duplicate, how }) => {
    deps.logger.error(
      { "labels.order_id": orderId, "sap.sales_order": booked, "sap.duplicate": duplicate, how },
      "duplicate SAP sales order for one storefront order; cancelling the orphan",
    );
    await deps.ledger.note(orderId, {
      kind: "DUPLICATE_SALES_ORDER",
      source: "reconciler",
      detail: { booked, duplicate, how },
    });
    let rejected: number;
    try {
      rejected = await deps.rejectSalesOrder(duplicate, deps.rejectionReason);
    } catch (err) {
      deps.metrics?.duplicateSalesOrders.inc({ how: howLabel(how), outcome: "cancel_failed" });
      throw err;
    }
    deps.metrics?.duplicateSalesOrders.inc({ how: howLabel(how), outcome: "cancelled" });
    if (rejected === 0) return; // cancelled by an earlier finder
    await deps.ledger.note(orderId, {
      kind: "RECONCILED",
      source: "reconciler",
      detail: { cancelled: duplicate, itemsRejected: rejected, keeps: booked },
    });
    await deps.db.auditLog.create({
      data: {
        actorId: "system:order-reconciler",
        actorRole: "SYSTEM",
        action: "order.duplicate_cancel",
        targetType: "order",
        targetId: orderId,
        reason: `second SAP sales order ${duplicate} for one storefront order (${how})`,
        before: { salesOrders: [booked, duplicate] },
        after: { kept: booked, cancelled: duplicate, itemsRejected: rejected },
      },
    });
  };
}

const howLabel = (how: string) =>
  how.startsWith("found at booking")
    ? "booking"
    : how.startsWith("SAP's status event")
      ? "status_event"
      : "reconciler";
