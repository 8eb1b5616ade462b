import { describe, expect, it } from "vitest";
import { jobsWithOutcome, upToCommitted } from "./replay";

describe("what a group moved back re-reads", () => {
  it("reads from each range's start up to where the group stands, past the range's end", () => {
    expect(
      upToCommitted(
        [
          { partition: 0, from: "10", to: "21" },
          { partition: 1, from: "5", to: "6" },
        ],
        { 0: "30", 1: "8" },
      ),
    ).toEqual([
      { partition: 0, from: "10", to: "30" },
      { partition: 1, from: "5", to: "8" },
    ]);
  });

  it("leaves out a partition the group never committed or stands at or before the start on", () => {
    expect(
      upToCommitted(
        [
          { partition: 0, from: "10", to: "21" },
          { partition: 1, from: "10", to: "21" },
          { partition: 2, from: "10", to: "21" },
        ],
        { 1: "10", 2: "4" },
      ),
    ).toEqual([]);
  });
});

describe("a run's replayed jobs with an outcome", () => {
  it("counts every outcome but a skipped message, which never became a job", () => {
    expect(jobsWithOutcome({ created: 2, "no-op": 20, failed: 1, skipped: 5 })).toBe(23);
    expect(jobsWithOutcome({ skipped: 5 })).toBe(0);
  });
});
