/**
 * Pure helpers of the console's charts (line-chart.tsx on Recharts): the series the API answers
 * (one list of points per group/topic or queue, each on its own sample times) merged into the
 * rows Recharts draws, the y range that keeps an alert threshold in view, and its label.
 */
export interface Point {
  t: Date | string;
  v: number;
}
export interface Series {
  name: string;
  points: Point[];
}
export interface Threshold {
  value: number;
  label: string;
}

/** One row per sample time; `s<i>` is series i's value then (absent if it has no sample then). */
export type ChartRow = { t: number } & Record<`s${number}`, number>;

export function mergeSeries(series: readonly Series[]): ChartRow[] {
  const byTime = new Map<number, ChartRow>();
  series.forEach((s, i) => {
    for (const p of s.points) {
      const t = new Date(p.t).getTime();
      if (!Number.isFinite(t)) continue;
      let row = byTime.get(t);
      if (!row) {
        row = { t } as ChartRow;
        byTime.set(t, row);
      }
      row[`s${i}`] = p.v;
    }
  });
  return [...byTime.values()].sort((a, b) => a.t - b.t);
}

/**
 * The top of the y axis: the highest value, or a tenth above an enabled threshold when that is
 * higher, so the threshold line is always drawn inside the chart; at least 1.
 */
export function yMax(series: readonly Series[], threshold?: Threshold): number {
  let max = 1;
  for (const s of series) for (const p of s.points) if (p.v > max) max = p.v;
  if (threshold && threshold.value * 1.1 > max) max = threshold.value * 1.1;
  return Math.ceil(max);
}

export function fmtNumber(v: number): string {
  return v.toLocaleString("en");
}

/** What the threshold line says, also its accessible name: "lag alert threshold: 2,500 messages". */
export function thresholdText(t: Threshold, unit = ""): string {
  return `${t.label}: ${fmtNumber(t.value)}${unit ? ` ${unit}` : ""}`;
}

/** The latest value of a series (what the legend shows), 0 when it has none. */
export function latest(s: Series): number {
  let best: Point | undefined;
  for (const p of s.points) if (!best || new Date(p.t).getTime() >= new Date(best.t).getTime()) best = p;
  return best?.v ?? 0;
}
