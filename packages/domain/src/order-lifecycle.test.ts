import { describe, expect, it } from "vitest";
import {
  LEDGER_MOVES,
  type LedgerState,
  LedgerStates,
  ledgerMoveAllowed,
  STOREFRONT_MOVES,
  type StorefrontStatus,
  StorefrontStatuses,
  TOO_LATE_TO_CANCEL,
} from "./order-lifecycle";

/** Every state the table lets an order reach from `start`, by any number of allowed moves. */
function reachable<S extends string>(moves: Readonly<Record<S, readonly S[]>>, start: S): Set<S> {
  const states = Object.keys(moves) as S[];
  const seen = new Set<S>([start]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const to of states)
      if (!seen.has(to) && moves[to].some((from) => seen.has(from))) {
        seen.add(to);
        grew = true;
      }
  }
  return seen;
}

describe("the ledger's order lifecycle", () => {
  it("every ledger state is reachable from RECEIVED through the table", () => {
    expect([...reachable(LEDGER_MOVES, "RECEIVED")].sort()).toEqual([...LedgerStates].sort());
  });

  it("only a failed order may go back to SUBMITTING (an operator's retry); booked, cancelled or discarded never", () => {
    const after: LedgerState[] = [
      "CREATED",
      "MODIFY_REQUESTED",
      "CANCEL_REQUESTED",
      "CANCELLED",
      "DISCARDED",
      "FAILED",
    ];
    expect(after.filter((s) => ledgerMoveAllowed(s, "SUBMITTING"))).toEqual(["FAILED"]);
    // ... nor by a detour: no path leads from a booked or closed order to another create.
    for (const s of ["CREATED", "CANCEL_REQUESTED", "CANCELLED", "DISCARDED"] as const)
      expect(reachable(LEDGER_MOVES, s).has("SUBMITTING"), `${s} → SUBMITTING`).toBe(false);
  });

  it("a cancelled or discarded order moves nowhere", () => {
    for (const to of LedgerStates) {
      expect(ledgerMoveAllowed("CANCELLED", to), `CANCELLED → ${to}`).toBe(false);
      expect(ledgerMoveAllowed("DISCARDED", to), `DISCARDED → ${to}`).toBe(false);
    }
  });

  it("a booked order never goes back to a state before SAP's create, nor to FAILED", () => {
    for (const to of ["RECEIVED", "QUEUED", "SUBMITTING", "FAILED"] as const)
      expect(reachable(LEDGER_MOVES, "CREATED").has(to), `CREATED → ${to}`).toBe(false);
  });

  it("an order may be discarded only after it failed", () => {
    expect(LedgerStates.filter((s) => ledgerMoveAllowed(s, "DISCARDED"))).toEqual(["FAILED"]);
  });
});

describe("the storefront's order status", () => {
  it("every status the order flow sets is reachable from RECEIVED; SAP drives the rest", () => {
    const sapDriven: StorefrontStatus[] = ["PROCESSING", "SHIPPED", "DELIVERED", "BILLED"];
    const byFlow = StorefrontStatuses.filter((s) => !sapDriven.includes(s));
    expect([...reachable(STOREFRONT_MOVES, "RECEIVED")].sort()).toEqual([...byFlow].sort());
    for (const s of sapDriven) expect(STOREFRONT_MOVES[s], s).toEqual([]);
  });

  it("a cancellation is refused once the order shipped, was cancelled or asked to be, or failed — what the storefront API answers 409", () => {
    expect([...TOO_LATE_TO_CANCEL].sort()).toEqual(
      ["BILLED", "CANCELLATION_REQUESTED", "CANCELLED", "DELIVERED", "FAILED", "SHIPPED"].sort(),
    );
  });

  it("a failed order may still be accepted (an operator's retry got it booked) or cancelled", () => {
    expect(STOREFRONT_MOVES.ACCEPTED).toContain("FAILED");
    expect(STOREFRONT_MOVES.CANCELLED).toContain("FAILED");
    expect(STOREFRONT_MOVES.FAILED).toEqual(["RECEIVED"]);
  });
});
