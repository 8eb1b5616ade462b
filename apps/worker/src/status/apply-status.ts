import { type SalesOrderState, storefrontStatusOf } from "@icp/domain";
import { currentLogContext, type Logger, withLogContext } from "@icp/observability";
import type { OrderLedger, StorefrontOrderStatus } from "@icp/orders";
import type { DuplicateHandler } from "../orders/push-order";
import { WebhookEvents } from "../webhooks/webhooks";

export interface SalesOrderSnapshot extends SalesOrderState {
  salesOrder: string;
  purchaseOrderByCustomer: string | null;
  lastChange: Date;
}

export interface StatusJobData {
  salesOrder: string;
  eventId: string;
  eventType: string;
  eventTime: string;
  traceparent?: string;
}

type Outcome = "applied" | "stale" | "not-ours" | "gone" | "duplicate";

/**
 * SAP's standard sales-order events carry only the key, so the job reads the order's current
 * state from SAP and applies it with SAP's LastChangeDateTime as the version: an older state
 * (a late event's job running after a newer one) never overwrites a newer one (invariant 4).
 * The ledger and the read model each take the state by version on their own, so a retry after
 * an outage of either completes what the outage interrupted: the read model is never left
 * behind a ledger that already moved. The storefront is told whenever the read model holds
 * this version (the delivery is unique per version, so a retry does not tell it twice).
 */
export function applyOrderStatus(deps: {
  ledger: Pick<OrderLedger, "find" | "applySapStatus" | "noteById">;
  storefront: Pick<StorefrontOrderStatus, "applySap">;
  readSalesOrder(salesOrder: string): Promise<SalesOrderSnapshot | null>;
  notify(event: {
    id: string;
    type: typeof WebhookEvents.orderStatus;
    data: Record<string, unknown>;
    orderLinkId?: string;
  }): Promise<number>;
  onDuplicate: DuplicateHandler;
  logger: Logger;
}) {
  return async (job: { data: StatusJobData }): Promise<{ outcome: Outcome; status?: string }> => {
    const { salesOrder, eventId } = job.data;
    const so = await deps.readSalesOrder(salesOrder);
    if (!so) return { outcome: "gone" };
    const link =
      (await deps.ledger.find({ salesOrder })) ??
      (so.purchaseOrderByCustomer ? await deps.ledger.find({ orderId: so.purchaseOrderByCustomer }) : null);
    // Orders from other channels (EDI, sales reps) are not the storefront's business.
    if (!link) return { outcome: "not-ours" };
    if (link.sapSalesOrder && link.sapSalesOrder !== salesOrder) {
      // SAP holds a second sales order carrying this storefront order's id.
      await deps.onDuplicate({
        orderId: link.storefrontOrderId,
        booked: link.sapSalesOrder,
        duplicate: salesOrder,
        how: "SAP's status event named a second sales order for the order",
      });
      return { outcome: "duplicate" };
    }
    const status = storefrontStatusOf(so);
    const version = so.lastChange.getTime();
    const change = { status, version, salesOrder, sapChangedAt: so.lastChange };
    const ledgerTook = await deps.ledger.applySapStatus(link.id, change);
    const readModel = await deps.storefront.applySap(link.storefrontOrderId, change);
    // The order's own trace (from the storefront request) wins over the event's: SAP's events
    // start traces of their own, and ops follow one order by its trace id.
    const traceId = link.traceId ?? currentLogContext().traceId;
    if (ledgerTook || readModel === "applied" || readModel === "stale")
      await deps.ledger.noteById(link.id, {
        kind: "SAP_STATUS",
        source: "sap-event",
        traceId,
        detail: {
          eventId,
          eventType: job.data.eventType,
          status,
          version,
          sapChangedAt: so.lastChange.toISOString(),
          applied: readModel !== "stale",
        },
      });
    if (readModel === "stale") {
      deps.logger.info(
        { "sap.sales_order": salesOrder, status, version },
        "older or unchanged SAP state ignored",
      );
      return { outcome: "stale", status };
    }
    await withLogContext({ orderId: link.storefrontOrderId, ...(traceId ? { traceId } : {}) }, () =>
      deps.notify({
        id: `status:${salesOrder}:${version}`,
        type: WebhookEvents.orderStatus,
        data: { orderId: link.storefrontOrderId, salesOrder, status, changedAt: so.lastChange.toISOString() },
        orderLinkId: link.id,
      }),
    );
    return { outcome: "applied", status };
  };
}
