import { type OrderSubmitted, type SalesOrderDeepInsert, toSalesOrderDeepInsert } from "@icp/domain";
import type { Logger } from "@icp/observability";
import { type Job, UnrecoverableError } from "bullmq";

/** What the order flow needs from SAP: one idempotent create. */
export interface SalesOrderPort {
  createSalesOrderOnce(
    body: SalesOrderDeepInsert,
    opts: { mayExist: boolean },
  ): Promise<{ salesOrder: string; created: boolean }>;
}

/** Failure as the ledger and the console see it. */
export interface PushFailure {
  errorClass: "BUSINESS" | "TRANSIENT";
  code: string;
  sapErrorCode?: string;
  message: string;
}

/** The control plane's record of each order (PostgreSQL). */
export interface OrderLedger {
  /**
   * The SAP sales order already booked for this storefront order, if any, and whether a create
   * was ever sent for it (recorded before sending, so a crash mid-create still shows).
   */
  bookingOf(
    orderId: string,
  ): Promise<{ salesOrder: string | null; submittedBefore: boolean; recorded: boolean }>;
  markSubmitting(order: OrderSubmitted, attempt: number): Promise<void>;
  markCreated(
    orderId: string,
    salesOrder: string,
    detail: { createdNow: boolean; attempt: number },
  ): Promise<void>;
  /** Last attempt failed (or the error cannot be retried): leave a failure an operator can act on. */
  markFailed(order: OrderSubmitted, failure: PushFailure, attempts: number): Promise<void>;
  markRetrying(orderId: string, failure: PushFailure, attempt: number): Promise<void>;
}

/** The storefront's read model of the order (MongoDB). */
export interface StorefrontOrders {
  accepted(orderId: string, salesOrder: string): Promise<void>;
  failed(orderId: string, message: string): Promise<void>;
}

export interface OrderJobData {
  order: OrderSubmitted;
  traceparent?: string;
  eventId: string;
}

export type ErrorClassifier = (err: unknown) => PushFailure & { retryable: boolean };

/**
 * One order → one SAP sales order. Safe to run any number of times for the same order:
 * the ledger short-circuits a booked order, and `createSalesOrderOnce` looks SAP up by
 * PurchaseOrderByCustomer before creating whenever a create may already have been sent (the
 * ledger records each submission before it goes out), which covers a crash between SAP's
 * create and our bookkeeping; an answer lost on the wire is looked up right after.
 */
export function pushOrderToSap(deps: {
  sap: SalesOrderPort;
  ledger: OrderLedger;
  storefront: StorefrontOrders;
  classify: ErrorClassifier;
  logger: Logger;
}) {
  return async (job: Job<OrderJobData>): Promise<{ salesOrder: string; createdNow: boolean }> => {
    const { order } = job.data;
    const attempt = job.attemptsMade + 1;
    const maxAttempts = job.opts.attempts ?? 1;

    const { salesOrder: booked, submittedBefore, recorded } = await deps.ledger.bookingOf(order.orderId);
    if (booked) {
      // Known from SAP (its status event) but not yet booked by us: book it now, or the ledger
      // would show the order as submitting for ever (found by the chaos suite).
      if (!recorded) await deps.ledger.markCreated(order.orderId, booked, { createdNow: false, attempt });
      await deps.storefront.accepted(order.orderId, booked);
      return { salesOrder: booked, createdNow: false };
    }
    await deps.ledger.markSubmitting(order, attempt);
    try {
      // Only an order a create was already sent for can exist in SAP: look it up then (and on
      // every retry), not on the first try of every order.
      const { salesOrder, created } = await deps.sap.createSalesOrderOnce(toSalesOrderDeepInsert(order), {
        mayExist: submittedBefore || attempt > 1,
      });
      await deps.ledger.markCreated(order.orderId, salesOrder, { createdNow: created, attempt });
      await deps.storefront.accepted(order.orderId, salesOrder);
      deps.logger.info({ "sap.sales_order": salesOrder, created, attempt }, "order booked in SAP");
      return { salesOrder, createdNow: created };
    } catch (err) {
      const failure = deps.classify(err);
      const last = !failure.retryable || attempt >= maxAttempts;
      if (last) {
        await deps.ledger.markFailed(order, failure, attempt);
        await deps.storefront.failed(order.orderId, failure.message);
        deps.logger.warn(
          { err, attempt, "error.class": failure.errorClass },
          "order push failed for good; failure recorded",
        );
        // Business errors will not heal by waiting: stop BullMQ's retries at once.
        if (!failure.retryable) throw new UnrecoverableError(failure.message);
      } else {
        await deps.ledger.markRetrying(order.orderId, failure, attempt);
        deps.logger.info({ attempt, maxAttempts, code: failure.code }, "order push failed; will retry");
      }
      throw err;
    }
  };
}
