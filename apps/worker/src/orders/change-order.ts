import { JobNames, type StorefrontStatus } from "@icp/domain";
import type { Logger } from "@icp/observability";
import type { OrderLedger, StorefrontOrderStatus } from "@icp/orders";
import type { SapClient } from "@icp/sap-client";
import { UnrecoverableError } from "bullmq";
import { WebhookEvents } from "../webhooks/webhooks";
import type { ErrorClassifier } from "./push-order";

/** The SAP call a cancellation makes (the SapClient in production, a fake in tests). */
export type SalesOrderChanges = {
  salesOrders: Pick<SapClient["salesOrders"], "rejectItems">;
};

export interface ChangeJobData {
  type: string;
  eventId: string;
  request: { orderId: string; reason?: string };
  traceparent?: string;
}

export class NotBookedYet extends Error {
  constructor(orderId: string) {
    super(`order ${orderId} has no SAP sales order yet; will try again`);
    this.name = "NotBookedYet";
  }
}

/** The part of a BullMQ job a change uses (a test passes a plain object). */
export interface ChangeJob {
  id?: string;
  name: string;
  data: ChangeJobData;
  attemptsMade?: number;
  opts?: { attempts?: number };
}

type Notify = (event: {
  id: string;
  type: typeof WebhookEvents.orderStatus;
  data: Record<string, unknown>;
  orderLinkId?: string;
}) => Promise<number>;

/**
 * A cancellation that ends failed — SAP refused it (a shipped order cannot be cancelled:
 * V1/113), or its retries ran out — leaves one failure on the order's timeline, puts the
 * storefront's status back where SAP has the order and tells the storefront by a signed
 * webhook. SAP's business refusals are not retried blindly.
 *
 * Cancelling is the only change made to a booked order. Any other job handed here (a
 * `modify-sales-order` job an older release left in Redis) is refused at once and touches
 * neither SAP nor the ledger: order modification is not supported (issue 22: 10).
 */
export function changeOrderInSap(deps: {
  ledger: Pick<OrderLedger, "find" | "move" | "changeFailed">;
  storefront: Pick<StorefrontOrderStatus, "move" | "cancellationRefused">;
  sap: SalesOrderChanges;
  classify: ErrorClassifier;
  notify: Notify;
  rejectionReason: string;
  logger: Logger;
}) {
  const apply = applyChange(deps);
  return async (job: ChangeJob): Promise<{ outcome: string }> => {
    if (job.name !== JobNames.cancelSalesOrder)
      throw new UnrecoverableError(
        `job ${job.name} for order ${job.data.request.orderId} is not a cancellation; order modification is not supported`,
      );
    const attempt = (job.attemptsMade ?? 0) + 1;
    try {
      return await apply(job);
    } catch (err) {
      const failure =
        err instanceof NotBookedYet
          ? { errorClass: "TRANSIENT" as const, code: "NOT_BOOKED", message: err.message, retryable: true }
          : deps.classify(err);
      if (failure.retryable && attempt < (job.opts?.attempts ?? 1)) throw err;
      const { orderId } = job.data.request;
      await deps.ledger.changeFailed(orderId, {
        change: "cancel",
        failure,
        attempts: attempt,
        jobId: job.id ?? `${orderId}-${job.data.eventId}`,
        payload: job.data,
      });
      await refuseCancellation(deps, orderId, failure.message);
      deps.logger.warn(
        { err, attempt, "error.class": failure.errorClass },
        "order change failed for good; failure recorded",
      );
      if (!failure.retryable) throw new UnrecoverableError(failure.message);
      throw err;
    }
  };
}

/** The storefront's status goes back to SAP's (it showed CANCELLATION_REQUESTED), and it is told. */
async function refuseCancellation(
  deps: {
    ledger: Pick<OrderLedger, "find">;
    storefront: Pick<StorefrontOrderStatus, "cancellationRefused">;
    notify: Notify;
  },
  orderId: string,
  reason: string,
): Promise<void> {
  const link = await deps.ledger.find({ orderId });
  const backTo = (link?.sapStatus ?? (link?.sapSalesOrder ? "ACCEPTED" : "RECEIVED")) as StorefrontStatus;
  if (!(await deps.storefront.cancellationRefused(orderId, backTo, reason))) return;
  await deps.notify({
    id: `order:${orderId}:cancellation-refused:${link?.sapStatusVersion ?? 0}`,
    type: WebhookEvents.orderStatus,
    data: { orderId, status: backTo, cancellation: "REFUSED", reason, changedAt: new Date().toISOString() },
    ...(link ? { orderLinkId: link.id } : {}),
  });
}

/**
 * Cancellation requests from the storefront. They travel on the same Kafka
 * partition as the order (key = order id), but may reach SAP before the create finished: then
 * the job waits (BullMQ backoff) until the sales order exists — unless the order failed for
 * good, in which case cancelling needs no SAP document at all.
 */
function applyChange(deps: {
  ledger: Pick<OrderLedger, "find" | "move">;
  storefront: Pick<StorefrontOrderStatus, "move">;
  sap: SalesOrderChanges;
  rejectionReason: string;
  logger: Logger;
}) {
  return async (job: { data: ChangeJobData }): Promise<{ outcome: string }> => {
    const { orderId, reason } = job.data.request;
    const link = await deps.ledger.find({ orderId });
    if (!link) throw new NotBookedYet(orderId);
    if (link.state === "CANCELLED" || link.state === "DISCARDED") return { outcome: "already-cancelled" };
    if (!link.sapSalesOrder) {
      if (link.state === "FAILED" || link.state === "CANCEL_REQUESTED") {
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
    // Every item of the order is rejected: a cancellation is of the whole order.
    const rejected = await deps.sap.salesOrders.rejectItems(link.sapSalesOrder, deps.rejectionReason);
    await deps.ledger.move(
      orderId,
      "CANCELLED",
      { detail: { itemsRejected: rejected, reason: reason ?? null } },
      { cancelledAt: new Date() },
    );
    deps.logger.info({ "sap.sales_order": link.sapSalesOrder, rejected }, "sales order cancelled in SAP");
    return { outcome: "cancelled" };
  };
}
