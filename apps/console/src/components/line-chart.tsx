"use client";
/**
 * The console's time-series chart on Recharts: one line per series over a time axis, a tooltip
 * (mouse and keyboard: Recharts' accessibility layer), and the alert threshold from Settings drawn
 * as a labelled dashed reference line that the y axis always keeps in view. The figure is
 * named by `label` plus the threshold (so a screen reader hears it), the legend under it gives
 * every series' latest value.
 */
import { CartesianGrid, Line, ReferenceLine, LineChart as RLineChart, Tooltip, XAxis, YAxis } from "recharts";
import {
  fmtNumber,
  latest,
  mergeSeries,
  type Series,
  type Threshold,
  thresholdText,
  yMax,
} from "./charts/series";
import { fmtTime } from "./ui";

export type { Series, Threshold } from "./charts/series";

const COLORS = ["#0a6ed1", "#c5221f", "#1e8e3e", "#b26b00", "#7b3fb5", "#00838f", "#5d6b7e", "#d81b60"];
const THRESHOLD_COLOR = "#c5221f";

/** A CSS-class-safe form of a series name (e.g. "icp.orders-to-sap / orders"), for tests and styles. */
export function seriesClass(name: string): string {
  return `series-${name.replace(/[^A-Za-z0-9_-]+/g, "-")}`;
}

const timeFmt = (t: number) =>
  new Date(t).toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit" });
const fullTime = (t: unknown) => fmtTime(new Date(Number(t)));

export function LineChart({
  series,
  height = 200,
  label,
  unit = "",
  threshold,
  format,
}: {
  series: Series[];
  height?: number;
  label: string;
  unit?: string;
  /** An alert threshold (Settings → Alerts), drawn as a labelled dashed line. */
  threshold?: Threshold | undefined;
  /** How a value reads on the axis, in the tooltip and the legend (default: a number, the unit on the axis if short). */
  format?: ((v: number) => string) | undefined;
}) {
  const rows = mergeSeries(series);
  if (rows.length === 0) {
    return (
      <p className="muted">No samples yet for {label.toLowerCase()} (the worker samples every ~10 s).</p>
    );
  }
  const top = yMax(series, threshold);
  const name = threshold ? `${label}, ${thresholdText(threshold, unit)}` : label;
  return (
    <figure className="chart" data-testid="chart">
      <div role="img" aria-label={name} style={{ width: "100%", height }}>
        <RLineChart
          responsive
          style={{ width: "100%", height }}
          data={rows}
          margin={{ top: 14, right: 12, bottom: 0, left: 0 }}
        >
          <CartesianGrid stroke="#e2e6ec" vertical={false} />
          <XAxis
            dataKey="t"
            type="number"
            scale="time"
            domain={["dataMin", "dataMax"]}
            tickFormatter={timeFmt}
            fontSize={11}
            minTickGap={40}
          />
          <YAxis
            domain={[0, top]}
            allowDataOverflow={false}
            tickFormatter={(v: number) =>
              format ? format(v) : `${fmtNumber(v)}${unit && unit.length <= 2 ? unit : ""}`
            }
            fontSize={11}
            width={56}
          />
          <Tooltip
            labelFormatter={fullTime}
            formatter={(v) => (typeof v === "number" ? (format ?? fmtNumber)(v) : String(v))}
            isAnimationActive={false}
          />
          {series.map((s, i) => (
            <Line
              key={s.name}
              dataKey={`s${i}`}
              name={s.name}
              className={seriesClass(s.name)}
              type="linear"
              stroke={COLORS[i % COLORS.length]}
              strokeWidth={2}
              dot={false}
              connectNulls
              isAnimationActive={false}
            />
          ))}
          {threshold && (
            <ReferenceLine
              y={threshold.value}
              stroke={THRESHOLD_COLOR}
              strokeDasharray="6 4"
              ifOverflow="extendDomain"
              className="threshold-line"
              label={(props: { viewBox?: { x?: number; y?: number; width?: number } }) => (
                <ThresholdLabel viewBox={props.viewBox} threshold={threshold} unit={unit} />
              )}
            />
          )}
        </RLineChart>
      </div>
      <figcaption className="legend">
        {series.map((s, i) => (
          <span key={s.name} data-series={s.name}>
            <i style={{ background: COLORS[i % COLORS.length] }} /> {s.name}:{" "}
            <strong>{(format ?? fmtNumber)(latest(s))}</strong>
          </span>
        ))}
        {threshold && (
          <span data-testid="threshold-legend">
            <i style={{ background: THRESHOLD_COLOR }} /> {thresholdText(threshold, unit)}
          </span>
        )}
      </figcaption>
    </figure>
  );
}

function ThresholdLabel({
  viewBox,
  threshold,
  unit,
}: {
  viewBox: { x?: number; y?: number; width?: number } | undefined;
  threshold: Threshold;
  unit: string;
}) {
  const x = (viewBox?.x ?? 0) + (viewBox?.width ?? 0);
  const y = (viewBox?.y ?? 0) - 4;
  return (
    <text
      x={x}
      y={y}
      textAnchor="end"
      fontSize={11}
      fill={THRESHOLD_COLOR}
      data-testid="threshold"
      data-value={threshold.value}
      data-y={Math.round(viewBox?.y ?? 0)}
    >
      {thresholdText(threshold, unit)}
    </text>
  );
}
