import type { Db, Prisma } from "@icp/db";
import { APPROVAL_MOVES, APPROVAL_RULES, type ApprovalRuleId, type ApprovalStateName } from "@icp/domain";
import { type AuditedContext, appError, toJson } from "./trpc";

/**
 * Four-eyes approval, one generic module. A gated mutation asks `holdForApproval` before it acts:
 * above its rule's threshold the action does not run; a request holding its exact input is stored
 * (and audited) and the mutation returns `{ pendingApproval }`, which the UI shows. A second
 * person with approvals.decide approves (the stored input runs once, in their request, through
 * the executor the approvals router names for that action) or rejects it with a reason. The
 * requester can never decide their own request, an expired one cannot be approved, and every
 * move is a compare-and-set on the request's state (APPROVAL_MOVES), so a double click or two
 * approvers at once run it once.
 */

/** The actions that can be held, each with the rule whose threshold it is measured against. */
export const HELD_ACTIONS = {
  "failures.retryMany": "bulk_retry",
  "failures.discardMany": "bulk_discard",
  "resync.start": "full_resync",
  "replay.start": "replay",
} as const satisfies Record<string, ApprovalRuleId>;
export type HeldAction = keyof typeof HELD_ACTIONS;

function isHeldAction(value: string): value is HeldAction {
  return Object.hasOwn(HELD_ACTIONS, value);
}

/** What a held mutation returns instead of its result. */
export interface PendingApproval {
  pendingApproval: {
    id: string;
    action: HeldAction;
    rule: ApprovalRuleId;
    size: number;
    threshold: number;
    expiresAt: Date;
  };
}

export function isPendingApproval(value: unknown): value is PendingApproval {
  return typeof value === "object" && value !== null && "pendingApproval" in value;
}

/** A rule as stored (with who changed it last), or its migration default when the row is missing. */
export interface ApprovalRuleValue {
  id: ApprovalRuleId;
  enabled: boolean;
  threshold: number;
  expiryHours: number;
  updatedBy: string | null;
  updatedAt: Date | null;
}
const DEFAULT_RULES: Record<
  ApprovalRuleId,
  Pick<ApprovalRuleValue, "enabled" | "threshold" | "expiryHours">
> = {
  bulk_retry: { enabled: true, threshold: 100, expiryHours: 24 },
  bulk_discard: { enabled: true, threshold: 100, expiryHours: 24 },
  full_resync: { enabled: false, threshold: 0, expiryHours: 24 },
  replay: { enabled: true, threshold: 1000, expiryHours: 24 },
};

export async function approvalRules(db: Pick<Db, "approvalRule">): Promise<ApprovalRuleValue[]> {
  const rows = await db.approvalRule.findMany();
  return (Object.keys(APPROVAL_RULES) as ApprovalRuleId[]).map((id) => {
    const row = rows.find((r) => r.id === id);
    return row
      ? {
          id,
          enabled: row.enabled,
          threshold: row.threshold,
          expiryHours: row.expiryHours,
          updatedBy: row.updatedBy,
          updatedAt: row.updatedAt,
        }
      : { id, ...DEFAULT_RULES[id], updatedBy: null, updatedAt: null };
  });
}

/** Whether `size` needs a second person under the rule: full_resync counts every one. */
export function needsApproval(rule: ApprovalRuleValue, size: number): boolean {
  if (!rule.enabled) return false;
  return rule.id === "full_resync" ? true : size > rule.threshold;
}

/**
 * The one call a gated mutation makes before it acts. Returns null when the action may run now;
 * otherwise stores the request (with its audit row, in one transaction) and returns what the
 * mutation must return instead of acting.
 */
