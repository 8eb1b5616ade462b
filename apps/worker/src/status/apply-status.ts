import type { Db } from "@icp/db";
import { type SalesOrderState, storefrontStatusOf } from "@icp/domain";
import { currentLogContext, type Logger, withLogContext } from "@icp/observability";
import type { ReadModel } from "@icp/read-model";
import type { Job } from "bullmq";
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

/**
 * SAP's standard sales-order events carry only the key, so the job reads the order's current
 * state from SAP and applies it with SAP's LastChangeDateTime as the version: an older state
 * (a late event's job running after a newer one) never overwrites a newer one (invariant 4).
 */
export function applyOrderStatus(deps: {
  db: Db;
  rm: ReadModel;
  readSalesOrder(salesOrder: string): Promise<SalesOrderSnapshot | null>;
  notify(event: {
    id: string;
    type: typeof WebhookEvents.orderStatus;
    data: Record<string, unknown>;
    orderLinkId?: string;
  }): Promise<number>;
  logger: Logger;
}) {
  return async (
    job: Job<StatusJobData>,
  ): Promise<{ outcome: "applied" | "stale" | "not-ours" | "gone"; status?: string }> => {
    const { salesOrder, eventId } = job.data;
    const so = await deps.readSalesOrder(salesOrder);
    if (!so) return { outcome: "gone" };
    const link = await deps.db.orderLink.findFirst({
      where: {
        OR: [
          { sapSalesOrder: salesOrder },
          ...(so.purchaseOrderByCustomer ? [{ storefrontOrderId: so.purchaseOrderByCustomer }] : []),
        ],
      },
      select: { id: true, storefrontOrderId: true, traceId: true },
    });
    // Orders from other channels (EDI, sales reps) are not the storefront's business.
    if (!link) return { outcome: "not-ours" };
    const status = storefrontStatusOf(so);
    const version = so.lastChange.getTime();
    const guarded = await deps.db.orderLink.updateMany({
      where: { id: link.id, OR: [{ sapStatusVersion: null }, { sapStatusVersion: { lt: BigInt(version) } }] },
      data: {
        sapStatus: status,
        sapStatusVersion: BigInt(version),
        sapStatusAt: so.lastChange,
        sapSalesOrder: salesOrder,
        ...(status === "CANCELLED" ? { state: "CANCELLED", cancelledAt: new Date() } : {}),
      },
    });
    const applied =
      guarded.count === 1 &&
      (await deps.rm.applyOrderStatus(link.storefrontOrderId, {
        status,
        version,
        salesOrder,
        at: so.lastChange,
      })) === "applied";
    // The order's own trace (from the storefront request) wins over the event's: SAP's events
    // start traces of their own, and ops follow one order by its trace id.
    const traceId = link.traceId ?? currentLogContext().traceId;
    await deps.db.orderEvent.create({
      data: {
        orderLinkId: link.id,
        kind: "SAP_STATUS",
        source: "sap-event",
        ...(traceId ? { traceId } : {}),
        detail: { eventId, eventType: job.data.eventType, status, version, applied },
      },
    });
    if (!applied) {
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
