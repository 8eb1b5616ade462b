import type { FailureRecordModel as FailureRecord, Prisma } from "@icp/db";
import { UNSETTLED_FAILURE } from "@icp/domain";
import { TRPCError } from "@trpc/server";
import type { ApiContext } from "../../context";
import { type AuditedContext, appError } from "../../trpc";
import { bulkWhere, discardRecord, eachRecord } from "./handlers";
import { BULK_CAP, type BulkAction, type FailureFilter, type GroupBy, MAX_TAGS } from "./schema";

/**
 * The error inbox's own operations on failure records: causes to group by, dry runs of bulk
 * actions, bulk discard (each row through `discardRecord`, the single discard's path), and
 * ownership and tags. Every bulk action is capped at BULK_CAP rows and refused above it.
 */

type Ctx = AuditedContext;

/** How many open failures share a cause, and how long the oldest has waited. */
export interface FailureGroup {
  key: string;
  /** A readable name where the key is an id (a webhook endpoint's name). */
  label: string | null;
  count: number;
  oldestAt: Date;
}

const GROUP_LIMIT = 100;

/**
 * Open failures grouped by a cause: SAP's error code; the webhook endpoint a WEBHOOK failure's
 * payload names; a SKU (an order's lines[].sku, a stock level's material — a failure of an order
 * with three SKUs counts in each of the three groups). Largest groups first.
 */
export async function failureGroups(ctx: ApiContext, by: GroupBy): Promise<FailureGroup[]> {
  const db = ctx.services.db;
  type Row = { key: string; label: string | null; count: bigint; oldest_at: Date };
  let rows: Row[];
  if (by === "sapErrorCode") {
    rows = await db.$queryRaw<Row[]>`
      SELECT sap_error_code AS key, NULL AS label, count(*) AS count, min(created_at) AS oldest_at
      FROM failure_record
      WHERE state = 'OPEN' AND sap_error_code IS NOT NULL
      GROUP BY sap_error_code
      ORDER BY count(*) DESC, sap_error_code
      LIMIT ${GROUP_LIMIT}`;
  } else if (by === "endpoint") {
    rows = await db.$queryRaw<Row[]>`
      SELECT f.payload->>'endpointId' AS key, min(e.name) AS label, count(*) AS count,
             min(f.created_at) AS oldest_at
      FROM failure_record f
      LEFT JOIN webhook_endpoint e ON e.id::text = f.payload->>'endpointId'
      WHERE f.state = 'OPEN' AND f.flow = 'WEBHOOK' AND f.payload->>'endpointId' IS NOT NULL
      GROUP BY f.payload->>'endpointId'
      ORDER BY count(*) DESC, 1
      LIMIT ${GROUP_LIMIT}`;
  } else {
    rows = await db.$queryRaw<Row[]>`
      SELECT s.sku AS key, NULL AS label, count(DISTINCT f.id) AS count, min(f.created_at) AS oldest_at
      FROM failure_record f
      CROSS JOIN LATERAL (
        SELECT l->>'sku' AS sku
        FROM jsonb_array_elements(
          CASE WHEN jsonb_typeof(f.payload->'lines') = 'array' THEN f.payload->'lines' ELSE '[]'::jsonb END
        ) AS l
        UNION
        SELECT f.payload->>'material' WHERE f.flow = 'INVENTORY'
      ) s
      WHERE f.state = 'OPEN' AND s.sku IS NOT NULL
      GROUP BY s.sku
      ORDER BY count(DISTINCT f.id) DESC, s.sku
      LIMIT ${GROUP_LIMIT}`;
  }
  return rows.map((r) => ({ key: r.key, label: r.label, count: Number(r.count), oldestAt: r.oldest_at }));
}

const SAMPLE = 10;

/** Dry run of a bulk action: what it would act on (count and the oldest few), changing nothing. */
export async function bulkPreview(ctx: ApiContext, input: { action: BulkAction; filter: FailureFilter }) {
  const where = bulkWhere(input.filter, input.action);
  const [count, sample] = await Promise.all([
    ctx.services.db.failureRecord.count({ where }),
    ctx.services.db.failureRecord.findMany({
      where,
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take: SAMPLE,
      select: {
        id: true,
        flow: true,
        state: true,
        entityKey: true,
        sapErrorCode: true,
        message: true,
        assignee: true,
        tags: true,
        createdAt: true,
      },
    }),
  ]);
  return { action: input.action, count, cap: BULK_CAP, overCap: count > BULK_CAP, sample };
}

/** The rows a bulk action acts on; more than the cap is refused before anything changes. */
async function bulkRows(ctx: Ctx, action: BulkAction, filter: FailureFilter): Promise<FailureRecord[]> {
  const rows = await ctx.services.db.failureRecord.findMany({
    where: bulkWhere(filter, action),
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: BULK_CAP + 1,
  });
  if (rows.length > BULK_CAP) {
    const count = await ctx.services.db.failureRecord.count({ where: bulkWhere(filter, action) });
    throw appError(
      "BULK_CAP_EXCEEDED",
      `${count} failures match; a bulk ${action} takes at most ${BULK_CAP}. Narrow the filter and try again.`,
    );
  }
  return rows;
}

/**
 * Discard every OPEN failure the filter matches, each exactly as a single discard (state table,
 * the order's timeline entry, its audit row as failure.discard_bulk), then one audit row for the
 * bulk action with the filter, the count and the reason. A row that changed meanwhile is counted
 * as failed and left as it is.
 */
