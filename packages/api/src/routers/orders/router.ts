import { Queues } from "@icp/domain";
import { z } from "zod";
import { procedureFor, router } from "../../trpc";
import { listOrders, orderListInput } from "./search";

/** A replay's entry on the timeline: which run, and what the processor did ("no-op" for a booked order). */
function replayedTitle(detail: unknown): string {
  const d = (detail ?? {}) as { runId?: unknown; outcome?: unknown };
  return `REPLAYED by run ${String(d.runId ?? "?").slice(0, 8)}: ${String(d.outcome ?? "?")}`;
}

export const ordersRouter = router({
  /**
   * Orders, newest first, paged; with `q` only those matching it as a business key (order id,
   * SAP document, customer, SKU, purchase order — see ./search.ts), each branch indexed.
   */
  list: procedureFor("console.read")
    .input(orderListInput)
    .query(({ ctx, input }) => listOrders(ctx.services.db, input)),
  /** One order end to end: timeline of order events, webhook deliveries and audit entries, plus its job. */
  trace: procedureFor("console.read")
    .input(z.object({ storefrontOrderId: z.string().trim().min(1).max(200) }))
    .query(async ({ ctx, input }) => {
      const db = ctx.services.db;
      const link = await db.orderLink.findUnique({ where: { storefrontOrderId: input.storefrontOrderId } });
      if (!link) return null;
      const [events, deliveries, failures] = await Promise.all([
        db.orderEvent.findMany({ where: { orderLinkId: link.id }, orderBy: { at: "asc" }, take: 1_000 }),
        db.webhookDelivery.findMany({
          where: { orderLinkId: link.id },
          orderBy: { createdAt: "asc" },
          include: { endpoint: { select: { name: true, url: true } } },
        }),
        db.failureRecord.findMany({ where: { orderLinkId: link.id }, orderBy: { createdAt: "asc" } }),
      ]);
      const audit = await db.auditLog.findMany({
        where: {
          OR: [
            { targetType: "order", targetId: link.storefrontOrderId },
            ...(failures.length
              ? [{ targetType: "failure", targetId: { in: failures.map((f) => f.id) } }]
              : []),
          ],
        },
        orderBy: { at: "asc" },
      });
      const job = await ctx.services.queues.job(Queues.orders, link.storefrontOrderId).catch(() => null);
      /** `auditId`: an audit entry's own page (/audit/<id>), for the timeline's link. */
      type Entry = {
        at: Date;
        kind: string;
        source: string;
        title: string;
        detail: unknown;
        auditId?: string;
      };
      const timeline: Entry[] = [
        ...events.map((e) => ({
          at: e.at,
          kind: e.kind,
          source: e.source ?? "",
          title: e.kind === "REPLAYED" ? replayedTitle(e.detail) : e.kind,
          detail: e.detail,
        })),
        ...deliveries.map((d) => ({
          at: d.deliveredAt ?? d.updatedAt,
          kind: "WEBHOOK_DELIVERY",
          source: "worker",
          title: `${d.eventType} → ${d.endpoint.name}: ${d.status}${d.responseCode ? ` (${d.responseCode})` : ""}`,
          detail: { attempts: d.attempts, lastError: d.lastError, url: d.endpoint.url },
        })),
        ...audit.map((a) => ({
          at: a.at,
          kind: "AUDIT",
          source: a.actorEmail ?? a.actorId,
          title: `${a.action}${a.reason ? `: ${a.reason}` : ""}`,
          detail: { before: a.before, after: a.after, requestId: a.requestId },
          auditId: a.id,
        })),
      ].sort((a, b) => a.at.getTime() - b.at.getTime());
      return { link, timeline, failures, job };
    }),
});
