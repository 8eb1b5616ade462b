import { type OrderSubmitted, type SalesOrderDeepInsert, toSalesOrderDeepInsert } from "@icp/domain";
import type { Logger } from "@icp/observability";
import type { Claim, OrderLedger, PushFailure } from "@icp/orders";
import { DelayedError, UnrecoverableError } from "bullmq";

export type { PushFailure };

/** What the order flow needs from SAP: one idempotent create. */
export interface SalesOrderPort {
  createSalesOrderOnce(
    body: SalesOrderDeepInsert,
    /** `beforeCreate`: the fence; the check it answers runs synchronously right before the wire. */
    opts: { mayExist: boolean; beforeCreate?: () => Promise<undefined | (() => void)> },
  ): Promise<{
    salesOrder: string;
    created: boolean;
    refusedAsDuplicate?: boolean;
    /** SAP's `sap-message` warnings the document was saved with (incomplete, credit block …). */
    messages?: { code: string; message: string; severity: string }[];
    /** The business blocks SAP saved the document with. */
    blocks?: string[];
  }>;
}

/** The order ledger calls the push makes (the order owner, @icp/orders). */
export type PushLedger = Pick<
  OrderLedger,
  "claimSubmission" | "holdsClaim" | "markCreated" | "markFailed" | "markRetrying"
>;

/** The storefront's view of the order, moved when the push ends (and the storefront told). */
export interface StorefrontOrders {
  accepted(orderId: string, salesOrder: string): Promise<void>;
  failed(orderId: string, message: string): Promise<void>;
}

/** A second SAP sales order for one storefront order, found at booking: resolve it. */
export type DuplicateHandler = (found: {
  orderId: string;
  booked: string;
  duplicate: string;
  how: string;
}) => Promise<void>;

/** The part of a BullMQ job the push uses (a test passes a plain object). */
export interface OrderJob {
  data: { order: OrderSubmitted };
  attemptsMade: number;
  opts: { attempts?: number };
  timestamp: number;
  token?: string;
  /** BullMQ's lock extension: 1 while this runner holds the job's lock, 0 once it lost it. */
  extendLock(token: string, duration: number): Promise<number>;
  /** Put the job back until `timestamp` without spending an attempt. */
  moveToDelayed?(timestamp: number, token?: string): Promise<void>;
}

/**
 * How long a create waits when SAP's circuit is open. The breaker refused the call before it
 * went out: that is no attempt at SAP, so it must not use up the order's attempts (a few
 * quick retries inside the breaker's open window would fail orders SAP never saw).
 */
export const CIRCUIT_OPEN_WAIT_MS = 5_000;

export type ErrorClassifier = (err: unknown) => PushFailure & { retryable: boolean };

/** This runner may no longer send the create: it lost its BullMQ lock or its claim. */
export class FencedOut extends Error {
  constructor(orderId: string, why: string) {
    super(`order ${orderId}: not sending the create, ${why}`);
    this.name = "FencedOut";
  }
}

/**
 * SAP booked the order but the ledger could not record it (the database failed the booking's
 * transaction). Not SAP's failure: the next attempt finds the order in SAP by its purchase
 * order and books it; if no attempt is left, the failure an operator sees names the sales order
 * and the storefront is not told the order failed.
 */
export class BookingNotRecorded extends Error {
  constructor(
    readonly orderId: string,
    readonly salesOrder: string,
    cause: unknown,
  ) {
    super(
      `SAP booked sales order ${salesOrder} for order ${orderId}, but the ledger could not record it: ${
        cause instanceof Error ? cause.message : String(cause)
      }`,
      { cause },
    );
    this.name = "BookingNotRecorded";
  }
}

/**
 * SAP booked the order under a sales order number the ledger links to another storefront order.
 * One SAP system never hands a number out twice, so the worker is talking to another SAP system
 * or client than the one that booked `holder`: no retry can record it. The order is in SAP (the
 * storefront is not told it failed); the failure names both orders and the number.
 */
export class SalesOrderNumberTaken extends BookingNotRecorded {
  constructor(
    orderId: string,
    salesOrder: string,
    readonly holder: string,
  ) {
    super(
      orderId,
      salesOrder,
      new Error(
        `the ledger links sales order ${salesOrder} to order ${holder} already — SAP gave one number to two ` +
          "orders, which one SAP system does not: check which SAP system and client the worker talks to",
      ),
    );
    this.name = "SalesOrderNumberTaken";
  }
}

/**
 * How much of the lock just extended the fence counts on before the wire: half, a margin for
 * Redis applying the extension later than it was asked for (the freeze chaos test found a
 * worker frozen after its fence sending its create 15 s later, beside the one that took over).
 */
const FENCE_VALID_SHARE = 0.5;

/**
 * One order → one SAP sales order, however many runners try at once. Each run claims the
 * order in the ledger (a compare-and-set that raises the order's epoch); right before the
 * create goes out it checks that it still holds both the claim and its BullMQ lock, so a
 * worker frozen past its lock wakes up, finds another runner took over, and sends nothing.
 * `createSalesOrderOnce` looks SAP up by PurchaseOrderByCustomer whenever a create may have
 * been sent before (the claim says so), and SAP's own duplicate purchase-order check (where
 * the sales document type has it on) refuses the rare second create that slips between the
 * fence and the wire; that refusal is read as "already booked". A second sales order that
 * still gets through is caught at booking (the ledger keeps the first) or by the reconciler,
 * and cancelled.
 */
