import { JobNames } from "@icp/domain";
import type { Logger } from "@icp/observability";
import type { OrderLedger, StorefrontOrderStatus } from "@icp/orders";
import type { SapClient } from "@icp/sap-client";

/** The SAP calls a change makes (the SapClient in production, a fake in tests). */
export type SalesOrderChanges = {
  salesOrders: Pick<SapClient["salesOrders"], "get" | "rejectItems" | "rejectItem" | "changeItemQuantity">;
};

export interface ChangeJobData {
  type: string;
  eventId: string;
  request: { orderId: string; reason?: string; lines?: { sku: string; quantity: number }[] };
  traceparent?: string;
}

export class NotBookedYet extends Error {
  constructor(orderId: string) {
    super(`order ${orderId} has no SAP sales order yet; will try again`);
    this.name = "NotBookedYet";
  }
}

/**
 * Cancellation and modification requests from the storefront. They travel on the same Kafka
 * partition as the order (key = order id), but may reach SAP before the create finished: then
 * the job waits (BullMQ backoff) until the sales order exists — unless the order failed for
 * good, in which case cancelling needs no SAP document at all.
 */
export function changeOrderInSap(deps: {
  ledger: Pick<OrderLedger, "find" | "move" | "note">;
  storefront: Pick<StorefrontOrderStatus, "move">;
  sap: SalesOrderChanges;
  rejectionReason: string;
  logger: Logger;
}) {
  return async (job: { name: string; data: ChangeJobData }): Promise<{ outcome: string }> => {
    const { orderId, reason } = job.data.request;
    const link = await deps.ledger.find({ orderId });
    if (!link) throw new NotBookedYet(orderId);
    const cancel = job.name === JobNames.cancelSalesOrder;
    if (cancel && (link.state === "CANCELLED" || link.state === "DISCARDED"))
      return { outcome: "already-cancelled" };
    if (!link.sapSalesOrder) {
      if (cancel && (link.state === "FAILED" || link.state === "CANCEL_REQUESTED")) {
        await deps.ledger.move(
          orderId,
          "CANCELLED",
          { detail: { reason: reason ?? null, sap: "no sales order existed" } },
          { cancelledAt: new Date() },
        );
        await deps.storefront.move(orderId, "CANCELLED", { note: reason ?? "cancelled" });
        return { outcome: "cancelled-before-sap" };
      }
      throw new NotBookedYet(orderId);
    }
    if (cancel) {
      const rejected = await deps.sap.salesOrders.rejectItems(link.sapSalesOrder, deps.rejectionReason);
      await deps.ledger.move(
        orderId,
        "CANCELLED",
        { detail: { itemsRejected: rejected, reason: reason ?? null } },
        { cancelledAt: new Date() },
      );
      deps.logger.info({ "sap.sales_order": link.sapSalesOrder, rejected }, "sales order cancelled in SAP");
      return { outcome: "cancelled" };
    }
    const so = await deps.sap.salesOrders.get(link.sapSalesOrder, { expandItems: true });
    let changed = 0;
    for (const line of job.data.request.lines ?? []) {
      const item = so?.to_Item?.find((i) => i.Material === line.sku);
      if (!item) continue;
      if (line.quantity === 0) {
        // This line only: rejectItems would reject every item, cancelling the whole order.
        await deps.sap.salesOrders.rejectItem(link.sapSalesOrder, item.SalesOrderItem, deps.rejectionReason);
      } else {
        await deps.sap.salesOrders.changeItemQuantity(
          link.sapSalesOrder,
          item.SalesOrderItem,
          String(line.quantity),
        );
      }
      changed++;
    }
    await deps.ledger.note(orderId, {
      kind: "STATE_CHANGED",
      detail: { modification: job.data.request.lines ?? [], itemsChanged: changed },
    });
    return { outcome: "modified" };
  };
}
