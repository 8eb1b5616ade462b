import type { Db, Prisma } from "@icp/db";
import type { Logger, Metrics } from "@icp/observability";
import { type AlertReadings, type AlertVerdict, evaluateAlerts } from "./alert-rules";

/** Webhook endpoints subscribed to this event type are the alerts' notification channel. */
export const ALERT_WEBHOOK_EVENT = "alert.state_changed";
/** One evaluator at a time across workers: a transaction-scoped advisory lock. */
const ALERT_LOCK = 72_707_416;

export interface AlertChange {
  key: string;
  rule: string;
  state: "FIRING" | "RESOLVED";
  severity: string;
  title: string;
  detail: string;
  /** Null when the figure has no finite value (a stalled backlog's time to drain). */
  value: number | null;
  threshold: number;
  at: Date;
}

export interface AlertEvaluatorDeps {
  db: Db;
  read(): Promise<AlertReadings>;
  /** Queue the change to the notification channel; answers how many deliveries were queued. */
  notify(change: AlertChange & { eventId: string }): Promise<number>;
  logger: Logger;
  metrics?: Metrics;
  now?: () => Date;
}

/**
 * One evaluation: read the pipeline, apply the thresholds, and write each state change as
 * alert_state (current), alert_event (history) and an audit row, then notify the channel.
 * Answers the changes, or null when another worker holds the evaluation.
 */
export function alertEvaluator(deps: AlertEvaluatorDeps) {
  return async (): Promise<AlertChange[] | null> => {
    const readings = await deps.read();
    const now = deps.now?.() ?? new Date();
    const changes = await deps.db.$transaction(async (tx) => {
      const [lock] = await tx.$queryRaw<
        { ok: boolean }[]
      >`select pg_try_advisory_xact_lock(${ALERT_LOCK}) as ok`;
      if (!lock?.ok) return null;
      const rules = await tx.alertRule.findMany();
      const verdicts = evaluateAlerts(readings, rules);
      const firing = await tx.alertState.findMany({ where: { state: "FIRING" } });
      return applyVerdicts(tx, verdicts, firing, now);
    });
    if (!changes) return null;
    for (const c of changes) {
      const event = await deps.db.alertEvent.create({
        data: {
          key: c.key,
          rule: c.rule,
          state: c.state,
          title: c.title,
          detail: c.detail,
          value: c.value,
          threshold: c.threshold,
          at: c.at,
        },
      });
      const notified = await deps.notify({ ...c, eventId: `alert:${event.id}` }).catch((err: unknown) => {
        deps.logger.warn({ err, alert: c.key }, "could not queue the alert notification");
        return 0;
      });
      if (notified > 0) await deps.db.alertEvent.update({ where: { id: event.id }, data: { notified } });
      deps.logger.info({ alert: c.key, state: c.state, value: c.value }, `alert ${c.state.toLowerCase()}`);
    }
    if (deps.metrics) {
      const open = await deps.db.alertState.groupBy({
        by: ["rule"],
        where: { state: "FIRING" },
        _count: { _all: true },
      });
      deps.metrics.alertsFiring.reset();
      for (const g of open) deps.metrics.alertsFiring.set({ rule: g.rule }, g._count._all);
    }
    return changes;
  };
}

async function applyVerdicts(
  tx: Prisma.TransactionClient,
  verdicts: AlertVerdict[],
  firing: {
    key: string;
    rule: string;
    severity: string;
    title: string;
    detail: string;
    threshold: number;
    value: number | null;
  }[],
  now: Date,
): Promise<AlertChange[]> {
  const changes: AlertChange[] = [];
  const firingKeys = new Set(firing.map((f) => f.key));
  for (const v of verdicts) {
    const row = { ...v, evaluatedAt: now };
    if (firingKeys.has(v.key)) {
      await tx.alertState.update({ where: { key: v.key }, data: row });
      continue;
    }
    await tx.alertState.upsert({
      where: { key: v.key },
      create: { ...row, state: "FIRING", since: now },
      update: { ...row, state: "FIRING", since: now },
    });
    changes.push({ ...v, state: "FIRING", at: now });
  }
  const still = new Set(verdicts.map((v) => v.key));
  for (const f of firing) {
    if (still.has(f.key)) continue;
    await tx.alertState.update({
      where: { key: f.key },
      data: { state: "RESOLVED", since: now, evaluatedAt: now },
    });
    changes.push({ ...f, state: "RESOLVED", detail: `Resolved: ${f.detail}`, at: now });
  }
  for (const c of changes)
    await tx.auditLog.create({
      data: {
        actorId: "system:alert-evaluator",
        actorRole: "SYSTEM",
        action: c.state === "FIRING" ? "alert.fire" : "alert.resolve",
        targetType: "alert",
        targetId: c.key,
        reason: c.detail,
        after: { state: c.state, value: c.value, threshold: c.threshold },
      },
    });
  return changes;
}

/** What a chat tool shows (`text`, which Slack/Mattermost/Google Chat incoming webhooks accept) plus the alert. */
export function alertPayload(c: AlertChange): Record<string, unknown> {
  const icon = c.state === "FIRING" ? (c.severity === "critical" ? "🔴" : "🟠") : "✅";
  return {
    text: `${icon} [${c.state}] ${c.title} — ${c.detail}`,
    type: ALERT_WEBHOOK_EVENT,
    timestamp: c.at.toISOString(),
    data: {
      key: c.key,
      rule: c.rule,
      state: c.state,
      severity: c.severity,
      title: c.title,
      detail: c.detail,
      value: c.value,
      threshold: c.threshold,
    },
  };
}
