import type { Db } from "@icp/db";
import { procedureFor, router } from "../../trpc";
import { activeAlerts, readThresholds, sapStatus } from "./alerts";
import { drainHistory, latestDrains } from "./drain";
import { errorRate, type FlowWindow, flowHealth } from "./health";
import { historyWindow, lagHistory } from "./history";

const FLOWS = [
  { id: "orders", label: "Orders → SAP" },
  { id: "status", label: "Order status → storefront" },
  { id: "inventory", label: "Inventory → storefront" },
  { id: "masterData", label: "Master data" },
] as const;

async function flowWindow(db: Db, flow: (typeof FLOWS)[number]["id"], since: Date): Promise<FlowWindow> {
  const gte = { gte: since };
  switch (flow) {
    case "orders": {
      const [successes, sapErrors, failures] = await Promise.all([
        db.orderEvent.count({ where: { kind: "SAP_CREATED", at: gte } }),
        db.orderEvent.count({ where: { kind: "SAP_ERROR", at: gte } }),
        db.failureRecord.count({ where: { flow: "ORDERS", errorClass: "POISON", createdAt: gte } }),
      ]);
      return { successes, errors: sapErrors + failures };
    }
    case "status": {
      const [successes, errors] = await Promise.all([
        db.orderEvent.count({ where: { kind: "SAP_STATUS", at: gte } }),
        db.failureRecord.count({ where: { flow: "ORDER_STATUS", createdAt: gte } }),
      ]);
      return { successes, errors };
    }
    case "inventory": {
      const [successes, failedDeliveries, failures] = await Promise.all([
        db.webhookDelivery.count({
          where: { eventType: "stock.changed", status: "SUCCEEDED", updatedAt: gte },
        }),
        db.webhookDelivery.count({
          where: { eventType: "stock.changed", status: { in: ["FAILED", "DEAD"] }, updatedAt: gte },
        }),
        db.failureRecord.count({ where: { flow: "INVENTORY", createdAt: gte } }),
      ]);
      return { successes, errors: failedDeliveries + failures };
    }
    case "masterData": {
      const [ok, failed, processed] = await Promise.all([
        db.syncRun.count({ where: { state: "SUCCEEDED", finishedAt: gte } }),
        db.syncRun.count({ where: { state: "FAILED", finishedAt: gte } }),
        db.syncRun.aggregate({ _sum: { processed: true }, where: { finishedAt: gte } }),
      ]);
      return { successes: processed._sum.processed ?? ok, errors: failed };
    }
  }
}

async function lastSuccess(db: Db, flow: (typeof FLOWS)[number]["id"]): Promise<Date | null> {
  switch (flow) {
    case "orders":
      return (
        (await db.orderEvent.findFirst({ where: { kind: "SAP_CREATED" }, orderBy: { at: "desc" } }))?.at ??
        null
      );
    case "status":
      return (
        (await db.orderEvent.findFirst({ where: { kind: "SAP_STATUS" }, orderBy: { at: "desc" } }))?.at ??
        null
      );
    case "inventory":
      return (
        (
          await db.webhookDelivery.findFirst({
            where: { eventType: "stock.changed", status: "SUCCEEDED" },
            orderBy: { updatedAt: "desc" },
          })
        )?.deliveredAt ?? null
      );
    case "masterData":
      return (
        (await db.syncRun.findFirst({ where: { state: "SUCCEEDED" }, orderBy: { finishedAt: "desc" } }))
          ?.finishedAt ?? null
      );
  }
}

export const overviewRouter = router({
  flows: procedureFor("console.read").query(async ({ ctx }) => {
    const now = Date.now();
    const s15 = new Date(now - 15 * 60_000);
    const s60 = new Date(now - 60 * 60_000);
    return Promise.all(
      FLOWS.map(async (f) => {
        const [w15, w60, last] = await Promise.all([
          flowWindow(ctx.services.db, f.id, s15),
          flowWindow(ctx.services.db, f.id, s60),
          lastSuccess(ctx.services.db, f.id),
        ]);
        return {
          ...f,
          last15: w15,
          last60: w60,
          throughputPerMin: Math.round((w15.successes / 15) * 10) / 10,
          errorRate: errorRate(w60),
          lastSuccess: last,
          health: flowHealth(w15, w60),
        };
      }),
    );
  }),
  sap: procedureFor("console.read").query(sapStatus),
  /** Alert thresholds (Settings), for the charts' threshold lines. */
  thresholds: procedureFor("console.read").query(({ ctx }) => readThresholds(ctx)),
  /** Consumer lag per group and topic over the window, bucketed in SQL (newest included). */
  lagHistory: procedureFor("console.read")
    .input(historyWindow)
    .query(({ ctx, input }) => lagHistory(ctx.services.db, input.minutes)),
  alerts: procedureFor("console.read").query(activeAlerts),
  /**
   * Time to drain now, per queue and consumer group/topic (the worker's latest sweep), with the
   * alert's threshold; the SAP cap and breaker come with `sap`.
   */
  drain: procedureFor("console.read").query(async ({ ctx }) => {
    const [rows, thresholds] = await Promise.all([latestDrains(ctx.services.db), readThresholds(ctx)]);
    return { rows, threshold: thresholds.time_to_drain };
  }),
  /** Time to drain over the window per queue and group/topic, bucketed in SQL. */
  drainHistory: procedureFor("console.read")
    .input(historyWindow)
    .query(({ ctx, input }) => drainHistory(ctx.services.db, input.minutes)),
});
