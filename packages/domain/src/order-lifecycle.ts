/**
 * The order's two vocabularies and every move between their states, in one table. The ledger
 * (PostgreSQL, `order_link.state`) follows the order on its way into SAP; the storefront's
 * status (the read model's `orders.status`, what the storefront API answers) follows it as
 * the shopper sees it. Every writer asks this module which moves are allowed (the order
 * owner, @icp/orders, is the only writer); nothing else spells a list of states.
 */

/** The ledger: where the order is on its way into SAP. */
export const LedgerStates = [
  "RECEIVED",
  "QUEUED",
  "SUBMITTING",
  "CREATED",
  "FAILED",
  "MODIFY_REQUESTED",
  "CANCEL_REQUESTED",
  "CANCELLED",
  "DISCARDED",
] as const;
export type LedgerState = (typeof LedgerStates)[number];

/** The storefront's order status. */
export const StorefrontStatuses = [
  "RECEIVED",
  "ACCEPTED",
  "PROCESSING",
  "SHIPPED",
  "DELIVERED",
  "BILLED",
  "CANCELLATION_REQUESTED",
  "CANCELLED",
  "FAILED",
] as const;
export type StorefrontStatus = (typeof StorefrontStatuses)[number];

/**
 * The ledger's allowed moves: `to` ← the states it may be reached from. A move not listed is
 * refused by the owner (a late writer never drags an order back: CREATED stays CREATED).
 */
export const LEDGER_MOVES: Readonly<Record<LedgerState, readonly LedgerState[]>> = {
  RECEIVED: [],
  // The Kafka bridge put the order's job in Redis.
  QUEUED: ["RECEIVED"],
  // A runner claimed the order to send its create (again, after a retry or an operator's
  // retry of a failure).
  SUBMITTING: ["RECEIVED", "QUEUED", "SUBMITTING", "FAILED"],
  // SAP booked it (or SAP's own event told us the sales order first).
  CREATED: ["RECEIVED", "QUEUED", "SUBMITTING", "FAILED", "MODIFY_REQUESTED", "CANCEL_REQUESTED"],
  // The create failed for good; an operator may retry (→ SUBMITTING) or discard.
  FAILED: ["RECEIVED", "QUEUED", "SUBMITTING"],
  MODIFY_REQUESTED: ["CREATED"],
  CANCEL_REQUESTED: ["RECEIVED", "QUEUED", "SUBMITTING", "CREATED", "FAILED", "MODIFY_REQUESTED"],
  // Cancelled in SAP (every item rejected), or before SAP ever had it.
  CANCELLED: [
    "RECEIVED",
    "QUEUED",
    "SUBMITTING",
    "CREATED",
    "FAILED",
    "MODIFY_REQUESTED",
    "CANCEL_REQUESTED",
  ],
  // An operator discarded the order's failure: it will not be sent to SAP.
  DISCARDED: ["FAILED"],
};

export function ledgerMoveAllowed(from: LedgerState, to: LedgerState): boolean {
  return LEDGER_MOVES[to].includes(from);
}

/**
 * The storefront status's allowed moves made by the order flow itself (before SAP speaks).
 * Statuses SAP drives (PROCESSING … BILLED, CANCELLED by SAP) are versioned by SAP's change
 * time instead: a newer SAP state always wins, an older one never does.
 */
export const STOREFRONT_MOVES: Readonly<Record<StorefrontStatus, readonly StorefrontStatus[]>> = {
  RECEIVED: [],
  ACCEPTED: ["RECEIVED", "FAILED"],
  FAILED: ["RECEIVED"],
  CANCELLATION_REQUESTED: ["RECEIVED", "ACCEPTED", "PROCESSING"],
  CANCELLED: ["RECEIVED", "FAILED", "CANCELLATION_REQUESTED"],
  PROCESSING: [],
  SHIPPED: [],
  DELIVERED: [],
  BILLED: [],
};

/** A cancellation SAP refused: the storefront's status leaves CANCELLATION_REQUESTED for SAP's. */
export const CANCELLATION_REFUSED_FROM: readonly StorefrontStatus[] = ["CANCELLATION_REQUESTED"];

/** Storefront statuses from which a cancellation can no longer be asked for. */
export const TOO_LATE_TO_CANCEL: readonly StorefrontStatus[] = StorefrontStatuses.filter(
  (s) => !STOREFRONT_MOVES.CANCELLATION_REQUESTED.includes(s),
);
