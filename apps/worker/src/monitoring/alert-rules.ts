import { type DrainFigure, drainAlerts } from "@icp/domain/drain";

/**
 * The alert rules the worker evaluates, as pure functions of a reading of the pipeline and the
 * thresholds from `alert_rule` (edited in Settings), so they are unit-tested without a store.
 * A verdict is returned only for what fires; the evaluator resolves whatever stops firing.
 */

export const ALERT_RULE_IDS = [
  "sap_create_errors",
  "backlog_delayed",
  "breaker_open",
  "consumer_lag",
  "open_failures",
  "dlq_unhandled",
  "webhook_disabled",
  "time_to_drain",
] as const;
export type AlertRuleId = (typeof ALERT_RULE_IDS)[number];

export interface AlertRuleRow {
  id: string;
  threshold: number;
  enabled: boolean;
}

export interface AlertReadings {
  /** SAP sales-order calls from the ledger's events (technical errors, creates booked), over the window `sapCreateOutcomes` chose. */
  sapCreates: { errors: number; successes: number; windowSeconds?: number };
  /** Order jobs waiting for their next attempt (BullMQ delayed) in the orders queue. */
  ordersDelayed: number;
  breaker: string;
  lagByGroup: { group: string; topic: string; lag: number }[];
  /** Failure records still OPEN or RETRYING. */
  openFailures: number;
  /** Of those, dead-lettered messages (POISON): the unhandled DLQ messages. */
  openPoison: number;
  /** Each queue's and consumer group/topic's latest time to drain (the sampler's drain_sample). */
  drains: DrainFigure[];
  /** Webhook endpoints auto-disabled after failing in a row, not yet re-enabled or deleted. */
  disabledWebhooks: {
    id: string;
    name: string;
    consecutiveFailures: number;
    disabledReason: string | null;
  }[];
}

export interface AlertVerdict {
  key: string;
  rule: AlertRuleId;
  severity: "critical" | "warning";
  title: string;
  detail: string;
  href: string;
  /** The figure that crossed the threshold; null when it has no finite value (a stalled backlog). */
  value: number | null;
  threshold: number;
}

type Rule = (r: AlertReadings, threshold: number) => Omit<AlertVerdict, "rule" | "threshold">[];

const fmt = (n: number) => n.toLocaleString("en");
const windowText = (seconds: number) => (seconds === 60 ? "minute" : `${seconds} s`);

const RULES: Record<AlertRuleId, Rule> = {
  sap_create_errors: (r, t) => {
    const total = r.sapCreates.errors + r.sapCreates.successes;
    const pct = total === 0 ? 0 : Math.round((r.sapCreates.errors / total) * 1000) / 10;
    return r.sapCreates.errors > 0 && pct >= t
      ? [
          {
            key: "sap_create_errors",
            severity: "critical",
            title: "SAP order creates are failing",
            detail: `${pct}% of SAP sales-order creates failed in the last ${windowText(r.sapCreates.windowSeconds ?? 60)} (${fmt(r.sapCreates.errors)} of ${fmt(total)}; threshold ${t}%).`,
            href: "/failures?state=OPEN",
            value: pct,
          },
        ]
      : [];
  },
  backlog_delayed: (r, t) =>
    r.ordersDelayed >= t
      ? [
          {
            key: "backlog_delayed",
            severity: "warning",
            title: "Orders wait in retry",
            detail: `${fmt(r.ordersDelayed)} order job(s) are delayed for another SAP attempt (threshold ${fmt(t)}).`,
            href: "/queues",
            value: r.ordersDelayed,
          },
        ]
      : [],
  breaker_open: (r, t) => {
    const value = r.breaker === "open" ? 1 : r.breaker === "half-open" ? 0.5 : 0;
    return value >= t
      ? [
          {
            key: "breaker_open",
            severity: "critical",
            title: "SAP circuit breaker is open",
            detail: "Calls to SAP are short-circuited; orders wait and retry.",
            href: "/",
            value,
          },
        ]
      : [];
  },
  consumer_lag: (r, t) =>
    r.lagByGroup
      .filter((g) => g.lag > t)
      .map((g) => ({
        key: `consumer_lag:${g.group}:${g.topic}`,
        severity: g.lag > t * 10 ? "critical" : "warning",
        title: `Consumer lag on ${g.topic}`,
        detail: `${g.group} is ${fmt(g.lag)} messages behind (threshold ${fmt(t)}).`,
        href: "/kafka",
        value: g.lag,
      })),
  open_failures: (r, t) =>
    r.openFailures >= t
      ? [
          {
            key: "open_failures",
            severity: "warning",
            title: "Open failures pile up",
            detail: `${fmt(r.openFailures)} failure(s) wait for an operator (threshold ${fmt(t)}).`,
            href: "/failures?state=OPEN",
            value: r.openFailures,
          },
        ]
      : [],
  dlq_unhandled: (r, t) =>
    r.openPoison >= t
      ? [
          {
            key: "dlq_unhandled",
            severity: "warning",
            title: "Dead-lettered messages wait for an operator",
            detail: `${fmt(r.openPoison)} unhandled dead-lettered message(s) (threshold ${fmt(t)}).`,
            href: "/failures?errorClass=POISON&state=OPEN",
            value: r.openPoison,
          },
        ]
      : [],
  // A stalled backlog (nothing worked off in the window) fires whatever the threshold (seconds).
  time_to_drain: (r, t) => drainAlerts(r.drains, t),
  // The threshold is applied by the webhook flow when it disables an endpoint (same rule row);
  // here each endpoint it disabled fires until re-enabled, whatever the threshold is now.
  webhook_disabled: (r) =>
    r.disabledWebhooks.map((w) => ({
      key: `webhook_disabled:${w.id}`,
      severity: "critical",
      title: `Webhook endpoint ${w.name} is disabled`,
      detail: `${w.name} was ${w.disabledReason ?? "auto-disabled"}; its deliveries are held until an operator re-enables it.`,
      href: "/settings#webhooks",
      value: w.consecutiveFailures,
    })),
};

export function evaluateAlerts(readings: AlertReadings, rules: AlertRuleRow[]): AlertVerdict[] {
  const out: AlertVerdict[] = [];
  for (const row of rules) {
    if (!row.enabled || !(ALERT_RULE_IDS as readonly string[]).includes(row.id)) continue;
    const id = row.id as AlertRuleId;
    for (const v of RULES[id](readings, row.threshold))
      out.push({ ...v, rule: id, threshold: row.threshold });
  }
  return out;
}
