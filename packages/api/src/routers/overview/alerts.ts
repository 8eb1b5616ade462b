import { Queues, UNSETTLED_FAILURE } from "@icp/domain";
import { sapCreateOutcomes } from "@icp/orders";
import type { ApiContext } from "../../context";
import { latestDrains } from "./drain";
import {
  type Alert,
  deriveAlerts,
  type SapCreates,
  sapVerdict,
  type Thresholds,
  thresholdsFrom,
} from "./health";

type Ctx = { ctx: ApiContext };

export async function readThresholds(ctx: ApiContext): Promise<Thresholds> {
  return thresholdsFrom(await ctx.services.db.alertRule.findMany());
}

/** The last minute of SAP creates from the ledger, and the orders waiting in BullMQ's delayed set. */
export async function sapCreates(ctx: ApiContext): Promise<SapCreates> {
  const [outcomes, counts] = await Promise.all([
    sapCreateOutcomes(ctx.services.db),
    ctx.services.queueCounts().catch(() => null),
  ]);
  const orders = counts?.find((c) => c.queue === Queues.orders);
  return { ...outcomes, delayed: orders ? orders.delayed : null };
}

/** SAP as ops need it: reachability and breaker, and whether order creates actually get through. */
export async function sapStatus({ ctx }: Ctx) {
  const [health, creates, thresholds] = await Promise.all([
    ctx.services.sapHealth(),
    sapCreates(ctx),
    readThresholds(ctx),
  ]);
  return { ...health, creates, verdict: sapVerdict(health, creates, thresholds) };
}

async function failureCounts(ctx: ApiContext) {
  const db = ctx.services.db;
  const now = Date.now();
  const open = { in: [...UNSETTLED_FAILURE] };
  return Promise.all([
    db.failureRecord.count({ where: { errorClass: "POISON", state: open } }),
    db.failureRecord.count({ where: { state: "OPEN", createdAt: { gte: new Date(now - 15 * 60_000) } } }),
    db.failureRecord.count({
      where: {
        state: "OPEN",
        createdAt: { gte: new Date(now - 30 * 60_000), lt: new Date(now - 15 * 60_000) },
      },
    }),
  ]);
}

/**
 * Active alerts: what the worker's evaluator holds FIRING (alert_state, so they exist without a
 * browser open) merged with the same rules checked now, so the page is never behind the worker.
 */
export async function activeAlerts({ ctx }: Ctx) {
  const [lag, sap, creates, thresholds, failures, firing, drains] = await Promise.all([
    ctx.services.consumerLag().catch(() => null),
    ctx.services.sapHealth().catch(() => null),
    sapCreates(ctx),
    readThresholds(ctx),
    failureCounts(ctx),
    ctx.services.db.alertState.findMany({ where: { state: "FIRING" }, orderBy: { since: "asc" } }),
    latestDrains(ctx.services.db),
  ]);
  const byGroup = new Map<string, { group: string; topic: string; lag: number }>();
  for (const p of lag ?? []) {
    const k = `${p.group}/${p.topic}`;
    const g = byGroup.get(k) ?? { group: p.group, topic: p.topic, lag: 0 };
    g.lag += p.lag;
    byGroup.set(k, g);
  }
  const [openPoison, openLast15, openPrev15] = failures;
  const live = deriveAlerts({
    lagByGroup: [...byGroup.values()],
    thresholds,
    openPoison,
    openLast15,
    openPrev15,
    breaker: sap?.breaker ?? "unknown",
    sapReachable: sap?.reachable ?? false,
    sapCreates: creates,
    drains,
  });
  const alerts: (Alert & { since?: Date; source: "worker" | "live" })[] = firing.map((f) => ({
    id: f.key,
    severity: f.severity === "critical" ? "critical" : "warning",
    title: f.title,
    detail: f.detail,
    href: f.href,
    since: f.since,
    source: "worker",
  }));
  for (const a of live) if (!alerts.some((x) => x.id === a.id)) alerts.push({ ...a, source: "live" });
  const unavailable = [
    lag ? null : "Kafka lag",
    sap ? null : "SAP health",
    creates.delayed === null ? "BullMQ" : null,
  ];
  return { alerts, unavailable: unavailable.filter((x): x is string => x !== null) };
}
