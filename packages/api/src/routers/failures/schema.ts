import { z } from "zod";
import { pageInput, reason, uuid } from "../list";

export const FLOWS = ["ORDERS", "ORDER_STATUS", "INVENTORY", "MASTER_DATA", "WEBHOOK"] as const;
export const ERROR_CLASSES = ["BUSINESS", "TRANSIENT", "POISON"] as const;
export const FAILURE_STATES = ["OPEN", "RETRYING", "RESOLVED", "DISCARDED"] as const;

export const failureFilter = z.object({
  flow: z.enum(FLOWS).optional(),
  errorClass: z.enum(ERROR_CLASSES).optional(),
  state: z.enum(FAILURE_STATES).optional(),
  sapErrorCode: z.string().trim().max(100).optional(),
  /** Only failures at least this many minutes old. */
  minAgeMinutes: z.number().int().min(0).max(525_600).optional(),
  /** Only failures at most this many minutes old. */
  maxAgeMinutes: z.number().int().min(0).max(525_600).optional(),
  q: z.string().trim().max(200).optional(),
});
export type FailureFilter = z.infer<typeof failureFilter>;

export const listInput = z.object({
  ...pageInput,
  filter: failureFilter.default({}),
  sort: z.enum(["createdAt", "updatedAt", "attempts", "flow", "errorClass"]).default("createdAt"),
});

export const retryInput = z.object({ id: uuid, reason: z.string().trim().max(500).optional() });
/** Bulk retry only touches retryable (OPEN) failures and is capped per call. */
export const BULK_RETRY_CAP = 500;
export const retryManyInput = z.object({ filter: failureFilter, reason });
export const discardInput = z.object({ id: uuid, reason });
export const editAndRetryInput = z.object({
  id: uuid,
  reason,
  /** The edited payload as JSON text: it must parse to an object. */
  payload: z
    .string()
    .max(1_000_000)
    .transform((s, ctx) => {
      try {
        const v = JSON.parse(s) as unknown;
        if (v && typeof v === "object" && !Array.isArray(v)) return v as Record<string, unknown>;
      } catch {
        // fall through
      }
      ctx.addIssue({ code: "custom", message: "The payload must be a JSON object." });
      return z.NEVER;
    }),
});
