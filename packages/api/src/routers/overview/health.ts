/** Pure health and alert rules, so they are unit-tested without a database. */
import { WEBHOOK_AUTO_DISABLE_DEFAULT } from "@icp/domain";
import { type DrainFigure, drainAlerts } from "@icp/domain/drain";

export type Health = "ok" | "degraded" | "down" | "idle";

export interface FlowWindow {
  successes: number;
  errors: number;
}

export function flowHealth(w15: FlowWindow, w60: FlowWindow): Health {
  const total60 = w60.successes + w60.errors;
  if (total60 === 0) return "idle";
  if (w15.errors > 0 && w15.successes === 0) return "down";
  const rate = errorRate(w60);
  if (rate > 0.1 || w15.errors > 0) return "degraded";
  return "ok";
}

export function errorRate(w: FlowWindow): number {
  const total = w.successes + w.errors;
  return total === 0 ? 0 : w.errors / total;
}

/** Thresholds by rule id, as stored in alert_rule (Settings); defaults when a row is missing. */
export const DEFAULT_THRESHOLDS = {
  sap_create_errors: 50,
  backlog_delayed: 10,
  breaker_open: 1,
  consumer_lag: 1_000,
  open_failures: 50,
  dlq_unhandled: 1,
  // Also the worker's count: an endpoint failing this many attempts in a row is auto-disabled.
  webhook_disabled: WEBHOOK_AUTO_DISABLE_DEFAULT,
  // seconds; a stalled backlog fires whatever it is
  time_to_drain: 600,
} as const;
export type AlertRuleId = keyof typeof DEFAULT_THRESHOLDS;
export type Thresholds = Record<AlertRuleId, { threshold: number; enabled: boolean }>;

export function thresholdsFrom(rows: { id: string; threshold: number; enabled: boolean }[]): Thresholds {
  const out = Object.fromEntries(
    Object.entries(DEFAULT_THRESHOLDS).map(([id, threshold]) => [id, { threshold, enabled: true }]),
  ) as Thresholds;
  for (const r of rows)
    if (r.id in out) out[r.id as AlertRuleId] = { threshold: r.threshold, enabled: r.enabled };
  return out;
}

export interface SapCreates {
  /** SAP create attempts that failed / succeeded (ledger events) over `windowSeconds` (sapCreateOutcomes). */
  errors: number;
  successes: number;
  windowSeconds?: number;
  /** Order jobs waiting for another attempt (BullMQ delayed on the orders queue), null if unknown. */
  delayed: number | null;
}

/** Percentage of the last minute's SAP creates that failed. */
export function createErrorPct(c: SapCreates): number {
  const total = c.errors + c.successes;
  return total === 0 ? 0 : Math.round((c.errors / total) * 1000) / 10;
}

/**
 * The SAP card's verdict: down when SAP cannot be reached, the breaker is open or creates fail
 * above the threshold; degraded while orders wait in retry above the backlog threshold.
 */
export function sapVerdict(
  h: { reachable: boolean; breaker: string },
  c: SapCreates,
  t: Thresholds,
): "ok" | "degraded" | "down" {
  const failing =
    t.sap_create_errors.enabled && c.errors > 0 && createErrorPct(c) >= t.sap_create_errors.threshold;
  if (!h.reachable || h.breaker === "open" || failing) return "down";
  if (t.backlog_delayed.enabled && (c.delayed ?? 0) >= t.backlog_delayed.threshold) return "degraded";
  if (c.errors > 0 || h.breaker === "half-open") return "degraded";
  return "ok";
}

export interface AlertInputs {
  lagByGroup: { group: string; topic: string; lag: number }[];
  thresholds: Thresholds;
  /** Dead-lettered messages nobody handled yet: POISON failures still open or retrying. */
  openPoison: number;
  openLast15: number;
  openPrev15: number;
  breaker: string;
  sapReachable: boolean;
  sapCreates: SapCreates;
  /** The latest time to drain per queue and consumer group/topic (the worker's samples). */
  drains?: DrainFigure[];
}

export interface Alert {
  id: string;
  severity: "critical" | "warning";
  title: string;
  detail: string;
  href: string;
}

const fmt = (n: number) => n.toLocaleString("en");

function sapAlerts(a: AlertInputs): Alert[] {
  const out: Alert[] = [];
  const t = a.thresholds;
  const pct = createErrorPct(a.sapCreates);
  if (t.sap_create_errors.enabled && a.sapCreates.errors > 0 && pct >= t.sap_create_errors.threshold)
    out.push({
      id: "sap_create_errors",
      severity: "critical",
      title: "SAP order creates are failing",
      detail: `${pct}% of SAP sales-order creates failed in the last ${(a.sapCreates.windowSeconds ?? 60) === 60 ? "minute" : `${a.sapCreates.windowSeconds} s`} (${fmt(a.sapCreates.errors)} of ${fmt(a.sapCreates.errors + a.sapCreates.successes)}; threshold ${t.sap_create_errors.threshold}%).`,
      href: "/failures?state=OPEN",
    });
  const delayed = a.sapCreates.delayed ?? 0;
  if (t.backlog_delayed.enabled && delayed >= t.backlog_delayed.threshold)
    out.push({
      id: "backlog_delayed",
      severity: "warning",
      title: "Orders wait in retry",
      detail: `${fmt(delayed)} order job(s) are delayed for another SAP attempt (threshold ${fmt(t.backlog_delayed.threshold)}).`,
      href: "/queues",
    });
  if (a.breaker === "open" || !a.sapReachable)
    out.push({
      id: a.breaker === "open" ? "breaker_open" : "sap",
      severity: "critical",
      title: a.breaker === "open" ? "SAP circuit breaker is open" : "SAP is unreachable",
      detail: "Order pushes and master-data syncs will wait and retry.",
      href: "/",
    });
  return out;
}

export function deriveAlerts(a: AlertInputs): Alert[] {
  const out: Alert[] = [];
  const lag = a.thresholds.consumer_lag;
  for (const g of a.lagByGroup) {
    if (lag.enabled && g.lag > lag.threshold)
      out.push({
        id: `consumer_lag:${g.group}:${g.topic}`,
        severity: g.lag > lag.threshold * 10 ? "critical" : "warning",
        title: `Consumer lag on ${g.topic}`,
        detail: `${g.group} is ${fmt(g.lag)} messages behind (threshold ${fmt(lag.threshold)}).`,
        href: "/kafka",
      });
  }
  const dlq = a.thresholds.dlq_unhandled;
  if (dlq.enabled && a.openPoison >= dlq.threshold && a.openPoison > 0)
    out.push({
      id: "dlq_unhandled",
      severity: "warning",
      title: "Dead-lettered messages wait for an operator",
      detail: `${fmt(a.openPoison)} unhandled dead-lettered message(s) (open POISON failures).`,
      href: "/failures?errorClass=POISON&state=OPEN",
    });
  if (a.openLast15 > 0 && a.openLast15 > a.openPrev15)
    out.push({
      id: "failures-growing",
      severity: a.openLast15 >= 2 * Math.max(1, a.openPrev15) ? "critical" : "warning",
      title: "Open failures are growing",
      detail: `${a.openLast15} new open failure(s) in the last 15 min vs ${a.openPrev15} in the 15 min before.`,
      href: "/failures?state=OPEN",
    });
  const drain = a.thresholds.time_to_drain;
  if (drain.enabled)
    for (const d of drainAlerts(a.drains ?? [], drain.threshold))
      out.push({ id: d.key, severity: d.severity, title: d.title, detail: d.detail, href: d.href });
  return [...out, ...sapAlerts(a)];
}