export async function holdForApproval(
  ctx: AuditedContext,
  held: {
    action: HeldAction;
    /** How many items it acts on; a function when counting is costly (a Kafka range). */
    size: number | (() => Promise<number>);
    /** A cheap upper bound of `size`: at or under the threshold, `size` is never counted. */
    atMost?: number | undefined;
    input: unknown;
    summary: string;
    reason?: string | null;
  },
): Promise<PendingApproval | null> {
  // The approved request running this very action: it was held once, it runs now.
  if (ctx.approval?.action === held.action) {
    // …but never on more than the approver saw: a scope that grew since the request is refused.
    const now = typeof held.size === "number" ? held.size : await held.size();
    if (now > ctx.approval.size) {
      throw appError(
        "APPROVAL_SCOPE_GREW",
        `It would now act on ${now} item(s); ${ctx.approval.size} were approved. Ask again.`,
      );
    }
    return null;
  }
  const ruleId = HELD_ACTIONS[held.action];
  const rule = (await approvalRules(ctx.services.db)).find((r) => r.id === ruleId) as ApprovalRuleValue;
  // Off, or at most the threshold by the cheap bound: nothing to count.
  if (!needsApproval(rule, held.atMost ?? Number.POSITIVE_INFINITY)) return null;
  const size = typeof held.size === "number" ? held.size : await held.size();
  if (!needsApproval(rule, size)) return null;
  const expiresAt = new Date(Date.now() + rule.expiryHours * 3_600_000);
  const request = await ctx.services.db.$transaction(async (tx) => {
    const created = await tx.approvalRequest.create({
      data: {
        rule: ruleId,
        action: held.action,
        input: toJson(held.input) ?? {},
        size,
        threshold: rule.threshold,
        summary: held.summary,
        reason: held.reason ?? null,
        requestedBy: ctx.user.id,
        requestedByEmail: ctx.user.email || null,
        expiresAt,
      },
    });
    await ctx.audit(
      {
        action: "approval.request",
        targetType: "approval",
        targetId: created.id,
        reason: held.reason ?? null,
        after: {
          action: held.action,
          rule: ruleId,
          size,
          threshold: rule.threshold,
          summary: held.summary,
          input: held.input,
          expiresAt,
        },
      },
      tx,
    );
    return created;
  });
  return {
    pendingApproval: {
      id: request.id,
      action: held.action,
      rule: ruleId,
      size,
      threshold: rule.threshold,
      expiresAt,
    },
  };
}

type Tx = Prisma.TransactionClient;

/** The audit row of a move nobody made in a request (an expiry): the system's. */
function systemAudit(id: string, action: string, before: unknown, after: unknown) {
  return {
    actorId: "system:approvals",
    actorRole: "SYSTEM" as const,
    action,
    targetType: "approval",
    targetId: id,
    before: toJson(before) ?? {},
    after: toJson(after) ?? {},
  };
}

/**
 * PENDING requests past their expiry become EXPIRED, each with a system audit row, in one
 * transaction. Run before anything reads or decides requests (there is no background sweeper:
 * an expired request is found expired by the next look at it).
 */
export async function expireDue(db: Db, now = new Date()): Promise<number> {
  return db.$transaction(async (tx) => {
    const expired = await tx.approvalRequest.updateManyAndReturn({
      where: { state: { in: [...APPROVAL_MOVES.EXPIRED] }, expiresAt: { lte: now } },
      data: { state: "EXPIRED", decidedAt: now },
      select: { id: true, expiresAt: true, action: true },
    });
    if (expired.length > 0) {
      await tx.auditLog.createMany({
        data: expired.map((r) =>
          systemAudit(
            r.id,
            "approval.expire",
            { state: "PENDING" },
            { state: "EXPIRED", expiresAt: r.expiresAt },
          ),
        ),
      });
    }
    return expired.length;
  });
}

/**
 * A compare-and-set move of one request: the request as moved, or null when its state was not one
 * `to` is reached from.
 */
async function move(
  tx: Tx,
  id: string,
  to: ApprovalStateName,
  data: Prisma.ApprovalRequestUpdateManyMutationInput,
  extra: Prisma.ApprovalRequestWhereInput = {},
) {
  const [moved] = await tx.approvalRequest.updateManyAndReturn({
    where: { id, state: { in: [...APPROVAL_MOVES[to]] }, ...extra },
    data: { ...data, state: to },
  });
  return moved ?? null;
}

