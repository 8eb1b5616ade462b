import { type FailureRecordModel as FailureRecord, Prisma } from "@icp/db";
import {
  FAILURE_MOVES,
  type FailureStateName,
  failureMoveAllowed,
  sapExternalMaterial,
  sapExternalNumber,
  UNSETTLED_FAILURE,
} from "@icp/domain";
import { inTransaction, lockOrder, recordOperatorAction } from "@icp/orders";
import { TRPCError } from "@trpc/server";
import type { ApiContext } from "../../context";
import { RetryRefusedError } from "../../ports";
import { type AuditedContext, appError, toJson } from "../../trpc";
import { likeLiteral } from "../like";
import { paged, paging } from "../list";
import { BULK_RETRY_CAP, type BulkAction, type FailureFilter } from "./schema";

type Ctx = AuditedContext;

/**
 * The inbox's search box, by business key: the failure's key (order id = the purchase order SAP
 * keeps, sales order, product/plant …) or message, partly; its order's SAP document or customer
 * (storefront or SAP id), exactly, SAP's numbers with or without their leading zeros; a SKU on
 * the order's lines or a stock level's material, exactly; the customer the failed order's
 * payload names.
 */
export function failureSearch(q: string): Prisma.FailureRecordWhereInput {
  // SAP's numbers are kept in their external form: a pasted `0000000012` is sales order 12.
  const sapQ = sapExternalNumber(q);
  return {
    OR: [
      { entityKey: { contains: likeLiteral(q), mode: "insensitive" as const } },
      { message: { contains: likeLiteral(q), mode: "insensitive" as const } },
      { orderLink: { is: { OR: [{ sapSalesOrder: sapQ }, { customerId: q }, { sapCustomer: sapQ }] } } },
      { payload: { path: ["lines"], array_contains: [{ sku: q }] } },
      { payload: { path: ["order", "lines"], array_contains: [{ sku: q }] } },
      { flow: "INVENTORY", payload: { path: ["material"], equals: sapExternalMaterial(q) } },
      { payload: { path: ["customerId"], equals: q } },
      { payload: { path: ["order", "customerId"], equals: q } },
    ],
  };
}

const earlier = (a: Date | undefined, b: Date | undefined) => (a && b ? (a < b ? a : b) : (a ?? b));
const later = (a: Date | undefined, b: Date | undefined) => (a && b ? (a > b ? a : b) : (a ?? b));

/** The creation window a filter names: its ages as of `now` and its absolute bounds, the tighter of each. */
function createdWindow(f: FailureFilter, now: Date): { gte?: Date; lte?: Date } {
  const ago = (minutes: number | undefined) =>
    minutes === undefined ? undefined : new Date(now.getTime() - minutes * 60_000);
  const lte = earlier(ago(f.minAgeMinutes), f.createdUpTo);
  const gte = later(ago(f.maxAgeMinutes), f.createdFrom);
  return { ...(lte ? { lte } : {}), ...(gte ? { gte } : {}) };
}

/**
 * The filter with its relative ages made absolute and an upper bound of `now`: the same failures
 * today and when a second person approves it tomorrow (failures that arrive later are not in it).
 */
export function pinFilter(f: FailureFilter, now = new Date()): FailureFilter {
  const { minAgeMinutes: _min, maxAgeMinutes: _max, ...rest } = f;
  const { lte, gte } = createdWindow(f, now);
  return { ...rest, createdUpTo: earlier(lte, now) ?? now, ...(gte ? { createdFrom: gte } : {}) };
}

export function failureWhere(f: FailureFilter, now = new Date()): Prisma.FailureRecordWhereInput {
  const createdAt = createdWindow(f, now);
  // Conditions that are ORs of their own (search, SKU) are ANDed, so one never replaces the other.
  const and: Prisma.FailureRecordWhereInput[] = [];
  if (f.q) and.push(failureSearch(f.q));
  // A webhook failure names its delivery's endpoint in its payload (apps/worker webhooks.ts).
  if (f.endpointId) and.push({ flow: "WEBHOOK", payload: { path: ["endpointId"], equals: f.endpointId } });
  // An order's failure holds the order (lines[].sku); a stock level's, the material.
  if (f.sku)
    and.push({
      OR: [
        { payload: { path: ["lines"], array_contains: [{ sku: f.sku }] } },
        { flow: "INVENTORY", payload: { path: ["material"], equals: f.sku } },
      ],
    });
  return {
    ...(f.flow ? { flow: f.flow } : {}),
    ...(f.errorClass ? { errorClass: f.errorClass } : {}),
    ...(f.state ? { state: f.state } : {}),
    ...(f.sapErrorCode ? { sapErrorCode: f.sapErrorCode } : {}),
    ...(f.assignee !== undefined ? { assignee: f.assignee } : {}),
    ...(f.tag ? { tags: { has: f.tag } } : {}),
    ...(Object.keys(createdAt).length ? { createdAt } : {}),
    ...(and.length ? { AND: and } : {}),
  };
}

