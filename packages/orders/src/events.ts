import type { Db, Prisma } from "@icp/db";
import { currentLogContext } from "@icp/observability";

/** A Prisma client or the transaction client a caller is inside. */
export type DbTx = Db | Prisma.TransactionClient;

export type OrderEventKind = Prisma.OrderEventCreateManyInput["kind"];

/** Which process wrote an event: the timeline shows it. */
export type EventSource = "api" | "worker" | "console" | "sap-event" | "reconciler";

export interface TimelineEvent {
  kind: OrderEventKind;
  detail: Record<string, unknown>;
  source: EventSource;
  /** Defaults to the trace of the work in progress (the log context), else the order's own. */
  traceId?: string | null | undefined;
  /**
   * When it happened, if not now: a JOB_ENQUEUED event is stamped with the job's own creation
   * time, which a worker's first attempt can never precede.
   */
  at?: Date;
}

/**
 * One timeline entry on an order. Every event carries a trace id: the one of the work that
 * caused it (the job's or request's log context), or, for work with no trace of its own,
 * the order's trace from its storefront request.
 */
export async function appendEvent(db: DbTx, orderLinkId: string, e: TimelineEvent): Promise<void> {
  let traceId = e.traceId ?? currentLogContext().traceId ?? null;
  if (!traceId) {
    const link = await db.orderLink.findUnique({ where: { id: orderLinkId }, select: { traceId: true } });
    traceId = link?.traceId ?? null;
  }
  await db.orderEvent.create({
    data: {
      orderLinkId,
      kind: e.kind,
      source: e.source,
      detail: e.detail as Prisma.InputJsonValue,
      ...(traceId ? { traceId } : {}),
      ...(e.at ? { at: e.at } : {}),
    },
  });
}

/** A time not before `notBefore` (+1 ms): an effect is never shown before its cause. */
export function notBefore(notBefore: Date | number | undefined, now = new Date()): Date {
  if (notBefore === undefined) return now;
  const floor = typeof notBefore === "number" ? notBefore : notBefore.getTime();
  return now.getTime() > floor ? now : new Date(floor + 1);
}

/**
 * The timeline entries an SAP outage is made of: a failed SAP call that is SAP's or the line's
 * fault (5xx, timeout, breaker open), as a Prisma `orderEvent` filter. A business refusal
 * (unknown customer, V1/302) is the order's problem, not SAP's. The console's SAP card, the
 * worker's sampler and the alert evaluator all count these.
 */
export const TECHNICAL_SAP_ERROR = {
  kind: "SAP_ERROR",
  detail: { path: ["errorClass"], equals: "TRANSIENT" },
} as const;
