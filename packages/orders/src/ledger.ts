import { type Db, type Prisma, uuidv7 } from "@icp/db";
import {
  FAILURE_MOVES,
  LEDGER_MOVES,
  type LedgerState,
  type OrderSubmitted,
  UNSETTLED_FAILURE,
} from "@icp/domain";
import { appendEvent, type DbTx, notBefore, type TimelineEvent } from "./events";
import { inTransaction } from "./tx";

/** Where the Kafka bridge found the order. */
export interface KafkaCoordinates {
  topic: string;
  partition: number;
  offset: string;
}

/** Failure as the ledger and the console see it. */
export interface PushFailure {
  errorClass: "BUSINESS" | "TRANSIENT";
  code: string;
  sapErrorCode?: string;
  message: string;
}

/** What claiming an order to send its create found. */
export type Claim =
  /** This runner may send; `epoch` fences it (see `holdsClaim`). */
  | { kind: "claimed"; epoch: number; submittedBefore: boolean }
  /** SAP has it already (booked by an earlier run, or learnt from SAP's own status event). */
  | { kind: "booked"; salesOrder: string }
  /** The order is past sending: cancelled or discarded by an operator. */
  | { kind: "closed"; state: LedgerState };

export type Booking =
  | { kind: "booked" }
  /** The ledger holds another SAP sales order for this storefront order: a duplicate. */
  | { kind: "conflict"; booked: string }
  /**
   * SAP's number is the ledger's already, for another storefront order: SAP handed one number
   * out twice, which one SAP system does not (the worker talks to another SAP system or client
   * than the one that booked `holder`). Nothing is recorded; waiting will not change it.
   */
  | { kind: "number-taken"; holder: string };

/** The states a move to `to` may start from, as an SQL array literal's elements. */
const from = (to: LedgerState) => LEDGER_MOVES[to] as LedgerState[];

const orderJson = (order: OrderSubmitted) => order as unknown as Prisma.InputJsonValue;

/**
 * The order ledger (PostgreSQL `order_link`, `order_event` and the order's failure records):
 * the one module that writes them, for every process. State moves follow the table in
 * @icp/domain's order-lifecycle; each is a guarded (compare-and-set) update, so a late writer
 * never drags an order back.
 */
export class OrderLedger {
  constructor(private readonly db: Db) {}

  /** The link's row id, creating the link from the order itself if nothing recorded it yet. */
  private async ensureLink(order: OrderSubmitted, extra: Partial<Prisma.OrderLinkCreateInput> = {}) {
    const found = await this.db.orderLink.findUnique({
      where: { storefrontOrderId: order.orderId },
      select: { id: true, payload: true },
    });
    if (found) {
      if (found.payload === null)
        await this.db.orderLink.update({ where: { id: found.id }, data: { payload: orderJson(order) } });
      return found.id;
    }
    // A replayed or re-driven order may reach the worker before (or without) the API's row.
    const [row] = await this.db.$queryRaw<{ id: string }[]>`
      INSERT INTO order_link (id, storefront_order_id, customer_id, currency, item_count, payload, updated_at)
      VALUES (${uuidv7()}::uuid, ${order.orderId}, ${order.customerId}, ${order.currency},
              ${order.lines.length}, ${JSON.stringify(order)}::jsonb, now())
      ON CONFLICT (storefront_order_id) DO UPDATE SET payload = COALESCE(order_link.payload, EXCLUDED.payload)
      RETURNING id::text`;
    if (!row) throw new Error(`order ${order.orderId}: ledger row could not be created`);
    if (Object.keys(extra).length) await this.db.orderLink.update({ where: { id: row.id }, data: extra });
    return row.id;
  }

  private event(
    db: DbTx,
    linkId: string,
    e: Omit<TimelineEvent, "source"> & { source?: TimelineEvent["source"] },
  ) {
    return appendEvent(db, linkId, { source: "worker", ...e });
  }

