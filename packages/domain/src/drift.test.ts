import { describe, expect, it } from "vitest";
import { driftCheckJob } from "./drift";

const run = { runId: "0193a0b0-0000-7000-8000-000000000001", startedBy: "it" };
const parses = (d: Record<string, unknown>) => driftCheckJob.schema.safeParse({ ...run, ...d }).success;

describe("a drift check job's scope", () => {
  it("a plant is checked as STOCK and only without a key", () => {
    expect(parses({ entity: "STOCK", plant: "1010" })).toBe(true);
    expect(parses({ entity: "PRODUCTS", plant: "1010" })).toBe(false);
    expect(parses({ entity: "STOCK", plant: "1010", key: "TG11|1010" })).toBe(false);
  });

  it("a plant is one to four letters and digits, as SAP's WERKS", () => {
    expect(parses({ entity: "STOCK", plant: "AB12" })).toBe(true);
    for (const plant of ["", "10101", "10 1", "10|1"])
      expect(parses({ entity: "STOCK", plant }), plant).toBe(false);
  });
});
