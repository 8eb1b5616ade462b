import { z } from "zod";
import { optionalReason, pageInput, reason, uuid } from "../list";

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
  /**
   * Only failures created in this window (absolute). A bulk action pins its filter's ages to
   * these at request time (`pinFilter`), so an action held for approval acts on the failures
   * that existed when it was asked for, not on whatever matches when someone approves it.
   */
  createdFrom: z.coerce.date().optional(),
  createdUpTo: z.coerce.date().optional(),
  q: z.string().trim().max(200).optional(),
  /** WEBHOOK failures of one endpoint (the endpoint id their payload names). */
  endpointId: uuid.optional(),
  /** Failures whose payload names this SKU: an order's line, or a stock level's material. */
  sku: z.string().trim().min(1).max(100).optional(),
  /** Owned by this staff member (email or id); `null`: owned by nobody. */
  assignee: z.string().trim().min(1).max(320).nullable().optional(),
  /** Carrying this tag. */
  tag: z.string().trim().toLowerCase().max(40).optional(),
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
/** Every bulk action of the inbox (retry, discard, assign, tag) stops at the same number of rows. */
export const BULK_CAP = BULK_RETRY_CAP;
export const retryManyInput = z.object({ filter: failureFilter, reason });

/**
 * A tag: a free label, lower-cased, letters/digits and `-_.:/` only (so it reads the same in a
 * URL and in the audit log), at most 40 characters; a failure holds at most 20.
 */
export const tagLabel = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, "A tag cannot be empty.")
  .max(40, "A tag is at most 40 characters.")
  .regex(/^[a-z0-9][a-z0-9_.:/-]*$/, "A tag is letters, digits and - _ . : / only.");
export const MAX_TAGS = 20;
const tagList = z.array(tagLabel).max(MAX_TAGS);

/** What the dry run of a bulk action counts: each action has the states it can act on. */
export const BULK_ACTIONS = ["retry", "discard", "assign", "tag"] as const;
export type BulkAction = (typeof BULK_ACTIONS)[number];
export const bulkPreviewInput = z.object({ action: z.enum(BULK_ACTIONS), filter: failureFilter });
export const discardManyInput = z.object({ filter: failureFilter, reason });

/** `assignee`: "me" (the caller) or null (unassign). Nobody else's name can be written. */
const assigneeChoice = z.enum(["me"]).nullable();
export const assignInput = z.object({ id: uuid, assignee: assigneeChoice, reason: optionalReason });
export const assignManyInput = z.object({ filter: failureFilter, assignee: assigneeChoice, reason });
export const tagInput = z
  .object({ id: uuid, add: tagList.default([]), remove: tagList.default([]), reason: optionalReason })
  .refine((v) => v.add.length + v.remove.length > 0, "Add or remove at least one tag.");
export const tagManyInput = z
  .object({ filter: failureFilter, add: tagList.default([]), remove: tagList.default([]), reason })
  .refine((v) => v.add.length + v.remove.length > 0, "Add or remove at least one tag.");

/** The causes the inbox groups open failures by. */
export const GROUP_BY = ["sapErrorCode", "endpoint", "sku"] as const;
export type GroupBy = (typeof GROUP_BY)[number];
export const groupsInput = z.object({ by: z.enum(GROUP_BY) });
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
