import { describe, expect, it } from "vitest";
import { gaugeValue, queueBacklog, timeToDrain } from "./drain";

const at = (s: number) => new Date(Date.UTC(2026, 11, 7, 12, 0, s));

describe("time to drain", () => {
  it("is the backlog over the throughput measured across the window", () => {
    // 120 jobs finished in 60 s: 2 a second; 300 waiting take 150 s.
    const d = timeToDrain(300, { at: at(0), value: 1_000 }, { at: at(60), value: 1_120 });
    expect(d).toEqual({ backlog: 300, perSecond: 2, seconds: 150, stalled: false });
  });

  it("is stalled (infinite), not a division error, when a backlog waits and nothing moved", () => {
    const d = timeToDrain(40, { at: at(0), value: 500 }, { at: at(60), value: 500 });
    expect(d).toEqual({ backlog: 40, perSecond: 0, seconds: null, stalled: true });
    expect(gaugeValue(d)).toBe(Number.POSITIVE_INFINITY);
  });

  it("is 0 for an empty backlog, whether or not anything moved", () => {
    expect(timeToDrain(0, { at: at(0), value: 7 }, { at: at(60), value: 7 })).toEqual({
      backlog: 0,
      perSecond: 0,
      seconds: 0,
      stalled: false,
    });
    expect(timeToDrain(0, undefined, { at: at(60), value: 7 }).seconds).toBe(0);
  });

  it("grows while the backlog grows faster than it is worked off", () => {
    // 1 a second throughout; the backlog doubles between two sweeps, and so does the time.
    const first = timeToDrain(100, { at: at(0), value: 0 }, { at: at(30), value: 30 });
    const later = timeToDrain(200, { at: at(30), value: 30 }, { at: at(60), value: 60 });
    expect(first.seconds).toBe(100);
    expect(later.seconds).toBe(200);
  });

  it("is unknown, not a guess, without an earlier sample or when the counter went back", () => {
    expect(timeToDrain(10, undefined, { at: at(60), value: 5 })).toEqual({
      backlog: 10,
      perSecond: null,
      seconds: null,
      stalled: false,
    });
    // a queue obliterated or a group reset to an earlier offset: its counter fell
    const reset = timeToDrain(10, { at: at(0), value: 900 }, { at: at(60), value: 3 });
    expect(reset).toMatchObject({ perSecond: null, seconds: null, stalled: false });
    expect(gaugeValue(reset)).toBeUndefined();
    // the same instant twice (two samples of one sweep) measures nothing
    expect(timeToDrain(10, { at: at(60), value: 1 }, { at: at(60), value: 1 }).perSecond).toBeNull();
  });

  it("is work in progress, not stalled, when all of the backlog is running (a resync that takes minutes)", () => {
    const running = timeToDrain(1, { at: at(0), value: 9 }, { at: at(60), value: 9 }, 0);
    expect(running).toEqual({ backlog: 1, perSecond: 0, seconds: null, stalled: false });
    expect(gaugeValue(running)).toBeUndefined();
    // one more waiting behind it, and still nothing finished in the window: stalled
    expect(timeToDrain(2, { at: at(0), value: 9 }, { at: at(60), value: 9 }, 1).stalled).toBe(true);
  });

  it("counts the jobs ready or running as a queue's backlog, not the delayed ones", () => {
    expect(queueBacklog({ waiting: 5, paused: 2, active: 3 })).toBe(10);
  });
});
