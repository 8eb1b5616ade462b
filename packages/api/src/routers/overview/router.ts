import type { Db } from "@icp/db";
import { z } from "zod";
import { procedureFor, router } from "../../trpc";
import { deriveAlerts, errorRate, type FlowWindow, flowHealth } from "./health";

export const LAG_ALERT_THRESHOLD = 1_000;

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
  flows: procedureFor("viewer").query(async ({ ctx }) => {
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
  sap: procedureFor("viewer").query(({ ctx }) => ctx.services.sapHealth()),
  alerts: procedureFor("viewer")
    .input(
      z
        .object({ lagThreshold: z.number().int().min(1).default(LAG_ALERT_THRESHOLD) })
        .default({ lagThreshold: LAG_ALERT_THRESHOLD }),
    )
    .query(async ({ ctx, input }) => {
      const db = ctx.services.db;
      const now = Date.now();
      const settled = await Promise.allSettled([
        ctx.services.consumerLag(),
        ctx.services.kafka.topics(),
        ctx.services.sapHealth(),
      ]);
      const [lag, topics, sap] = settled.map((s) => (s.status === "fulfilled" ? s.value : null)) as [
        Awaited<ReturnType<typeof ctx.services.consumerLag>> | null,
        Awaited<ReturnType<typeof ctx.services.kafka.topics>> | null,
        Awaited<ReturnType<typeof ctx.services.sapHealth>> | null,
      ];
      const [openPoison, openLast15, openPrev15] = await Promise.all([
        db.failureRecord.count({ where: { errorClass: "POISON", state: "OPEN" } }),
        db.failureRecord.count({ where: { state: "OPEN", createdAt: { gte: new Date(now - 15 * 60_000) } } }),
        db.failureRecord.count({
          where: {
            state: "OPEN",
            createdAt: { gte: new Date(now - 30 * 60_000), lt: new Date(now - 15 * 60_000) },
          },
        }),
      ]);
      const byGroup = new Map<string, { group: string; topic: string; lag: number }>();
      for (const p of lag ?? []) {
        const k = `${p.group}/${p.topic}`;
        const g = byGroup.get(k) ?? { group: p.group, topic: p.topic, lag: 0 };
        g.lag += p.lag;
        byGroup.set(k, g);
      }
      const alerts = deriveAlerts({
        lagByGroup: [...byGroup.values()],
        lagThreshold: input.lagThreshold,
        dlq: (topics ?? [])
          .filter((t) => t.name.endsWith(".dlq"))
          .map((t) => ({ topic: t.name, messages: t.messages })),
        openPoison,
        openLast15,
        openPrev15,
        breaker: sap?.breaker ?? "unknown",
        sapReachable: sap?.reachable ?? false,
      });
      const unavailable = [
        lag ? null : "Kafka lag",
        topics ? null : "Kafka topics",
        sap ? null : "SAP health",
      ].filter((x): x is string => x !== null);
      return { alerts, unavailable };
    }),
});
