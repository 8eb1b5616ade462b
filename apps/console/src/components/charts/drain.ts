/**
 * The time-to-drain chart's series (overview.drainHistory → line-chart.tsx). A stalled backlog
 * has no finite time: its points are drawn on a ceiling line above everything else (and above
 * the threshold), and read "∞ stalled" on the axis, in the tooltip and in the legend. Points
 * whose time was unknown (no throughput measured yet) are left out.
 */
import { fmtSeconds } from "@icp/domain/drain";
import type { Series } from "./series";

export interface DrainHistorySeries {
  kind: string;
  name: string;
  points: { t: Date | string; v: number | null; stalled: boolean }[];
}

export const STALLED_LABEL = "∞ stalled";

/** The series name: queues by name, consumer groups as "<group> / <topic>". */
export function drainSeriesName(s: { kind: string; name: string }): string {
  return s.kind === "QUEUE" ? `queue ${s.name}` : s.name;
}

export function drainChart(
  history: readonly DrainHistorySeries[],
  threshold: number | undefined,
): { series: Series[]; ceiling: number; format: (v: number) => string } {
  let top = threshold ?? 0;
  for (const s of history) for (const p of s.points) if (!p.stalled && p.v !== null && p.v > top) top = p.v;
  // a round ceiling a quarter above the highest finite value (at least a minute)
  const ceiling = Math.max(60, Math.ceil((top * 1.25) / 60) * 60);
  const series = history.map((s) => ({
    name: drainSeriesName(s),
    points: s.points.flatMap((p) =>
      p.stalled ? [{ t: p.t, v: ceiling }] : p.v === null ? [] : [{ t: p.t, v: p.v }],
    ),
  }));
  return { series, ceiling, format: (v) => (v >= ceiling ? STALLED_LABEL : fmtSeconds(v)) };
}
