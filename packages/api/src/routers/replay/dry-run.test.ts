import { type LedgerState, LedgerStates } from "@icp/domain";
import { describe, expect, it } from "vitest";
import { createVerdict } from "./dry-run";

describe("a dry run's verdict on a replayed order create", () => {
  it("an order the ledger does not know would be created", () => {
    expect(createVerdict(undefined)).toEqual({ verdict: "would-create", why: "not in the ledger" });
  });

  it("an order with a sales order is already booked, whatever its state", () => {
    for (const state of LedgerStates)
      expect(createVerdict({ state, sapSalesOrder: "4711" })).toMatchObject({ verdict: "already-booked" });
  });

  it("without a sales order, the verdict follows whether the order's runner may claim it (the ledger's move table)", () => {
    const expected: Record<LedgerState, string> = {
      RECEIVED: "would-create",
      QUEUED: "would-create",
      SUBMITTING: "would-create",
      FAILED: "would-retry",
      // A cancellation asked for before SAP had the order: the runner's claim is refused.
      CANCEL_REQUESTED: "closed",
      CANCELLED: "closed",
      DISCARDED: "closed",
      CREATED: "closed",
      MODIFY_REQUESTED: "closed",
    };
    for (const state of LedgerStates)
      expect([state, createVerdict({ state, sapSalesOrder: null }).verdict]).toEqual([
        state,
        expected[state],
      ]);
  });
});
