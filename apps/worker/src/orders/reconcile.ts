import { type Db, OrderState, Prisma } from "@icp/db";
import { NOT_YET_BOOKED, type OrderSubmitted, orderSubmittedRecord, Topics } from "@icp/domain";
import { sendRecords } from "@icp/messaging";
import type { Logger, Metrics } from "@icp/observability";
import type { OrderLedger, StorefrontOrderStatus } from "@icp/orders";
import type { SapClient } from "@icp/sap-client";
import type { Admin, Producer } from "kafkajs";
import type { DuplicateHandler } from "./push-order";

/**
 * Every order state: a condition on all of them lets PostgreSQL read the (state, updated_at)
 * index as one range per state, where a condition on updated_at alone walks the whole index.
 */
const EVERY_STATE = Object.values(OrderState);

/**
 * The order reconcilers: each compares two stores that should agree and repairs what does not,
 * so a fault between two writes (a process killed, a store down for a while) never leaves an
 * order silently wrong. They run on a timer in every worker; each repair is idempotent, so two
 * workers reconciling the same order at once do no harm.
 *
 * - `reproduceUnpositioned`: the ledger is the outbox. An order the API recorded but whose Kafka
 *   position never was (the API died, or Kafka hung, between the two) is produced again from
 *   the ledger's copy. A second record of an order is harmless: everything after Kafka
 *   dedupes by order id (job id, ledger claim).
 * - `levelReadModel`: the storefront's order status is brought level with the ledger's SAP
 *   status where a read-model outage left it behind (both are versioned by SAP's change time).
 * - `findDuplicates`: SAP's sales orders changed since the last look, grouped by the storefront
 *   order they carry (PurchaseOrderByCustomer): one that is not the ledger's is a duplicate.
 * - `countStuck`: the icp_orders_stuck gauge (the OrdersStuck alert).
 */
export class OrderReconciler {
  /** SAP's clock: the newest LastChangeDateTime seen (the next look starts a little before). */
  private sapSeenUntil: Date | undefined;

  constructor(
    private readonly deps: {
      db: Db;
      ledger: Pick<OrderLedger, "recordPosition" | "noteById" | "claimStatusPolls">;
      storefront: Pick<StorefrontOrderStatus, "current" | "applySap">;
      producer: Producer;
      sap: Pick<SapClient, "salesOrders">;
      onDuplicate: DuplicateHandler;
      logger: Logger;
      metrics?: Metrics;
      /** An order before SAP older than this counts as stuck / unpositioned. */
      stuckAfterMs: number;
    },
  ) {}

  async reproduceUnpositioned(now = new Date()): Promise<string[]> {
    const links = await this.deps.db.orderLink.findMany({
      where: {
        state: "RECEIVED",
        kafkaOffset: null,
        receivedAt: { lt: new Date(now.getTime() - this.deps.stuckAfterMs) },
        payload: { not: Prisma.DbNull },
      },
      select: { id: true, storefrontOrderId: true, payload: true, traceId: true },
      orderBy: { receivedAt: "asc" },
      take: 200,
    });
    const done: string[] = [];
    for (const link of links) {
      const order = link.payload as unknown as OrderSubmitted;
      const [at] = await sendRecords(this.deps.producer, Topics.orders, [orderSubmittedRecord(order)]);
      if (!at) continue;
      await this.deps.ledger.recordPosition(link.storefrontOrderId, at);
      await this.deps.ledger.noteById(link.id, {
        kind: "RECONCILED",
        source: "reconciler",
        traceId: link.traceId,
        detail: { repair: "produced to Kafka from the ledger", partition: at.partition, offset: at.offset },
      });
      this.deps.metrics?.orderReconciliations.inc({ kind: "reproduced" });
      done.push(link.storefrontOrderId);
    }
    if (done.length)
      this.deps.logger.warn(
        { count: done.length },
        "orders without a Kafka position produced again from the ledger",
      );
    return done;
  }

  /**
   * SAP's state polled for booked orders nothing has moved for a while, oldest first: a status
   * event whose job Redis lost after Kafka's offset was committed would otherwise leave the
   * order's status behind SAP for good. The ledger claims the batch (each order to the back of
   * the sweep, none another replica is claiming), and each is applied through the status flow's
   * own path (versioned, so a poll never undoes a newer event).
   */
  async pollStaleStatuses(apply: (salesOrder: string) => Promise<unknown>, limit = 50, now = new Date()) {
    const claimed = await this.deps.ledger.claimStatusPolls(
      limit,
      new Date(now.getTime() - this.deps.stuckAfterMs),
    );
    // Claimed means moved to the back of the sweep: every one is tried, whatever the others did.
    const failed: string[] = [];
    for (const l of claimed)
      await apply(l.salesOrder).catch((err: unknown) => {
        failed.push(`${l.salesOrder}: ${err instanceof Error ? err.message : String(err)}`);
      });
    if (failed.length)
      throw new Error(`${failed.length} of ${claimed.length} status polls failed (first: ${failed[0]})`);
    return claimed.length;
  }