export async function listFailures(
  ctx: ApiContext,
  input: { page: number; pageSize: number; dir: "asc" | "desc"; sort: string; filter: FailureFilter },
) {
  const where = failureWhere(input.filter);
  const [rows, total] = await Promise.all([
    ctx.services.db.failureRecord.findMany({
      where,
      orderBy: [{ [input.sort]: input.dir }, { id: input.dir }],
      ...paging(input),
      select: {
        id: true,
        flow: true,
        errorClass: true,
        state: true,
        sapErrorCode: true,
        message: true,
        attempts: true,
        entityKey: true,
        assignee: true,
        tags: true,
        createdAt: true,
        updatedAt: true,
      },
    }),
    ctx.services.db.failureRecord.count({ where }),
  ]);
  return paged(rows, total, input);
}

/** Retry and discard both start from OPEN (the failure state table, @icp/domain). */
export async function loadForChange(ctx: ApiContext, id: string): Promise<FailureRecord> {
  const record = await ctx.services.db.failureRecord.findUnique({ where: { id } });
  if (!record) throw new TRPCError({ code: "NOT_FOUND", message: `No failure ${id}.` });
  if (!failureMoveAllowed(record.state, "RETRYING") || !failureMoveAllowed(record.state, "DISCARDED")) {
    throw appError(
      "FAILURE_NOT_OPEN",
      `Failure ${id} is ${record.state}; only OPEN failures can be retried or discarded.`,
    );
  }
  return record;
}

/**
 * Retry one failure: the side effect first (re-enqueue / re-publish), then the record's new
 * state and the audit row in one transaction. If the side effect throws nothing changes.
 */
export async function retryRecord(
  ctx: Ctx,
  record: FailureRecord,
  opts: { reason?: string | undefined; editedPayload?: Record<string, unknown>; action: string },
) {
  const payload = opts.editedPayload ?? record.payload;
  const outcome = await ctx.services.failures.retry(record, payload).catch((e: unknown) => {
    if (e instanceof RetryRefusedError) throw appError("RETRY_REFUSED", e.message);
    throw e;
  });
  const now = new Date();
  const data: Prisma.FailureRecordUpdateInput = {
    state: outcome.state,
    lastAttemptAt: now,
    ...(outcome.state === "RESOLVED" ? { resolvedAt: now, resolvedBy: ctx.user.email || ctx.user.id } : {}),
    ...(opts.editedPayload
      ? {
          payload: toJson(opts.editedPayload) ?? Prisma.JsonNull,
          // Keep the first payload we ever saw; a second edit must not overwrite it.
          ...(record.originalPayload === null ? { originalPayload: toJson(record.payload) } : {}),
        }
      : {}),
  };
  return inTransaction(ctx.services.db, async (tx) => {
    // The order's row first, as the order's owner locks it: the worker booking the retried
    // order at this moment resolves this same failure, and the two must queue, not deadlock.
    if (record.orderLinkId) await lockOrder(tx, record.orderLinkId);
    // Conditional on the state table: a concurrent discard or retry that got there first wins.
    const moved = await tx.failureRecord.updateMany({
      where: { id: record.id, state: { in: [...FAILURE_MOVES[outcome.state]] } },
      data,
    });
    let updated: { id: string; state: FailureRecord["state"] } = { id: record.id, state: outcome.state };
    if (moved.count !== 1) {
      // The retried work may already have succeeded (and resolved the failure) before this
      // transaction ran: that is the retry's outcome, not a conflict.
      const now = await tx.failureRecord.findUniqueOrThrow({
        where: { id: record.id },
        select: { state: true },
      });
      if (now.state !== "RESOLVED")
        throw appError("FAILURE_CHANGED", "The failure changed meanwhile; reload and try again.");
      updated = { id: record.id, state: now.state };
    }
    if (record.orderLinkId)
      await recordOperatorAction(tx, record.orderLinkId, {
        action: opts.action,
        failureId: record.id,
        by: ctx.user.email,
        outcome: outcome.detail,
      });
    await ctx.audit(
      {
        action: opts.action,
        targetType: "failure",
        targetId: record.id,
        reason: opts.reason ?? null,
        before: {
          state: record.state,
          ...(opts.editedPayload ? { payload: record.payload } : {}),
        },
        after: {
          state: updated.state,
          outcome: outcome.detail,
          ...(opts.editedPayload ? { payload: opts.editedPayload } : {}),
        },
      },
      tx,
    );
    return { id: updated.id, state: updated.state, detail: outcome.detail };
  });
}

export async function retryOne(ctx: Ctx, input: { id: string; reason?: string | undefined }) {
  const record = await loadForChange(ctx, input.id);
  return retryRecord(ctx, record, { reason: input.reason, action: "failure.retry" });
}

