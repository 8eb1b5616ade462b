import { type Db, Prisma } from "@icp/db";
import type { OrderSubmitted } from "@icp/domain";
import type { KafkaCoordinates } from "../bridge/topic-to-queue";
import type { OrderLedger, PushFailure } from "./push-order";

/**
 * The order ledger in PostgreSQL: one OrderLink per storefront order, an OrderEvent per step
 * for the console's trace, and a FailureRecord when an order cannot be booked. Writes that
 * move state are guarded so a late writer never drags an order back (CREATED stays CREATED).
 */
export class PrismaOrderLedger implements OrderLedger {
  constructor(private readonly db: Db) {}

  /**
   * Prisma's upsert is select-then-insert: two writers racing on a new order (the bridge's
   * bookkeeping and the job itself) can both try to insert. The loser retries and updates.
   */
  private async upsertLink<T>(run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (e) {
      if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") return run();
      throw e;
    }
  }

  /** Called by the Kafka bridge once the job is in Redis. Creates the link if the API did not (replays, tests). */
  async queued(order: OrderSubmitted, at: KafkaCoordinates, jobId: string, traceId?: string): Promise<void> {
    const link = await this.upsertLink(() =>
      this.db.orderLink.upsert({
        where: { storefrontOrderId: order.orderId },
        create: {
          storefrontOrderId: order.orderId,
          customerId: order.customerId,
          currency: order.currency,
          itemCount: order.lines.length,
          state: "QUEUED",
          kafkaTopic: at.topic,
          kafkaPartition: at.partition,
          kafkaOffset: BigInt(at.offset),
          ...(traceId ? { traceId } : {}),
        },
        update: {},
      }),
    );
    await this.db.orderLink.updateMany({
      where: { id: link.id, state: "RECEIVED" },
      data: { state: "QUEUED" },
    });
    await this.event(
      link.id,
      "JOB_ENQUEUED",
      { jobId, topic: at.topic, partition: at.partition, offset: at.offset },
      traceId,
    );
  }

  async bookingOf(
    orderId: string,
  ): Promise<{ salesOrder: string | null; submittedBefore: boolean; recorded: boolean }> {
    const link = await this.db.orderLink.findUnique({
      where: { storefrontOrderId: orderId },
      select: { sapSalesOrder: true, submittedAt: true, state: true },
    });
    return {
      salesOrder: link?.sapSalesOrder ?? null,
      submittedBefore: Boolean(link?.submittedAt),
      // SAP's status event can learn the sales order (by PurchaseOrderByCustomer) before the
      // job that created it records the booking, e.g. when that job's worker died mid-create.
      recorded: link ? !["RECEIVED", "QUEUED", "SUBMITTING", "FAILED"].includes(link.state) : false,
    };
  }

  async markSubmitting(order: OrderSubmitted, attempt: number): Promise<void> {
    // Upsert: a replayed or re-driven order may reach the job before any bookkeeping did.
    const link = await this.upsertLink(() =>
      this.db.orderLink.upsert({
        where: { storefrontOrderId: order.orderId },
        create: {
          storefrontOrderId: order.orderId,
          customerId: order.customerId,
          currency: order.currency,
          itemCount: order.lines.length,
          attempts: attempt,
          submittedAt: new Date(),
        },
        update: { attempts: attempt, submittedAt: new Date() },
        select: { id: true, state: true },
      }),
    );
    await this.db.orderLink.updateMany({
      where: { id: link.id, state: { in: ["RECEIVED", "QUEUED", "FAILED"] } },
      data: { state: "SUBMITTING" },
    });
    await this.event(link.id, "JOB_ATTEMPT", { attempt });
  }

  async markCreated(
    orderId: string,
    salesOrder: string,
    detail: { createdNow: boolean; attempt: number },
  ): Promise<void> {
    await this.db.$transaction(async (tx) => {
      const link = await tx.orderLink.update({
        where: { storefrontOrderId: orderId },
        data: { sapSalesOrder: salesOrder, sapCreatedAt: new Date(), lastError: null },
        select: { id: true },
      });
      await tx.orderLink.updateMany({
        where: { id: link.id, state: { in: ["RECEIVED", "QUEUED", "SUBMITTING", "FAILED"] } },
        data: { state: "CREATED" },
      });
      await tx.orderEvent.create({
        data: {
          orderLinkId: link.id,
          kind: "SAP_CREATED",
          source: "worker",
          detail: { salesOrder, ...detail },
        },
      });
      // A booked order resolves any open failure for it (e.g. after an operator's retry).
      await tx.failureRecord.updateMany({
        where: { orderLinkId: link.id, flow: "ORDERS", state: { in: ["OPEN", "RETRYING"] } },
        data: { state: "RESOLVED", resolvedAt: new Date(), resolvedBy: "worker" },
      });
    });
  }

  async markRetrying(orderId: string, failure: PushFailure, attempt: number): Promise<void> {
    const link = await this.db.orderLink.update({
      where: { storefrontOrderId: orderId },
      data: { lastError: failure.message },
      select: { id: true },
    });
    await this.event(link.id, "SAP_ERROR", { attempt, ...failure, willRetry: true });
  }

  async markFailed(order: OrderSubmitted, failure: PushFailure, attempts: number): Promise<void> {
    await this.db.$transaction(async (tx) => {
      const link = await tx.orderLink.update({
        where: { storefrontOrderId: order.orderId },
        data: { lastError: failure.message, attempts },
        select: { id: true },
      });
      await tx.orderLink.updateMany({
        where: { id: link.id, state: { in: ["RECEIVED", "QUEUED", "SUBMITTING"] } },
        data: { state: "FAILED" },
      });
      await tx.orderEvent.create({
        data: {
          orderLinkId: link.id,
          kind: "SAP_ERROR",
          source: "worker",
          detail: { attempt: attempts, ...failure, willRetry: false },
        },
      });
      // One open failure per order: a second final failure updates it rather than piling up.
      const open = await tx.failureRecord.findFirst({
        where: { orderLinkId: link.id, flow: "ORDERS", state: { in: ["OPEN", "RETRYING"] } },
      });
      const data = {
        errorClass: failure.errorClass,
        message: failure.message,
        sapErrorCode: failure.sapErrorCode ?? null,
        attempts,
        lastAttemptAt: new Date(),
        state: "OPEN" as const,
      };
      if (open) {
        await tx.failureRecord.update({
          where: { id: open.id },
          data: { ...data, attempts: open.attempts + attempts },
        });
      } else {
        await tx.failureRecord.create({
          data: {
            ...data,
            flow: "ORDERS",
            entityKey: order.orderId,
            orderLinkId: link.id,
            jobId: order.orderId,
            payload: order as unknown as Prisma.InputJsonValue,
          },
        });
        await tx.orderEvent.create({
          data: {
            orderLinkId: link.id,
            kind: "FAILURE_RECORDED",
            source: "worker",
            detail: { errorClass: failure.errorClass, code: failure.code },
          },
        });
      }
    });
  }

  private async event(
    orderLinkId: string,
    kind: Prisma.OrderEventCreateManyInput["kind"],
    detail: Record<string, unknown>,
    traceId?: string,
  ) {
    await this.db.orderEvent.create({
      data: {
        orderLinkId,
        kind,
        source: "worker",
        detail: detail as Prisma.InputJsonValue,
        ...(traceId ? { traceId } : {}),
      },
    });
  }
}