  /**
   * The Kafka bridge put the order's job in Redis. The JOB_ENQUEUED event is stamped with the
   * job's creation time, which the job's first attempt cannot precede.
   */
  async queued(
    order: OrderSubmitted,
    at: KafkaCoordinates,
    job: { id: string; createdAt: Date },
    traceId?: string,
  ): Promise<void> {
    const id = await this.ensureLink(order);
    await this.db.orderLink.updateMany({
      where: { id, kafkaOffset: null },
      data: { kafkaTopic: at.topic, kafkaPartition: at.partition, kafkaOffset: BigInt(at.offset) },
    });
    await this.db.orderLink.updateMany({
      where: { id, state: { in: from("QUEUED") } },
      data: { state: "QUEUED" },
    });
    // An order that reached Kafka without the storefront API (no trace of its own) takes the
    // trace its job runs in.
    if (traceId) await this.db.orderLink.updateMany({ where: { id, traceId: null }, data: { traceId } });
    await this.event(this.db, id, {
      kind: "JOB_ENQUEUED",
      detail: { jobId: job.id, topic: at.topic, partition: at.partition, offset: at.offset },
      traceId,
      at: job.createdAt,
    });
  }

  /** Where Kafka put the order, if no position is recorded yet (the outbox re-produce). */
  async recordPosition(orderId: string, at: KafkaCoordinates): Promise<boolean> {
    const set = await this.db.orderLink.updateMany({
      where: { storefrontOrderId: orderId, kafkaOffset: null },
      data: { kafkaTopic: at.topic, kafkaPartition: at.partition, kafkaOffset: BigInt(at.offset) },
    });
    return set.count === 1;
  }

  /**
   * Claim the order to send its create to SAP: one compare-and-set that raises the fence's
   * epoch and names the owner. Any number of runners may claim one after another (a retry, a
   * stalled job taken over, an operator's retry); only the latest claim may send.
   */
  async claimSubmission(
    order: OrderSubmitted,
    runner: { owner: string; attempt: number; enqueuedAt?: Date },
  ): Promise<Claim> {
    const id = await this.ensureLink(order);
    const rows = await this.db.$queryRaw<{ epoch: number; submittedBefore: boolean }[]>`
      WITH old AS (SELECT id, submitted_at FROM order_link WHERE id = ${id}::uuid FOR UPDATE)
      UPDATE order_link l
      SET state = 'SUBMITTING', submit_epoch = l.submit_epoch + 1, submit_owner = ${runner.owner},
          submitted_at = now(), attempts = ${runner.attempt}, updated_at = now()
      FROM old
      WHERE l.id = old.id AND l.sap_sales_order IS NULL
        AND l.state::text = ANY(${from("SUBMITTING")})
      RETURNING l.submit_epoch AS epoch, old.submitted_at IS NOT NULL AS "submittedBefore"`;
    const claimed = rows[0];
    if (!claimed) {
      const link = await this.db.orderLink.findUniqueOrThrow({
        where: { id },
        select: { state: true, sapSalesOrder: true },
      });
      if (link.sapSalesOrder) return { kind: "booked", salesOrder: link.sapSalesOrder };
      return { kind: "closed", state: link.state };
    }
    await this.event(this.db, id, {
      kind: "JOB_ATTEMPT",
      detail: { attempt: runner.attempt, epoch: claimed.epoch, owner: runner.owner },
      at: notBefore(runner.enqueuedAt),
    });
    return { kind: "claimed", epoch: claimed.epoch, submittedBefore: claimed.submittedBefore };
  }

  /** Whether the claim `epoch` is still the order's latest and nothing is booked yet. */
  async holdsClaim(orderId: string, epoch: number): Promise<boolean> {
    const link = await this.db.orderLink.findUnique({
      where: { storefrontOrderId: orderId },
      select: { submitEpoch: true, sapSalesOrder: true },
    });
    return link !== null && link.submitEpoch === epoch && link.sapSalesOrder === null;
  }