export async function discardMany(ctx: Ctx, input: { filter: FailureFilter; reason: string }) {
  const records = await bulkRows(ctx, "discard", input.filter);
  const { results, ok: discarded } = await eachRecord(records, async (r) => {
    await discardRecord(ctx, r, { reason: input.reason, action: "failure.discard_bulk" });
    return {};
  });
  await ctx.audit({
    action: "failure.discard_many",
    targetType: "failure",
    targetId: null,
    reason: input.reason,
    before: { filter: input.filter, matched: records.length },
    after: { discarded, failed: results.length - discarded, ids: results.map((r) => r.id) },
  });
  return { matched: records.length, discarded, failed: results.length - discarded, results };
}

/** Ownership and tags are the inbox's bookkeeping: only for failures still OPEN or RETRYING. */
async function loadUnsettled(ctx: ApiContext, id: string): Promise<FailureRecord> {
  const record = await ctx.services.db.failureRecord.findUnique({ where: { id } });
  if (!record) throw new TRPCError({ code: "NOT_FOUND", message: `No failure ${id}.` });
  if (!UNSETTLED_FAILURE.includes(record.state))
    throw appError("FAILURE_SETTLED", `Failure ${id} is ${record.state}; it is no longer in the inbox.`);
  return record;
}

const who = (ctx: Ctx, assignee: "me" | null) => (assignee === "me" ? ctx.user.email || ctx.user.id : null);

/** One row's new owner or tags, guarded on its state, with its audit row, in the caller's transaction. */
async function updateInboxFields(
  ctx: Ctx,
  tx: Prisma.TransactionClient,
  record: FailureRecord,
  change: { assignee?: string | null; tags?: string[] },
  audit: { action: string; reason: string | null },
) {
  const data: Prisma.FailureRecordUpdateManyMutationInput = {};
  const before: Record<string, unknown> = {};
  if (change.assignee !== undefined) {
    data.assignee = change.assignee;
    data.assignedAt = change.assignee === null ? null : new Date();
    before.assignee = record.assignee;
  }
  if (change.tags !== undefined) {
    data.tags = change.tags;
    before.tags = record.tags;
  }
  const res = await tx.failureRecord.updateMany({
    where: { id: record.id, state: { in: [...UNSETTLED_FAILURE] } },
    data,
  });
  if (res.count !== 1)
    throw appError("FAILURE_CHANGED", "The failure changed meanwhile; reload and try again.");
  await ctx.audit(
    {
      action: audit.action,
      targetType: "failure",
      targetId: record.id,
      reason: audit.reason,
      before,
      after: change,
    },
    tx,
  );
}

export async function assign(
  ctx: Ctx,
  input: { id: string; assignee: "me" | null; reason?: string | undefined },
) {
  const record = await loadUnsettled(ctx, input.id);
  const assignee = who(ctx, input.assignee);
  await ctx.services.db.$transaction((tx) =>
    updateInboxFields(
      ctx,
      tx,
      record,
      { assignee },
      { action: "failure.assign", reason: input.reason ?? null },
    ),
  );
  return { id: record.id, assignee };
}

/** The record's tags after adding and removing: sorted, no duplicates, at most MAX_TAGS. */
export function nextTags(
  current: readonly string[],
  add: readonly string[],
  remove: readonly string[],
): string[] {
  const drop = new Set(remove);
  const tags = [...new Set([...current, ...add])].filter((t) => !drop.has(t)).sort();
  if (tags.length > MAX_TAGS) throw appError("TOO_MANY_TAGS", `A failure carries at most ${MAX_TAGS} tags.`);
  return tags;
}

export async function tag(
  ctx: Ctx,
  input: { id: string; add: string[]; remove: string[]; reason?: string | undefined },
) {
  const record = await loadUnsettled(ctx, input.id);
  const tags = nextTags(record.tags, input.add, input.remove);
  await ctx.services.db.$transaction((tx) =>
    updateInboxFields(ctx, tx, record, { tags }, { action: "failure.tag", reason: input.reason ?? null }),
  );
  return { id: record.id, tags };
}

/**
 * Bulk assign or tag: every OPEN/RETRYING failure the filter matches (at most the cap), one
 * transaction, one audit row per failure as a single change writes, then one for the bulk action.
 * A row that settled meanwhile rolls the whole change back (FAILURE_CHANGED): try again.
 */
async function changeMany(
  ctx: Ctx,
  action: "assign" | "tag",
  input: { filter: FailureFilter; reason: string },
  change: (r: FailureRecord) => { assignee?: string | null; tags?: string[] },
  summary: Record<string, unknown>,
) {
  const records = await bulkRows(ctx, action, input.filter);
  await ctx.services.db.$transaction(
    async (tx) => {
      for (const r of records)
        await updateInboxFields(ctx, tx, r, change(r), {
          action: `failure.${action}_bulk`,
          reason: input.reason,
        });
      await ctx.audit(
        {
          action: `failure.${action}_many`,
          targetType: "failure",
          targetId: null,
          reason: input.reason,
          before: { filter: input.filter, matched: records.length },
          after: { ...summary, changed: records.length, ids: records.map((r) => r.id) },
        },
        tx,
      );
    },
    { timeout: 60_000 },
  );
  return { matched: records.length, changed: records.length };
}

export function assignMany(
  ctx: Ctx,
  input: { filter: FailureFilter; assignee: "me" | null; reason: string },
) {
  const assignee = who(ctx, input.assignee);
  return changeMany(ctx, "assign", input, () => ({ assignee }), { assignee });
}

export function tagMany(
  ctx: Ctx,
  input: { filter: FailureFilter; add: string[]; remove: string[]; reason: string },
) {
  // Validated before anything is written: a row that would exceed the limit refuses the lot.
  return changeMany(ctx, "tag", input, (r) => ({ tags: nextTags(r.tags, input.add, input.remove) }), {
    add: input.add,
    remove: input.remove,
  });
}
