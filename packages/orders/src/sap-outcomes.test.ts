import type { Db } from "@icp/db";
import { describe, expect, it } from "vitest";
import { sapCreateOutcomes } from "./events";

type Row = { kind: "SAP_ERROR" | "SAP_CREATED"; errorClass?: string; secondsAgo: number };
const NOW = new Date("2026-12-05T12:00:00Z");

/** order_event as the counts see it: kind, the detail's errorClass, and `at` on or after `gte`. */
function events(rows: Row[]): Pick<Db, "orderEvent"> {
  const count = async (args: {
    where: { kind: string; at: { gte: Date }; detail?: { equals: string } };
  }): Promise<number> =>
    rows.filter(
      (r) =>
        r.kind === args.where.kind &&
        (args.where.detail === undefined || r.errorClass === args.where.detail.equals) &&
        NOW.getTime() - r.secondsAgo * 1000 >= args.where.at.gte.getTime(),
    ).length;
  return { orderEvent: { count } } as unknown as Pick<Db, "orderEvent">;
}
const many = (n: number, row: Row): Row[] => Array.from({ length: n }, () => ({ ...row }));

describe("sapCreateOutcomes (what the SAP-create alert and the SAP card measure)", () => {
  it("sees an outage that began 12 s ago although the minute began with many bookings", async () => {
    const rows = [
      ...many(40, { kind: "SAP_CREATED", secondsAgo: 40 }),
      ...many(6, { kind: "SAP_ERROR", errorClass: "TRANSIENT", secondsAgo: 5 }),
    ];
    // Over the minute: 6 of 46 (13 %), under a 50 % threshold; over the last 15 s: 6 of 6.
    expect(await sapCreateOutcomes(events(rows), NOW)).toEqual({
      errors: 6,
      successes: 0,
      windowSeconds: 15,
    });
  });

  it("keeps the minute when the last 15 s hold fewer than 3 errors, or are no worse", async () => {
    const stray = [
      ...many(5, { kind: "SAP_CREATED", secondsAgo: 40 }),
      ...many(2, { kind: "SAP_ERROR", errorClass: "TRANSIENT", secondsAgo: 3 }),
    ];
    expect(await sapCreateOutcomes(events(stray), NOW)).toEqual({
      errors: 2,
      successes: 5,
      windowSeconds: 60,
    });
    const steady = [
      ...many(10, { kind: "SAP_ERROR", errorClass: "TRANSIENT", secondsAgo: 50 }),
      ...many(3, { kind: "SAP_ERROR", errorClass: "TRANSIENT", secondsAgo: 5 }),
    ];
    expect(await sapCreateOutcomes(events(steady), NOW)).toEqual({
      errors: 13,
      successes: 0,
      windowSeconds: 60,
    });
  });

  it("counts technical errors only: SAP's business refusals are the order's problem", async () => {
    const rows = many(5, { kind: "SAP_ERROR", errorClass: "BUSINESS", secondsAgo: 5 });
    expect(await sapCreateOutcomes(events(rows), NOW)).toEqual({
      errors: 0,
      successes: 0,
      windowSeconds: 60,
    });
  });
});