  /**
   * SAP booked the order. The sales order number is set only if the ledger holds none or the
   * same: a different one already recorded means SAP now has two orders for one storefront
   * order, and the caller must resolve the duplicate (the ledger's number stays the order's).
   */
  async markCreated(
    orderId: string,
    salesOrder: string,
    detail: {
      createdNow: boolean;
      attempt: number;
      epoch?: number;
      refusedAsDuplicate?: boolean;
      sapMessages?: { code: string; message: string; severity: string }[];
      blocks?: string[];
    },
  ): Promise<Booking> {
    return inTransaction(this.db, async (tx) => {
      const link = await tx.orderLink.findUniqueOrThrow({
        where: { storefrontOrderId: orderId },
        select: { id: true, sapSalesOrder: true },
      });
      if (link.sapSalesOrder && link.sapSalesOrder !== salesOrder)
        return { kind: "conflict", booked: link.sapSalesOrder } as const;
      if (!link.sapSalesOrder) {
        // Asked first: the unique index's refusal would abort the transaction with a message
        // that names a constraint, where ops need the order that holds the number.
        const holder = await tx.orderLink.findUnique({
          where: { sapSalesOrder: salesOrder },
          select: { storefrontOrderId: true },
        });
        if (holder) return { kind: "number-taken", holder: holder.storefrontOrderId } as const;
      }
      const set = await tx.orderLink.updateMany({
        where: { id: link.id, OR: [{ sapSalesOrder: null }, { sapSalesOrder: salesOrder }] },
        data: { sapSalesOrder: salesOrder, sapCreatedAt: new Date(), lastError: null },
      });
      if (set.count !== 1) {
        const now = await tx.orderLink.findUniqueOrThrow({
          where: { id: link.id },
          select: { sapSalesOrder: true },
        });
        return { kind: "conflict", booked: now.sapSalesOrder ?? "" } as const;
      }
      await tx.orderLink.updateMany({
        where: { id: link.id, state: { in: from("CREATED") } },
        data: { state: "CREATED" },
      });
      if (!link.sapSalesOrder)
        await this.event(tx, link.id, { kind: "SAP_CREATED", detail: { salesOrder, ...detail } });
      // A booked order resolves any open failure for it (e.g. after an operator's retry).
      await tx.failureRecord.updateMany({
        where: {
          orderLinkId: link.id,
          flow: "ORDERS",
          jobId: orderId,
          state: { in: [...FAILURE_MOVES.RESOLVED] },
        },
        data: { state: "RESOLVED", resolvedAt: new Date(), resolvedBy: "worker" },
      });
      return { kind: "booked" } as const;
    });
  }

  async markRetrying(orderId: string, failure: PushFailure, attempt: number): Promise<void> {
    const link = await this.db.orderLink.update({
      where: { storefrontOrderId: orderId },
      data: { lastError: failure.message },
      select: { id: true },
    });
    await this.event(this.db, link.id, {
      kind: "SAP_ERROR",
      detail: { attempt, ...failure, willRetry: true },
    });
  }

  /**
   * The create failed for good: one OPEN failure per order (a second final failure updates it
   * rather than piling up), the ledger FAILED — unless the order got booked meanwhile, in which
   * case there is nothing for an operator to do.
   */
  async markFailed(
    order: OrderSubmitted,
    failure: PushFailure,
    attempts: number,
  ): Promise<"failed" | "booked"> {
    return inTransaction(this.db, async (tx) => {
      const link = await tx.orderLink.update({
        where: { storefrontOrderId: order.orderId },
        data: { lastError: failure.message, attempts },
        select: { id: true, sapSalesOrder: true },
      });
      if (link.sapSalesOrder) return "booked" as const;
      await tx.orderLink.updateMany({
        where: { id: link.id, state: { in: from("FAILED") } },
        data: { state: "FAILED" },
      });
      await this.event(tx, link.id, {
        kind: "SAP_ERROR",
        detail: { attempt: attempts, ...failure, willRetry: false },
      });
      await this.openFailure(tx, link.id, {
        flow: "ORDERS",
        entityKey: order.orderId,
        jobId: order.orderId,
        payload: order,
        errorClass: failure.errorClass,
        message: failure.message,
        sapErrorCode: failure.sapErrorCode ?? null,
        attempts,
        code: failure.code,
      });
      return "failed" as const;
    });
  }

