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

/** SAP create outcomes over a window: technical errors and bookings, from the ledger's events. */
export interface SapCreateOutcomes {
  errors: number;
  successes: number;
  /** The window they were counted over (60, or 15 when the last 15 s are worse). */
  windowSeconds: number;
}

/** Errors the short window needs before it may speak for the whole minute. */
const SHORT_WINDOW_MIN_ERRORS = 3;

/**
 * How SAP order creates are going, as the SAP-create alert and the console's SAP card measure
 * it: the share of technical errors over the last minute — or over the last 15 s when that is
 * worse and holds at least 3 errors. A minute that began with many bookings would otherwise
 * hide an outage that started 20 s ago for half a minute (the bookings outnumber the errors);
 * the short window sees it within seconds, and its floor keeps one stray error from speaking
 * for a quiet shop.
 */
export async function sapCreateOutcomes(
  db: Pick<Db, "orderEvent">,
  now = new Date(),
): Promise<SapCreateOutcomes> {
  const since = (ms: number) => ({ gte: new Date(now.getTime() - ms) });
  const [errors60, successes60, errors15, successes15] = await Promise.all([
    db.orderEvent.count({ where: { ...TECHNICAL_SAP_ERROR, at: since(60_000) } }),
    db.orderEvent.count({ where: { kind: "SAP_CREATED", at: since(60_000) } }),
    db.orderEvent.count({ where: { ...TECHNICAL_SAP_ERROR, at: since(15_000) } }),
    db.orderEvent.count({ where: { kind: "SAP_CREATED", at: since(15_000) } }),
  ]);
  const share = (e: number, s: number) => (e + s === 0 ? 0 : e / (e + s));
  return errors15 >= SHORT_WINDOW_MIN_ERRORS && share(errors15, successes15) > share(errors60, successes60)
    ? { errors: errors15, successes: successes15, windowSeconds: 15 }
    : { errors: errors60, successes: successes60, windowSeconds: 60 };
}
