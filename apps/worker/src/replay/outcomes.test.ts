import { applyOrderStatusJob, applyStockJob, cancelSalesOrderJob, createSalesOrderJob } from "@icp/domain";
import { describe, expect, it } from "vitest";
import { replayOutcomeOf } from "./outcomes";

describe("replayOutcomeOf", () => {
  it("an order the ledger already held as booked is a no-op, not a creation", () => {
    expect(
      replayOutcomeOf(createSalesOrderJob.name, {
        salesOrder: "4711",
        createdNow: false,
        outcome: "booked",
        alreadyBooked: true,
      }),
    ).toEqual({ outcome: "no-op", why: "already booked as 4711" });
  });

  it("an order SAP booked during the replay counts as created, one SAP already had as recorded", () => {
    expect(
      replayOutcomeOf(createSalesOrderJob.name, { salesOrder: "4712", createdNow: true, outcome: "booked" })
        .outcome,
    ).toBe("created");
    expect(
      replayOutcomeOf(createSalesOrderJob.name, { salesOrder: "4713", createdNow: false, outcome: "booked" })
        .outcome,
    ).toBe("recorded");
  });

  it("a closed or fenced-out order, a stale status and a coalesced stock level change nothing", () => {
    expect(replayOutcomeOf(createSalesOrderJob.name, { createdNow: false, outcome: "closed" }).outcome).toBe(
      "no-op",
    );
    expect(
      replayOutcomeOf(createSalesOrderJob.name, { createdNow: false, outcome: "fenced-out" }).outcome,
    ).toBe("no-op");
    expect(replayOutcomeOf(applyOrderStatusJob.name, { outcome: "stale", status: "SHIPPED" }).outcome).toBe(
      "no-op",
    );
    expect(replayOutcomeOf(applyStockJob.name, { outcome: "coalesced" }).outcome).toBe("no-op");
    expect(replayOutcomeOf(cancelSalesOrderJob.name, { outcome: "already-cancelled" }).outcome).toBe("no-op");
  });

  it("an applied status, stock level or cancellation counts as the change it made", () => {
    expect(replayOutcomeOf(applyOrderStatusJob.name, { outcome: "applied", status: "SHIPPED" })).toEqual({
      outcome: "status-updated",
      why: "status SHIPPED",
    });
    expect(replayOutcomeOf(applyStockJob.name, { outcome: "applied", quantity: 7 }).outcome).toBe(
      "stock-updated",
    );
    expect(replayOutcomeOf(cancelSalesOrderJob.name, { outcome: "cancelled" }).outcome).toBe("cancelled");
  });
});