  /**
   * One OPEN failure per order and flow: a later final failure updates the open one (its
   * attempts are the job's, not added up), or opens a new one with a FAILURE_RECORDED event.
   */
  async openFailure(
    tx: DbTx,
    orderLinkId: string,
    f: {
      flow: "ORDERS" | "ORDER_STATUS";
      entityKey: string;
      jobId: string;
      payload: unknown;
      errorClass: "BUSINESS" | "TRANSIENT";
      message: string;
      sapErrorCode: string | null;
      attempts: number;
      code: string;
    },
  ): Promise<void> {
    // One failure per failing job: a create's and a cancellation's are two things to act on.
    const open = await tx.failureRecord.findFirst({
      where: { orderLinkId, flow: f.flow, jobId: f.jobId, state: { in: [...UNSETTLED_FAILURE] } },
    });
    const data = {
      errorClass: f.errorClass,
      message: f.message,
      sapErrorCode: f.sapErrorCode,
      attempts: f.attempts,
      lastAttemptAt: new Date(),
      state: "OPEN" as const,
    };
    if (open) {
      await tx.failureRecord.update({ where: { id: open.id }, data });
      return;
    }
    await tx.failureRecord.create({
      data: {
        ...data,
        flow: f.flow,
        entityKey: f.entityKey,
        orderLinkId,
        jobId: f.jobId,
        payload: f.payload as Prisma.InputJsonValue,
      },
    });
    await this.event(tx, orderLinkId, {
      kind: "FAILURE_RECORDED",
      detail: { flow: f.flow, errorClass: f.errorClass, code: f.code },
    });
  }

  /**
   * A cancellation ended failed (SAP refused it, or its retries ran out): one
   * failure on the order's timeline, retryable from the console (its payload is the job's).
   */
  async changeFailed(
    orderId: string,
    f: {
      /** The only change made to a booked order (order modification is not supported). */
      change: "cancel";
      failure: PushFailure;
      attempts: number;
      jobId: string;
      payload: unknown;
    },
  ): Promise<void> {
    const link = await this.db.orderLink.findUnique({
      where: { storefrontOrderId: orderId },
      select: { id: true },
    });
    if (!link) return;
    await inTransaction(this.db, async (tx) => {
      await this.event(tx, link.id, {
        kind: "SAP_ERROR",
        detail: { change: f.change, attempt: f.attempts, ...f.failure, willRetry: false },
      });
      await this.openFailure(tx, link.id, {
        flow: "ORDERS",
        entityKey: orderId,
        jobId: f.jobId,
        payload: f.payload,
        errorClass: f.failure.errorClass,
        message: `cancellation refused: ${f.failure.message}`,
        sapErrorCode: f.failure.sapErrorCode ?? null,
        attempts: f.attempts,
        code: f.failure.code,
      });
    });
  }

  /**
   * A status job ended failed: the storefront is behind SAP for this order. One OPEN failure on
   * the order's timeline (or, for a sales order that is not ours, one without an order).
   */
  async statusJobFailed(f: {
    salesOrder: string;
    jobId: string;
    payload: unknown;
    message: string;
    attempts: number;
  }): Promise<void> {
    const link = await this.db.orderLink.findUnique({
      where: { sapSalesOrder: f.salesOrder },
      select: { id: true },
    });
    const failure = {
      flow: "ORDER_STATUS" as const,
      entityKey: f.salesOrder,
      jobId: f.jobId,
      payload: f.payload,
      errorClass: "TRANSIENT" as const,
      message: `status of sales order ${f.salesOrder} not applied: ${f.message}`,
      sapErrorCode: null,
      attempts: f.attempts,
      code: "STATUS_NOT_APPLIED",
    };
    if (link) {
      await inTransaction(this.db, (tx) => this.openFailure(tx, link.id, failure));
      return;
    }
    await jobFailed(this.db, failure);
  }

  /** The order's link, by storefront order id or SAP sales order. */
  find(by: { orderId: string } | { salesOrder: string }) {
    return this.db.orderLink.findUnique({
      where: "orderId" in by ? { storefrontOrderId: by.orderId } : { sapSalesOrder: by.salesOrder },
    });
  }

