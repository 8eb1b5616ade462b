"use client";
/**
 * Notices after an action, on Sonner: one polite live region ("Notifications", alt+T focuses it),
 * stacked, dismissible, kept long enough to read. Use notify() instead of ad-hoc
 * status paragraphs.
 */
import type { PendingApproval } from "@icp/api";
import { Toaster, toast } from "sonner";

export function ConsoleToaster() {
  return <Toaster position="bottom-right" closeButton richColors duration={8_000} />;
}

export function notify(text: string, detail?: string) {
  toast.success(text, detail ? { description: detail } : {});
}

/**
 * Whether a mutation was held for four-eyes approval instead of running (the client's copy of
 * @icp/api's isPendingApproval, whose module the browser bundle must not import).
 */
export function isHeld(result: unknown): result is PendingApproval {
  return typeof result === "object" && result !== null && "pendingApproval" in result;
}

/**
 * The notice for an action held for approval: it did not run; a second person must approve it
 * on the Approvals page before it expires. Links to the request.
 */
export function notifyPending(held: PendingApproval, what: string) {
  const p = held.pendingApproval;
  toast.info(`${what}: held for approval`, {
    description: (
      <span data-testid="pending-approval">
        {p.threshold > 0 ? `${p.size} item(s), over the threshold of ${p.threshold}. ` : ""}A second person
        must approve it before {new Date(p.expiresAt).toLocaleString("en-GB", { hour12: false })}.{" "}
        <a href={`/approvals/${p.id}`}>Open the request</a>
      </span>
    ),
    duration: 20_000,
  });
}