export function pushOrderToSap(deps: {
  sap: SalesOrderPort;
  ledger: PushLedger;
  storefront: StorefrontOrders;
  classify: ErrorClassifier;
  onDuplicate: DuplicateHandler;
  logger: Logger;
  /** This process, for the claim's owner. */
  workerId: string;
  /** The orders queue's lock duration: the fence extends the lock by this much. */
  lockDurationMs: number;
}) {
  return async (
    job: OrderJob,
  ): Promise<{
    salesOrder?: string;
    createdNow: boolean;
    outcome: "booked" | "closed" | "fenced-out";
    /** The ledger held the booking before this run: nothing was sent to SAP (a replay's no-op). */
    alreadyBooked?: true;
  }> => {
    const { order } = job.data;
    const attempt = job.attemptsMade + 1;
    const maxAttempts = job.opts.attempts ?? 1;

    const claim: Claim = await deps.ledger.claimSubmission(order, {
      owner: `${deps.workerId}/${job.token ?? "-"}`,
      attempt,
      enqueuedAt: new Date(job.timestamp),
    });
    if (claim.kind === "booked") {
      await deps.storefront.accepted(order.orderId, claim.salesOrder);
      return { salesOrder: claim.salesOrder, createdNow: false, outcome: "booked", alreadyBooked: true };
    }
    if (claim.kind === "closed") {
      deps.logger.info({ "order.state": claim.state }, "order is closed; nothing sent to SAP");
      return { createdNow: false, outcome: "closed" };
    }
    const fence = async () => {
      // Measured before the extension is asked for: once it lands, the lock is ours for at least
      // lockDurationMs from here, and no other worker can take the job over before it lapses.
      const lockHeldUntil = performance.now() + deps.lockDurationMs * FENCE_VALID_SHARE;
      if (job.token && (await job.extendLock(job.token, deps.lockDurationMs)) !== 1)
        throw new FencedOut(order.orderId, "its job's lock expired (another worker has taken the job over)");
      if (!(await deps.ledger.holdsClaim(order.orderId, claim.epoch)))
        throw new FencedOut(order.orderId, `claim ${claim.epoch} was superseded`);
      // Run by the transport with no await before the write: a process frozen (or starved)
      // between this fence and the wire for longer than the lock it just extended sends nothing.
      return () => {
        if (performance.now() > lockHeldUntil)
          throw new FencedOut(
            order.orderId,
            "it stalled between its fence and the wire for longer than its job's lock (another worker may have taken the job over)",
          );
      };
    };
    try {
      const { salesOrder, created, refusedAsDuplicate, messages, blocks } =
        await deps.sap.createSalesOrderOnce(
          toSalesOrderDeepInsert(order),
          // Only an order a create was already sent for can exist in SAP: look it up then (and
          // on every retry), not on the first try of every order.
          { mayExist: claim.submittedBefore || attempt > 1, beforeCreate: fence },
        );
      const booking = await deps.ledger
        .markCreated(order.orderId, salesOrder, {
          createdNow: created,
          attempt,
          epoch: claim.epoch,
          ...(refusedAsDuplicate ? { refusedAsDuplicate } : {}),
          // On the order's timeline: booked, but SAP says it will not move on its own.
          ...(messages?.length
            ? { sapMessages: messages.map(({ code, message, severity }) => ({ code, message, severity })) }
            : {}),
          ...(blocks?.length ? { blocks } : {}),
        })
        .catch((e: unknown) => {
          throw new BookingNotRecorded(order.orderId, salesOrder, e);
        });
      if (booking.kind === "number-taken")
        throw new SalesOrderNumberTaken(order.orderId, salesOrder, booking.holder);
      if (booking.kind === "conflict") {
        await deps.onDuplicate({
          orderId: order.orderId,
          booked: booking.booked,
          duplicate: salesOrder,
          how: "found at booking: the ledger already held another sales order",
        });
        await deps.storefront.accepted(order.orderId, booking.booked);
        return { salesOrder: booking.booked, createdNow: false, outcome: "booked" };
      }
      await deps.storefront.accepted(order.orderId, salesOrder);
      deps.logger.info({ "sap.sales_order": salesOrder, created, attempt }, "order booked in SAP");
      return { salesOrder, createdNow: created, outcome: "booked" };
    } catch (err) {
      if (err instanceof FencedOut) {
        // Not a failure of the order: another runner owns it now.
        deps.logger.warn({ err: err.message, attempt }, "order create fenced out");
        return { createdNow: false, outcome: "fenced-out" };
      }
      const failure: PushFailure & { retryable: boolean } =
        err instanceof SalesOrderNumberTaken
          ? {
              errorClass: "BUSINESS",
              code: "SALES_ORDER_NUMBER_TAKEN",
              message: err.message,
              retryable: false,
            }
          : err instanceof BookingNotRecorded
            ? { errorClass: "TRANSIENT", code: "BOOKING_NOT_RECORDED", message: err.message, retryable: true }
            : deps.classify(err);
      if (failure.code === "SAP_CIRCUIT_OPEN" && job.token && job.moveToDelayed) {
        // Still on the order's timeline (and in the SAP-create alert): SAP is being kept away.
        await deps.ledger.markRetrying(order.orderId, failure, attempt);
        await job.moveToDelayed(Date.now() + CIRCUIT_OPEN_WAIT_MS, job.token);
        deps.logger.info({ attempt }, "SAP's circuit is open; order waits without spending an attempt");
        throw new DelayedError();
      }
      const last = !failure.retryable || attempt >= maxAttempts;
      if (last) {
        // An order SAP holds has not failed, whatever the ledger could record: the storefront
        // is not told otherwise (the failure an operator retries books it).
        if (
          (await deps.ledger.markFailed(order, failure, attempt)) === "failed" &&
          !(err instanceof BookingNotRecorded)
        )
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
