/**
 * Time to drain (issue 19) as the alerts and the console read it: the figures the worker's
 * sampler writes per queue and per consumer group/topic (drain_sample), how they are spelt,
 * and the `time_to_drain` rule — one definition for the worker's evaluator and the Overview.
 */
export type DrainKind = "QUEUE" | "TOPIC";

export interface DrainFigure {
  kind: DrainKind;
  /** The queue, or "<group> / <topic>". */
  name: string;
  backlog: number;
  /** Seconds to drain at the measured throughput: 0 when empty, null when unknown or stalled. */
  seconds: number | null;
  /** A backlog waits and nothing moved over the window: infinite. */
  stalled: boolean;
}

/** "45 s", "12 min 5 s", "2 h 3 min". */
export function fmtSeconds(seconds: number): string {
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min${s % 60 ? ` ${s % 60} s` : ""}`;
  const m = Math.round(s / 60);
  return `${Math.floor(m / 60)} h${m % 60 ? ` ${m % 60} min` : ""}`;
}

/** How a figure reads: "∞ / stalled", "unknown" (no throughput measured yet), or a duration. */
export function fmtDrain(d: Pick<DrainFigure, "seconds" | "stalled">): string {
  if (d.stalled) return "∞ / stalled";
  if (d.seconds === null) return "unknown";
  return fmtSeconds(d.seconds);
}

/** Over the threshold: a stalled backlog always; otherwise a known time above it. */
export function drainExceeds(d: DrainFigure, thresholdSeconds: number): boolean {
  if (d.backlog <= 0) return false;
  if (d.stalled) return true;
  return d.seconds !== null && d.seconds > thresholdSeconds;
}

export interface DrainAlert {
  key: string;
  severity: "critical" | "warning";
  title: string;
  detail: string;
  href: string;
  /** Seconds; null when stalled (infinite: no finite value). */
  value: number | null;
}

/** The `time_to_drain` alerts for these figures: one per queue or group/topic over the threshold. */
export function drainAlerts(figures: readonly DrainFigure[], thresholdSeconds: number): DrainAlert[] {
  return figures
    .filter((d) => drainExceeds(d, thresholdSeconds))
    .map((d) => {
      const what = d.kind === "QUEUE" ? `queue ${d.name}` : `${d.name}`;
      const backlog = `${d.backlog.toLocaleString("en")} ${d.kind === "QUEUE" ? "job(s)" : "message(s)"}`;
      return {
        key: `time_to_drain:${d.kind.toLowerCase()}:${d.name}`,
        severity: d.stalled || (d.seconds ?? 0) > thresholdSeconds * 10 ? "critical" : "warning",
        title: d.stalled ? `Backlog on ${what} is not draining` : `Backlog on ${what} drains slowly`,
        detail: d.stalled
          ? `${backlog} wait and nothing was worked off in the last minute: time to drain ∞ (threshold ${fmtSeconds(thresholdSeconds)}).`
          : `${backlog} take ${fmtDrain(d)} to drain at the last minute's throughput (threshold ${fmtSeconds(thresholdSeconds)}).`,
        href: d.kind === "QUEUE" ? "/queues" : "/kafka",
        value: d.stalled ? null : Math.round(d.seconds ?? 0),
      };
    });
}