  /** Orders whose SAP status changed in the last `windowMs`, levelled in the read model. */
  async levelReadModel(windowMs = 2 * 3600_000, now = new Date()): Promise<string[]> {
    const links = await this.deps.db.orderLink.findMany({
      where: {
        sapStatusVersion: { not: null },
        state: { in: EVERY_STATE },
        updatedAt: { gt: new Date(now.getTime() - windowMs) },
      },
      select: {
        id: true,
        storefrontOrderId: true,
        sapSalesOrder: true,
        sapStatus: true,
        sapStatusVersion: true,
        sapStatusAt: true,
        traceId: true,
      },
      orderBy: { updatedAt: "desc" },
      take: 1_000,
    });
    if (links.length === 0) return [];
    const held = await this.deps.storefront.current(links.map((l) => l.storefrontOrderId));
    const levelled: string[] = [];
    for (const l of links) {
      const rm = held.get(l.storefrontOrderId);
      const version = Number(l.sapStatusVersion);
      if (!rm || !l.sapStatus || !l.sapSalesOrder || rm.status === l.sapStatus || rm.version >= version)
        continue;
      const outcome = await this.deps.storefront.applySap(l.storefrontOrderId, {
        status: l.sapStatus as Parameters<StorefrontOrderStatus["applySap"]>[1]["status"],
        version,
        salesOrder: l.sapSalesOrder,
        sapChangedAt: l.sapStatusAt ?? new Date(version),
      });
      if (outcome !== "applied") continue;
      await this.deps.ledger.noteById(l.id, {
        kind: "RECONCILED",
        source: "reconciler",
        traceId: l.traceId,
        detail: { repair: "read model levelled with the ledger", from: rm.status, to: l.sapStatus, version },
      });
      this.deps.metrics?.orderReconciliations.inc({ kind: "read_model_levelled" });
      levelled.push(l.storefrontOrderId);
    }
    if (levelled.length)
      this.deps.logger.warn({ count: levelled.length }, "read model orders levelled with the ledger");
    return levelled;
  }

  /** SAP's sales orders changed since the last look (SAP's clock), checked for duplicates. */
  async findDuplicates(maxOrders = 5_000): Promise<number> {
    // First look: the last hour, by SAP's clock as the ledger last saw it.
    if (!this.sapSeenUntil) {
      // The newest first, one entry of its index (an aggregate's max reads every order: Prisma
      // wraps it in a subquery that PostgreSQL cannot answer from the index).
      const newest = await this.deps.db.orderLink.findFirst({
        where: { sapStatusAt: { not: null } },
        orderBy: { sapStatusAt: "desc" },
        select: { sapStatusAt: true },
      });
      this.sapSeenUntil = new Date((newest?.sapStatusAt ?? new Date()).getTime() - 3600_000);
    }
    // Overlap the previous look: SAP commits are not instant, a change stamped a little before
    // the newest one seen may appear only now.
    const since = new Date(this.sapSeenUntil.getTime() - 5 * 60_000);
    let found = 0;
    let newest = this.sapSeenUntil;
    for (let skip = 0; skip < maxOrders; ) {
      const page = await this.deps.sap.salesOrders.listChangedSince(since, { top: 500, skip });
      const byOrder = new Map<string, string[]>();
      for (const so of page.items) {
        if (so.LastChangeDateTime && so.LastChangeDateTime > newest) newest = so.LastChangeDateTime;
        if (!so.PurchaseOrderByCustomer) continue;
        byOrder.set(so.PurchaseOrderByCustomer, [
          ...(byOrder.get(so.PurchaseOrderByCustomer) ?? []),
          so.SalesOrder,
        ]);
      }
      const links = await this.deps.db.orderLink.findMany({
        where: { storefrontOrderId: { in: [...byOrder.keys()] }, sapSalesOrder: { not: null } },
        select: { storefrontOrderId: true, sapSalesOrder: true },
      });
      for (const link of links) {
        for (const so of byOrder.get(link.storefrontOrderId) ?? []) {
          if (so === link.sapSalesOrder || !link.sapSalesOrder) continue;
          found++;
          await this.deps
            .onDuplicate({
              orderId: link.storefrontOrderId,
              booked: link.sapSalesOrder,
              duplicate: so,
              how: "the reconciler found a second sales order in SAP",
            })
            .catch((err: unknown) => this.deps.logger.error({ err }, "duplicate sales order not cancelled"));
        }
      }
      skip += page.items.length;
      if (page.items.length < 500 || skip >= page.total) break;
    }
    this.sapSeenUntil = newest;
    return found;
  }

  async countStuck(now = new Date()): Promise<Record<string, number>> {
    const before = new Date(now.getTime() - this.deps.stuckAfterMs);
    const rows = await this.deps.db.orderLink.groupBy({
      by: ["state"],
      where: {
        state: { in: [...NOT_YET_BOOKED] },
        updatedAt: { lt: before },
        OR: [{ state: { not: "RECEIVED" } }, { kafkaOffset: null }],
      },
      _count: { _all: true },
    });
    const out: Record<string, number> = { RECEIVED: 0, QUEUED: 0, SUBMITTING: 0 };
    for (const r of rows) out[r.state] = r._count._all;
    for (const [state, n] of Object.entries(out)) this.deps.metrics?.ordersStuck.set({ state }, n);
    return out;
  }
}

/**
 * Is the Kafka cluster answering? A hung broker (accepting connections, answering nothing)
 * looks alive to a TCP check, so the probe is a metadata request with a deadline.
 */
export async function probeKafka(
  admin: Admin,
  metrics: Metrics | undefined,
  timeoutMs = 5_000,
): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const ok = await Promise.race([
    admin.describeCluster().then(
      () => true,
      () => false,
    ),
    new Promise<boolean>((r) => {
      timer = setTimeout(() => r(false), timeoutMs);
    }),
  ]);
  clearTimeout(timer);
  metrics?.kafkaBrokerUp.set(ok ? 1 : 0);
  return ok;
}
