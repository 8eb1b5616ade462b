import { describe, expect, it } from "vitest";
import { drainChart, STALLED_LABEL } from "./drain";
import { latest } from "./series";

const t = (s: number) => new Date(Date.UTC(2026, 11, 7, 12, 0, s));

describe("the time-to-drain chart", () => {
  it("draws a stalled backlog on a ceiling above every finite value and the threshold, read as ∞", () => {
    const { series, ceiling, format } = drainChart(
      [
        {
          kind: "QUEUE",
          name: "orders-to-sap",
          points: [
            { t: t(0), v: 30, stalled: false },
            { t: t(10), v: null, stalled: true },
          ],
        },
        { kind: "TOPIC", name: "icp.orders-to-sap / orders", points: [{ t: t(0), v: 500, stalled: false }] },
      ],
      600,
    );
    expect(ceiling).toBeGreaterThan(600);
    expect(series.map((s) => s.name)).toEqual(["queue orders-to-sap", "icp.orders-to-sap / orders"]);
    const queue = series[0];
    expect(queue?.points.map((p) => p.v)).toEqual([30, ceiling]);
    expect(format(latest(queue ?? { name: "", points: [] }))).toBe(STALLED_LABEL);
    expect(format(500)).toBe("8 min 20 s");
  });

  it("leaves out the points whose time was unknown instead of drawing them at 0", () => {
    const { series } = drainChart(
      [
        {
          kind: "QUEUE",
          name: "q",
          points: [
            { t: t(0), v: null, stalled: false },
            { t: t(5), v: 0, stalled: false },
          ],
        },
      ],
      undefined,
    );
    expect(series[0]?.points).toEqual([{ t: t(5), v: 0 }]);
  });
});
