import { describe, expect, it } from "vitest";
import { latest, mergeSeries, thresholdText, yMax } from "./series";

const at = (s: number) => new Date(Date.UTC(2026, 11, 5, 12, 0, s));

describe("mergeSeries", () => {
  it("puts every series' points on one row per sample time, in time order, gaps left absent", () => {
    const rows = mergeSeries([
      {
        name: "a",
        points: [
          { t: at(20), v: 3 },
          { t: at(0), v: 1 },
        ],
      },
      {
        name: "b",
        points: [
          { t: at(0), v: 7 },
          { t: at(10), v: 8 },
        ],
      },
    ]);
    expect(rows).toEqual([
      { t: at(0).getTime(), s0: 1, s1: 7 },
      { t: at(10).getTime(), s1: 8 },
      { t: at(20).getTime(), s0: 3 },
    ]);
  });
  it("takes ISO strings as the API's dates and skips unreadable times", () => {
    expect(
      mergeSeries([
        {
          name: "a",
          points: [
            { t: at(5).toISOString(), v: 2 },
            { t: "not a date", v: 9 },
          ],
        },
      ]),
    ).toEqual([{ t: at(5).getTime(), s0: 2 }]);
  });
  it("is empty for no series or no points", () => {
    expect(mergeSeries([])).toEqual([]);
    expect(mergeSeries([{ name: "a", points: [] }])).toEqual([]);
  });
});

describe("yMax", () => {
  const s = [
    {
      name: "lag",
      points: [
        { t: at(0), v: 120 },
        { t: at(1), v: 480 },
      ],
    },
  ];
  it("is the highest value when no threshold is above it", () => {
    expect(yMax(s)).toBe(480);
    expect(yMax(s, { value: 100, label: "x" })).toBe(480);
  });
  it("keeps a higher threshold in view, a tenth above it", () => {
    expect(yMax(s, { value: 1000, label: "x" })).toBe(1100);
    expect(yMax(s, { value: 2500, label: "x" })).toBe(2750);
  });
  it("is at least 1 (an empty or all-zero chart still has an axis)", () => {
    expect(yMax([])).toBe(1);
    expect(yMax([{ name: "q", points: [{ t: at(0), v: 0 }] }])).toBe(1);
  });
});

describe("thresholdText / latest", () => {
  it("says the threshold with its value and unit", () => {
    expect(thresholdText({ value: 2500, label: "lag alert threshold" }, "messages")).toBe(
      "lag alert threshold: 2,500 messages",
    );
    expect(thresholdText({ value: 10, label: "delayed alert threshold" })).toBe(
      "delayed alert threshold: 10",
    );
  });
  it("latest is the newest point's value, whatever the order", () => {
    expect(
      latest({
        name: "a",
        points: [
          { t: at(9), v: 5 },
          { t: at(2), v: 8 },
        ],
      }),
    ).toBe(5);
    expect(latest({ name: "a", points: [] })).toBe(0);
  });
});
