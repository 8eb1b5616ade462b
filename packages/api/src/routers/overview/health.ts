/** Pure health and alert rules, so they are unit-tested without a database. */

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

export interface AlertInputs {
  lagByGroup: { group: string; topic: string; lag: number }[];
  lagThreshold: number;
  dlq: { topic: string; messages: number }[];
  openPoison: number;
  openLast15: number;
  openPrev15: number;
  breaker: string;
  sapReachable: boolean;
}

export interface Alert {
  id: string;
  severity: "critical" | "warning";
  title: string;
  detail: string;
  href: string;
}

export function deriveAlerts(a: AlertInputs): Alert[] {
  const out: Alert[] = [];
  for (const g of a.lagByGroup) {
    if (g.lag > a.lagThreshold)
      out.push({
        id: `lag:${g.group}:${g.topic}`,
        severity: g.lag > a.lagThreshold * 10 ? "critical" : "warning",
        title: `Consumer lag on ${g.topic}`,
        detail: `${g.group} is ${g.lag.toLocaleString("en")} messages behind (threshold ${a.lagThreshold.toLocaleString("en")}).`,
        href: "/kafka",
      });
  }
  for (const d of a.dlq) {
    if (d.messages > 0)
      out.push({
        id: `dlq:${d.topic}`,
        severity: "warning",
        title: `Dead-letter topic ${d.topic} is not empty`,
        detail: `${d.messages.toLocaleString("en")} message(s) on ${d.topic}.`,
        href: "/failures?errorClass=POISON",
      });
  }
  if (a.openPoison > 0)
    out.push({
      id: "poison",
      severity: "warning",
      title: "Open poison failures",
      detail: `${a.openPoison} dead-lettered message(s) wait for an operator.`,
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
  if (a.breaker === "open" || !a.sapReachable)
    out.push({
      id: "sap",
      severity: "critical",
      title: a.breaker === "open" ? "SAP circuit breaker is open" : "SAP is unreachable",
      detail: "Order pushes and master-data syncs will wait and retry.",
      href: "/",
    });
  return out;
}
