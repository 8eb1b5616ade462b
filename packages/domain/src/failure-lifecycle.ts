/**
 * A failure record's states and every allowed move, in one table: the worker (a job that ended
 * failed, or succeeded after a retry), the console's Failures screen (retry, discard) and its
 * Queues screen go through it, so no screen can move a failure another way.
 */
export const FailureStates = ["OPEN", "RETRYING", "RESOLVED", "DISCARDED"] as const;
export type FailureStateName = (typeof FailureStates)[number];

/** `to` ← the states it may be reached from. RESOLVED and DISCARDED are final. */
export const FAILURE_MOVES: Readonly<Record<FailureStateName, readonly FailureStateName[]>> = {
  // The retried work failed again: back in the inbox (one record per failing thing, never two).
  OPEN: ["RETRYING"],
  // An operator (or a bulk action) retried it.
  RETRYING: ["OPEN"],
  // The work succeeded: by a retry, or on its own (an order booked after all).
  RESOLVED: ["OPEN", "RETRYING"],
  // An operator gave up on it, with a reason.
  DISCARDED: ["OPEN"],
};

/** States in which a failure is still the operator's business (shown in the inbox). */
export const UNSETTLED_FAILURE: readonly FailureStateName[] = ["OPEN", "RETRYING"];

export function failureMoveAllowed(from: FailureStateName, to: FailureStateName): boolean {
  return FAILURE_MOVES[to].includes(from);
}
