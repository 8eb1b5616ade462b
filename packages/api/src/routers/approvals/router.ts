import { APPROVAL_RULE_IDS, APPROVAL_RULES, ApprovalStates } from "@icp/domain";
import { z } from "zod";
import {
  type ApprovalExecutor,
  approvalRules,
  approveRequest,
  expireDue,
  type HeldAction,
  rejectRequest,
} from "../../approvals";
import { mutationFor, procedureFor, router } from "../../trpc";
import { retryMany } from "../failures/handlers";
import { discardMany } from "../failures/inbox";
import { discardManyInput, retryManyInput } from "../failures/schema";
import { optionalReason, paged, pageInput, paging, reason, uuid } from "../list";
import { resyncStartInput, startResync } from "../resync/router";

/**
 * What an approved request runs: the action's own handler, past its approval check, with the
 * stored input parsed again by the procedure's schema. An action without one here fails its
 * request (FAILED, audited) instead of running anything.
 */
export const EXECUTORS: Partial<Record<HeldAction, ApprovalExecutor>> = {
  "failures.retryMany": (ctx, input) => retryMany(ctx, retryManyInput.parse(input)),
  "failures.discardMany": (ctx, input) => discardMany(ctx, discardManyInput.parse(input)),
  "resync.start": (ctx, input) => startResync(ctx, resyncStartInput.parse(input)),
};

const ruleText = (id: keyof typeof APPROVAL_RULES) => APPROVAL_RULES[id];

/**
 * Four-eyes approval: held requests (list, get), their decision (approvals.decide; never by the
 * requester), and the rules that say what is held (Settings, settings.manage).
 */
export const approvalsRouter = router({
  list: procedureFor("console.read")
    .input(
      z.object({
        ...pageInput,
        state: z.enum(ApprovalStates).optional(),
        /** "open": PENDING only; "decided": everything else. */
        view: z.enum(["open", "decided", "all"]).default("all"),
      }),
    )
    .query(async ({ ctx, input }) => {
      await expireDue(ctx.services.db);
      const where = input.state
        ? { state: input.state }
        : input.view === "open"
          ? { state: "PENDING" as const }
          : input.view === "decided"
            ? { state: { not: "PENDING" as const } }
            : {};
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
    .mutation(({ ctx, input }) => approveRequest(ctx, input.id, input.reason ?? null, EXECUTORS)),
  reject: mutationFor("approvals.decide")
    .input(z.object({ id: uuid, reason }))
    .mutation(({ ctx, input }) => rejectRequest(ctx, input.id, input.reason)),
  rules: procedureFor("console.read").query(async ({ ctx }) => {
    const rows = await ctx.services.db.approvalRule.findMany();
    return (await approvalRules(ctx.services.db)).map((r) => ({
      ...r,
      ...ruleText(r.id),
      updatedBy: rows.find((x) => x.id === r.id)?.updatedBy ?? null,
      updatedAt: rows.find((x) => x.id === r.id)?.updatedAt ?? null,
    }));
  }),
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
