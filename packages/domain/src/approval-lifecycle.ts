/**
 * Four-eyes approval (issue 19): an action above its threshold is held as a request that a second
 * person approves or rejects. Its states and every allowed move, in one table; the console API's
 * approvals module (packages/api/src/approvals.ts) moves a request only through it, each move a
 * compare-and-set on the request's state, so a request is decided once and executed once.
 */
export const ApprovalStates = ["PENDING", "APPROVED", "EXECUTED", "FAILED", "REJECTED", "EXPIRED"] as const;
export type ApprovalStateName = (typeof ApprovalStates)[number];

/** `to` ← the states it may be reached from. EXECUTED, FAILED, REJECTED and EXPIRED are final. */
export const APPROVAL_MOVES: Readonly<Record<ApprovalStateName, readonly ApprovalStateName[]>> = {
  PENDING: [],
  // A second person approved it: the one who won this move runs the action, nobody else.
  APPROVED: ["PENDING"],
  // The action ran (its result recorded) or threw (its error recorded).
  EXECUTED: ["APPROVED"],
  FAILED: ["APPROVED"],
  // A second person said no, with a reason.
  REJECTED: ["PENDING"],
  // Nobody decided before it expired.
  EXPIRED: ["PENDING"],
};

/** What can be held for approval, and what its threshold counts. */
export const APPROVAL_RULES = {
  bulk_retry: { label: "Bulk retry of failures over", unit: "failures" },
  bulk_discard: { label: "Bulk discard of failures over", unit: "failures" },
  full_resync: { label: "Full resync of an entity (every one when enabled)", unit: "" },
  replay: { label: "Replay of Kafka messages over", unit: "messages" },
} as const;
export type ApprovalRuleId = keyof typeof APPROVAL_RULES;
export const APPROVAL_RULE_IDS = Object.keys(APPROVAL_RULES) as [ApprovalRuleId, ...ApprovalRuleId[]];
