/** A small inline-SVG line chart: no library, readable at any width (it scales with its box). */
export interface Series {
  name: string;
  points: { t: Date; v: number }[];
}

const COLORS = ["#0a6ed1", "#c5221f", "#1e8e3e", "#b26b00", "#7b3fb5", "#00838f", "#5d6b7e", "#d81b60"];

export function LineChart({
  series,
  height = 180,
  label,
  unit = "",
  threshold,
}: {
  series: Series[];
  height?: number;
  label: string;
  unit?: string;
  /** An alert threshold, drawn as a dashed line (Settings → Alerts). */
  threshold?: { value: number; label: string } | undefined;
}) {
  const W = 640;
  const H = height;
  const pad = { l: 48, r: 10, t: 10, b: 22 };
  const all = series.flatMap((s) => s.points);
  if (all.length === 0) {
    return (
      <p className="muted">No samples yet for {label.toLowerCase()} (the worker samples every ~10 s).</p>
    );
  }
  const t0 = Math.min(...all.map((p) => p.t.getTime()));
  const t1 = Math.max(...all.map((p) => p.t.getTime()), t0 + 1);
  const vMax = Math.max(1, ...all.map((p) => p.v), threshold ? threshold.value * 1.1 : 0);
  const x = (t: number) => pad.l + ((t - t0) / (t1 - t0)) * (W - pad.l - pad.r);
  const y = (v: number) => H - pad.b - (v / vMax) * (H - pad.t - pad.b);
  const ticks = [0, 0.5, 1].map((f) => Math.round(vMax * f));
  const timeFmt = (t: number) =>
    new Date(t).toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit" });
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label} preserveAspectRatio="none">
        {ticks.map((v) => (
          <g key={v}>
            <line x1={pad.l} x2={W - pad.r} y1={y(v)} y2={y(v)} stroke="#e2e6ec" />
            <text x={pad.l - 6} y={y(v) + 4} textAnchor="end" fontSize="11" fill="#5d6b7e">
              {v.toLocaleString("en")}
              {unit}
            </text>
          </g>
        ))}
        <text x={pad.l} y={H - 6} fontSize="11" fill="#5d6b7e">
          {timeFmt(t0)}
        </text>
        <text x={W - pad.r} y={H - 6} fontSize="11" fill="#5d6b7e" textAnchor="end">
          {timeFmt(t1)}
        </text>
        {threshold && (
          <g data-testid="threshold">
            <line
              x1={pad.l}
              x2={W - pad.r}
              y1={y(threshold.value)}
              y2={y(threshold.value)}
              stroke="#c5221f"
              strokeDasharray="6 4"
              vectorEffect="non-scaling-stroke"
            />
            <text x={W - pad.r} y={y(threshold.value) - 4} fontSize="11" fill="#c5221f" textAnchor="end">
              {threshold.label}
            </text>
          </g>
        )}
        {series.map((s, i) => (
          <polyline
            key={s.name}
            data-series={s.name}
            fill="none"
            stroke={COLORS[i % COLORS.length]}
            strokeWidth="2"
            vectorEffect="non-scaling-stroke"
            points={s.points.map((p) => `${x(p.t.getTime()).toFixed(1)},${y(p.v).toFixed(1)}`).join(" ")}
          />
        ))}
      </svg>
      <figcaption className="legend">
        {series.map((s, i) => (
          <span key={s.name}>
            <i style={{ background: COLORS[i % COLORS.length] }} /> {s.name}:{" "}
            <strong>{(s.points[s.points.length - 1]?.v ?? 0).toLocaleString("en")}</strong>
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