  /** A move of the ledger's state, if the table allows it from the current state, with its event. */
  async move(
    orderId: string,
    to: LedgerState,
    event: Omit<TimelineEvent, "kind" | "source"> & { source?: TimelineEvent["source"] },
    extra: Prisma.OrderLinkUpdateManyMutationInput = {},
  ): Promise<boolean> {
    return inTransaction(this.db, async (tx) => {
      const link = await tx.orderLink.findUnique({
        where: { storefrontOrderId: orderId },
        select: { id: true },
      });
      if (!link) return false;
      const moved = await tx.orderLink.updateMany({
        where: { id: link.id, state: { in: from(to) } },
        data: { state: to, ...extra },
      });
      if (moved.count === 1)
        await this.event(tx, link.id, { kind: "STATE_CHANGED", ...event, detail: { to, ...event.detail } });
      return moved.count === 1;
    });
  }

  /** A timeline entry that moves nothing (a modification made, a lookup, a note). */
  async note(orderId: string, e: Omit<TimelineEvent, "source"> & { source?: TimelineEvent["source"] }) {
    const link = await this.db.orderLink.findUnique({
      where: { storefrontOrderId: orderId },
      select: { id: true },
    });
    if (link) await this.event(this.db, link.id, e);
  }

  /**
   * SAP's current state of the order, versioned by SAP's change time: applied to the ledger
   * only if newer than what it holds. Returns whether the ledger took it.
   */
  async applySapStatus(
    linkId: string,
    s: { status: string; version: number; sapChangedAt: Date; salesOrder: string },
  ): Promise<boolean> {
    const guarded = await this.db.orderLink.updateMany({
      where: {
        id: linkId,
        AND: [
          { OR: [{ sapSalesOrder: null }, { sapSalesOrder: s.salesOrder }] },
          { OR: [{ sapStatusVersion: null }, { sapStatusVersion: { lt: BigInt(s.version) } }] },
        ],
      },
      data: {
        sapStatus: s.status,
        sapStatusVersion: BigInt(s.version),
        sapStatusAt: s.sapChangedAt,
        sapSalesOrder: s.salesOrder,
      },
    });
    if (guarded.count === 1) {
      // SAP learnt of the order before our create's answer was recorded: it is booked.
      await this.db.orderLink.updateMany({
        where: { id: linkId, state: { in: from("CREATED") } },
        data: { state: "CREATED", sapCreatedAt: new Date() },
      });
      if (s.status === "CANCELLED")
        await this.db.orderLink.updateMany({
          where: { id: linkId, state: { in: from("CANCELLED") } },
          data: { state: "CANCELLED", cancelledAt: new Date() },
        });
    }
    return guarded.count === 1;
  }

  /**
   * Booked orders whose SAP status nothing has moved since `unmovedSince`, oldest first, claimed
   * for one status poll: each goes to the back of the sweep in the same statement, and rows
   * another worker is claiming are skipped (SKIP LOCKED). So replicas whose sweeps overlap poll
   * different orders, where each used to read the same oldest ones from SAP. The predicate is
   * the partial index order_link_status_unsettled_idx's (migration 20261209100000): change both
   * together. An order whose poll then fails waits for the next sweep to come round to it.
   */
  async claimStatusPolls(limit: number, unmovedSince: Date): Promise<{ id: string; salesOrder: string }[]> {
    return this.db.$queryRaw<{ id: string; salesOrder: string }[]>`
      UPDATE order_link SET updated_at = now()
      WHERE id IN (
        SELECT id FROM order_link
        WHERE state = 'CREATED' AND sap_sales_order IS NOT NULL
          AND (sap_status IS NULL OR sap_status NOT IN ('BILLED', 'CANCELLED'))
          AND updated_at < ${unmovedSince}
        ORDER BY updated_at
        LIMIT ${limit}
        FOR UPDATE SKIP LOCKED)
      RETURNING id::text, sap_sales_order AS "salesOrder"`;
  }