/** Why a decision was refused, as a typed error (the request as it is now). */
async function refusal(db: Db, ctx: AuditedContext, id: string, now: Date): Promise<never> {
  const r = await db.approvalRequest.findUnique({ where: { id } });
  if (!r) throw appError("APPROVAL_NOT_FOUND", `No approval request ${id}.`);
  if (r.requestedBy === ctx.user.id) {
    throw appError("APPROVAL_SELF", "You asked for this action; another person must decide it.");
  }
  if (r.state === "EXPIRED" || (r.state === "PENDING" && r.expiresAt <= now)) {
    throw appError("APPROVAL_EXPIRED", `Request ${id} expired at ${r.expiresAt.toISOString()}; ask again.`);
  }
  throw appError("APPROVAL_DECIDED", `Request ${id} is ${r.state.toLowerCase()} already.`);
}

/** Runs an approved request's stored input (its id, action and approved size name it). */
export type ApprovalExecutor = (
  ctx: AuditedContext,
  request: { id: string; action: HeldAction; size: number; input: unknown },
) => Promise<unknown>;

/** Reject: PENDING → REJECTED by someone other than the requester, with a reason, audited. */
export async function rejectRequest(ctx: AuditedContext, id: string, reason: string) {
  const db = ctx.services.db;
  const now = new Date();
  await expireDue(db, now);
  const rejected = await db.$transaction(async (tx) => {
    const moved = await move(
      tx,
      id,
      "REJECTED",
      {
        decidedBy: ctx.user.id,
        decidedByEmail: ctx.user.email || null,
        decidedAt: now,
        decisionReason: reason,
      },
      { requestedBy: { not: ctx.user.id }, expiresAt: { gt: now } },
    );
    if (moved) {
      await ctx.audit(
        {
          action: "approval.reject",
          targetType: "approval",
          targetId: id,
          reason,
          before: { state: "PENDING" },
          after: { state: "REJECTED" },
        },
        tx,
      );
    }
    return moved;
  });
  return rejected ?? refusal(db, ctx, id, now);
}

/**
 * Approve and run: PENDING → APPROVED (one winner: the compare-and-set, with the approval's audit
 * row), then the stored input runs through `run` in the approver's request, and
 * APPROVED → EXECUTED with its result (or FAILED with its error), audited.
 */
export async function approveRequest(
  ctx: AuditedContext,
  id: string,
  reason: string | null,
  run: ApprovalExecutor,
) {
  const db = ctx.services.db;
  const now = new Date();
  await expireDue(db, now);
  const request = await db.$transaction(async (tx) => {
    const moved = await move(
      tx,
      id,
      "APPROVED",
      {
        decidedBy: ctx.user.id,
        decidedByEmail: ctx.user.email || null,
        decidedAt: now,
        decisionReason: reason,
      },
      { requestedBy: { not: ctx.user.id }, expiresAt: { gt: now } },
    );
    if (!moved) return null;
    await ctx.audit(
      {
        action: "approval.approve",
        targetType: "approval",
        targetId: id,
        reason,
        before: { state: "PENDING" },
        after: {
          state: "APPROVED",
          action: moved.action,
          size: moved.size,
          requestedBy: moved.requestedByEmail ?? moved.requestedBy,
        },
      },
      tx,
    );
    return moved;
  });
  if (!request) return refusal(db, ctx, id, now);

  let result: unknown;
  let error: string | null = null;
  try {
    if (!isHeldAction(request.action))
      throw new Error(`${request.action} is not an action that can be held.`);
    result = await run(ctx, { ...request, action: request.action });
  } catch (e) {
    error = (e as Error).message;
  }
  const to = error === null ? "EXECUTED" : "FAILED";
  const summary = error === null ? summariseResult(result) : null;
  return db.$transaction(async (tx) => {
    const done = await move(tx, id, to, { executedAt: new Date(), result: toJson(summary) ?? {}, error });
    await ctx.audit(
      {
        action: "approval.execute",
        targetType: "approval",
        targetId: id,
        reason: request.reason,
        before: { state: "APPROVED", action: request.action, input: request.input },
        after: { state: to, result: summary, error },
      },
      tx,
    );
    return done ?? tx.approvalRequest.findUniqueOrThrow({ where: { id } });
  });
}

/** An action's result without its per-row list (kept in the row's own audit entries). */
function summariseResult(result: unknown): unknown {
  if (typeof result !== "object" || result === null) return result ?? null;
  const { results: _rows, ...rest } = result as Record<string, unknown>;
  return rest;
}