export async function editAndRetry(
  ctx: Ctx,
  input: { id: string; reason: string; payload: Record<string, unknown> },
) {
  const record = await loadForChange(ctx, input.id);
  return retryRecord(ctx, record, {
    reason: input.reason,
    editedPayload: input.payload,
    action: "failure.edit_retry",
  });
}

/**
 * The states each bulk action can act on, from the state table: retry and discard only what may
 * move to RETRYING / DISCARDED (OPEN); assign and tag what is still the operator's business.
 */
const BULK_STATES: Record<BulkAction, readonly FailureStateName[]> = {
  retry: FAILURE_MOVES.RETRYING,
  discard: FAILURE_MOVES.DISCARDED,
  assign: UNSETTLED_FAILURE,
  tag: UNSETTLED_FAILURE,
};

/**
 * The filter AND the action's states: a bulk action never touches a record the state table does
 * not let it move, whatever the filter says (a filter on RESOLVED matches nothing to retry).
 */
export function bulkWhere(
  filter: FailureFilter,
  action: BulkAction = "retry",
): Prisma.FailureRecordWhereInput {
  return { AND: [failureWhere(filter), { state: { in: [...BULK_STATES[action]] } }] };
}

export async function retryManyCount(ctx: ApiContext, input: { filter: FailureFilter }) {
  const count = await ctx.services.db.failureRecord.count({ where: bulkWhere(input.filter) });
  return { count, cap: BULK_RETRY_CAP };
}

export async function retryMany(ctx: Ctx, input: { filter: FailureFilter; reason: string }) {
  const records = await ctx.services.db.failureRecord.findMany({
    where: bulkWhere(input.filter),
    orderBy: { createdAt: "asc" },
    take: BULK_RETRY_CAP,
  });
  const { results, ok: retried } = await eachRecord(records, async (r) => {
    const res = await retryRecord(ctx, r, { reason: input.reason, action: "failure.retry_bulk" });
    return { state: res.state };
  });
  // One summary row as well, so the bulk action itself is findable (and an empty match is audited too).
  await ctx.audit({
    action: "failure.retry_many",
    targetType: "failure",
    targetId: null,
    reason: input.reason,
    before: { filter: input.filter, matched: records.length },
    after: { retried, failed: results.length - retried, ids: results.map((r) => r.id) },
  });
  return { matched: records.length, retried, failed: results.length - retried, results };
}

/**
 * A bulk action's rows one by one, each in its own transaction (as a single action would): a row
 * that is refused (changed meanwhile, a retry refused) is reported and the others go on.
 */
export async function eachRecord<R extends { id: string }, T extends object>(
  records: R[],
  act: (r: R) => Promise<T>,
) {
  const results: (({ id: string; ok: true } & T) | { id: string; ok: false; error: string })[] = [];
  for (const r of records) {
    try {
      results.push({ id: r.id, ok: true, ...(await act(r)) });
    } catch (e) {
      results.push({ id: r.id, ok: false, error: (e as Error).message });
    }
  }
  return { results, ok: results.filter((r) => r.ok).length };
}

export async function discard(ctx: Ctx, input: { id: string; reason: string }) {
  const record = await loadForChange(ctx, input.id);
  return discardRecord(ctx, record, { reason: input.reason, action: "failure.discard" });
}

/**
 * Discard one failure, OPEN → DISCARDED as a compare-and-set on the state table, with the order's
 * timeline entry (an order's failure) and the audit row in the same transaction.
 */
export async function discardRecord(
  ctx: Ctx,
  record: FailureRecord,
  opts: { reason: string; action: string },
) {
  return inTransaction(ctx.services.db, async (tx) => {
    if (record.orderLinkId) await lockOrder(tx, record.orderLinkId);
    const now = new Date();
    // Conditional update: a concurrent retry that got there first wins and this one refuses.
    const res = await tx.failureRecord.updateMany({
      where: { id: record.id, state: { in: [...FAILURE_MOVES.DISCARDED] } },
      data: {
        state: "DISCARDED",
        discardedAt: now,
        discardedBy: ctx.user.email || ctx.user.id,
        discardReason: opts.reason,
      },
    });
    if (res.count !== 1) {
      throw appError("FAILURE_CHANGED", "The failure changed meanwhile; reload and try again.");
    }
    // The order's owner sees a discard (bulk or not) as one: it discards the order too.
    if (record.orderLinkId)
      await recordOperatorAction(tx, record.orderLinkId, {
        action: "failure.discard",
        failureId: record.id,
        by: ctx.user.email,
        reason: opts.reason,
      });
    await ctx.audit(
      {
        action: opts.action,
        targetType: "failure",
        targetId: record.id,
        reason: opts.reason,
        before: { state: record.state },
        after: { state: "DISCARDED" },
      },
      tx,
    );
    return { id: record.id, state: "DISCARDED" as const };
  });
}