  /**
   * A replay run sent the order's message again: the timeline says which run and what the
   * processor did with it ("no-op" for an order already booked). The order is found by its
   * storefront id or its SAP sales order (a replayed status event); returns its storefront order
   * id, or null when the message concerned no order of ours.
   */
  async replayed(
    by: { orderId: string } | { salesOrder: string },
    r: { runId: string; outcome: string; topic: string; partition: number; offset: string; detail?: string },
  ): Promise<string | null> {
    const link = await this.find(by);
    if (!link) return null;
    await this.event(this.db, link.id, {
      kind: "REPLAYED",
      detail: {
        runId: r.runId,
        outcome: r.outcome,
        topic: r.topic,
        partition: r.partition,
        offset: r.offset,
        ...(r.detail ? { why: r.detail } : {}),
      },
    });
    return link.storefrontOrderId;
  }

  /** Timeline entry for an order by its row id (status events, webhooks). */
  async noteById(linkId: string, e: Omit<TimelineEvent, "source"> & { source?: TimelineEvent["source"] }) {
    await this.event(this.db, linkId, e);
  }
}

/**
 * An operator acted on one of the order's failures (console), inside the caller's transaction
 * with its failure update and audit row. A discard closes the order: FAILED → DISCARDED, so a
 * job retried later from anywhere (the queue screen, a replay) finds it closed and sends
 * nothing to SAP.
 */
export async function recordOperatorAction(
  tx: DbTx,
  orderLinkId: string,
  action: { action: string; failureId: string; by: string | null; reason?: string | null; outcome?: string },
): Promise<void> {
  if (action.action === "failure.discard") {
    const moved = await tx.orderLink.updateMany({
      where: { id: orderLinkId, state: { in: from("DISCARDED") } },
      data: { state: "DISCARDED" },
    });
    if (moved.count === 1)
      await appendEvent(tx, orderLinkId, {
        kind: "STATE_CHANGED",
        source: "console",
        detail: { to: "DISCARDED", reason: action.reason ?? null, by: action.by },
      });
  }
  await appendEvent(tx, orderLinkId, { kind: "OPERATOR_ACTION", source: "console", detail: action });
}

/**
 * A job that concerns no order ended failed (a stock level, a status of a sales order that is
 * not ours, a product image a resync could not copy from SAP): one unsettled failure per flow
 * and business key, its attempts the job's. An order's failures go through
 * `OrderLedger.openFailure`, onto its timeline.
 */
export async function jobFailed(
  db: DbTx,
  f: {
    flow: "ORDER_STATUS" | "INVENTORY" | "MASTER_DATA";
    entityKey: string;
    jobId: string;
    payload: unknown;
    errorClass: "BUSINESS" | "TRANSIENT";
    message: string;
    attempts: number;
  },
): Promise<void> {
  const data = {
    errorClass: f.errorClass,
    message: f.message,
    attempts: f.attempts,
    lastAttemptAt: new Date(),
  };
  const reopened = await db.failureRecord.updateMany({
    where: { flow: f.flow, entityKey: f.entityKey, state: { in: [...UNSETTLED_FAILURE] } },
    data: { ...data, state: "OPEN" },
  });
  if (reopened.count > 0) return;
  await db.failureRecord.create({
    data: {
      ...data,
      flow: f.flow,
      entityKey: f.entityKey,
      jobId: f.jobId,
      payload: f.payload as Prisma.InputJsonValue,
    },
  });
}

/**
 * The work a `jobFailed` failure stood for has now succeeded (a product image copied at the
 * next resync): its unsettled failure, if any, is resolved by the system. Returns how many.
 */
export async function jobRecovered(
  db: DbTx,
  f: { flow: "MASTER_DATA"; entityKey: string; by: string },
): Promise<number> {
  const now = new Date();
  const { count } = await db.failureRecord.updateMany({
    where: { flow: f.flow, entityKey: f.entityKey, state: { in: [...FAILURE_MOVES.RESOLVED] } },
    data: { state: "RESOLVED", resolvedAt: now, resolvedBy: f.by, lastAttemptAt: now },
  });
  return count;
}
