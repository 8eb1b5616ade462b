import type { Prisma } from "@icp/db";
import { APPROVAL_RULE_IDS, APPROVAL_RULES } from "@icp/domain";
import { z } from "zod";
import {
  type ApprovalExecutor,
  approvalRules,
  approveRequest,
  expireDue,
  rejectRequest,
} from "../../approvals";
import { createCallerFactory, mutationFor, procedureFor, router } from "../../trpc";
import { optionalReason, paged, pageInput, paging, reason, uuid } from "../list";

/**
 * What an approved request runs: the held procedure itself, called with the stored input in the
 * approver's request (its gate and input schema apply again; the approver's permissions must
 * allow it), marked with the approval so it is not held a second time.
 */
const runHeld: ApprovalExecutor = async (ctx, request) => {
  // Imported when run: root.ts imports this router.
  const { appRouter } = await import("../../root");
  const { audit: _audit, ...plain } = ctx;
  const caller = createCallerFactory(appRouter)({
    ...plain,
    approval: { id: request.id, action: request.action, size: request.size },
  });
  let fn: unknown = caller;
  for (const part of request.action.split(".")) fn = (fn as Record<string, unknown>)[part];
  return (fn as (i: unknown) => Promise<unknown>)(request.input);
};

/** The approvals list's views as filters. */
const VIEWS = {
  open: { state: "PENDING" },
  decided: { state: { not: "PENDING" } },
  all: {},
} as const satisfies Record<string, Prisma.ApprovalRequestWhereInput>;

/**
 * Four-eyes approval: held requests (list, get), their decision (approvals.decide; never by the
 * requester), and the rules that say what is held (Settings, settings.manage).
 */
export const approvalsRouter = router({
  list: procedureFor("console.read")
    .input(
      z.object({
        ...pageInput,
        /** "open": PENDING only; "decided": everything else. */
        view: z.enum(["open", "decided", "all"]).default("all"),
      }),
    )
    .query(async ({ ctx, input }) => {
      await expireDue(ctx.services.db);
      const where = VIEWS[input.view];
      const [rows, total] = await Promise.all([
        ctx.services.db.approvalRequest.findMany({
          where,
          orderBy: [{ requestedAt: input.dir }, { id: input.dir }],
          ...paging(input),
        }),
        ctx.services.db.approvalRequest.count({ where }),
      ]);
      return paged(rows, total, input);
    }),
  get: procedureFor("console.read")
    .input(z.object({ id: uuid }))
    .query(async ({ ctx, input }) => {
      await expireDue(ctx.services.db);
      const request = await ctx.services.db.approvalRequest.findUnique({ where: { id: input.id } });
      if (!request) return null;
      const audit = await ctx.services.db.auditLog.findMany({
        where: { targetType: "approval", targetId: input.id },
        orderBy: { at: "asc" },
      });
      return { ...request, mine: request.requestedBy === ctx.user.id, audit };
    }),
  approve: mutationFor("approvals.decide")
    .input(z.object({ id: uuid, reason: optionalReason }))
    .mutation(({ ctx, input }) => approveRequest(ctx, input.id, input.reason ?? null, runHeld)),
  reject: mutationFor("approvals.decide")
    .input(z.object({ id: uuid, reason }))
    .mutation(({ ctx, input }) => rejectRequest(ctx, input.id, input.reason)),
  rules: procedureFor("console.read").query(async ({ ctx }) =>
    (await approvalRules(ctx.services.db)).map((r) => ({ ...r, ...APPROVAL_RULES[r.id] })),
  ),
  updateRule: mutationFor("settings.manage")
    .input(
      z.object({
        id: z.enum(APPROVAL_RULE_IDS),
        enabled: z.boolean(),
        threshold: z
          .number()
          .int("A whole number.")
          .min(0, "The threshold cannot be negative.")
          .max(10_000_000),
        expiryHours: z
          .number()
          .int("Whole hours.")
          .min(1, "At least 1 hour.")
          .max(24 * 30, "At most 30 days."),
        reason,
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const by = ctx.user.email || ctx.user.id;
      const { id, reason: why, ...value } = input;
      return ctx.services.db.$transaction(async (tx) => {
        const before = (await approvalRules(tx)).find((r) => r.id === id);
        const after = await tx.approvalRule.upsert({
          where: { id },
          create: { id, ...value, updatedBy: by },
          update: { ...value, updatedBy: by },
        });
        await ctx.audit(
          {
            action: "approval_rule.update",
            targetType: "approval_rule",
            targetId: id,
            reason: why,
            before: before && {
              enabled: before.enabled,
              threshold: before.threshold,
              expiryHours: before.expiryHours,
            },
            after: { enabled: after.enabled, threshold: after.threshold, expiryHours: after.expiryHours },
          },
          tx,
        );
        return after;
      });
    }),
});
