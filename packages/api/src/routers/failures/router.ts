import { z } from "zod";
import { holdForApproval } from "../../approvals";
import type { Permission } from "../../permissions";
import { mutationFor, procedureFor, requirePermission, router } from "../../trpc";
import { uuid } from "../list";
import {
  bulkWhere,
  discard,
  editAndRetry,
  listFailures,
  pinFilter,
  retryMany,
  retryManyCount,
  retryOne,
} from "./handlers";
import { assign, assignMany, bulkPreview, discardMany, failureGroups, tag, tagMany } from "./inbox";
import {
  assignInput,
  assignManyInput,
  BULK_CAP,
  BULK_RETRY_CAP,
  type BulkAction,
  bulkPreviewInput,
  discardInput,
  discardManyInput,
  editAndRetryInput,
  failureFilter,
  groupsInput,
  listInput,
  retryInput,
  retryManyInput,
  tagInput,
  tagManyInput,
} from "./schema";

/** A bulk action's dry run needs the permission of the action it previews. */
const BULK_PERMISSION: Record<BulkAction, Permission> = {
  retry: "failures.retry",
  discard: "failures.discard",
  assign: "failures.assign",
  tag: "failures.assign",
};

export const failuresRouter = router({
  list: procedureFor("console.read")
    .input(listInput)
    .query(({ ctx, input }) => listFailures(ctx, input)),
  get: procedureFor("console.read")
    .input(z.object({ id: uuid }))
    .query(async ({ ctx, input }) => {
      const record = await ctx.services.db.failureRecord.findUnique({
        where: { id: input.id },
        // The order it belongs to, for the detail's link to the order's own page.
        include: { orderLink: { select: { storefrontOrderId: true, sapSalesOrder: true } } },
      });
      if (!record) return null;
      const audit = await ctx.services.db.auditLog.findMany({
        where: { targetType: "failure", targetId: record.id },
        orderBy: { at: "desc" },
        take: 50,
      });
      return { ...record, kafkaOffset: record.kafkaOffset?.toString() ?? null, audit };
    }),
  sapErrorCodes: procedureFor("console.read").query(async ({ ctx }) => {
    const rows = await ctx.services.db.failureRecord.groupBy({
      by: ["sapErrorCode"],
      where: { sapErrorCode: { not: null } },
      _count: { _all: true },
      orderBy: { sapErrorCode: "asc" },
      take: 200,
    });
    return rows.map((r) => ({ code: r.sapErrorCode as string, count: r._count._all }));
  }),
  /** Dry run of a bulk retry: how many OPEN failures the filter matches. */
  retryManyCount: procedureFor("failures.retry")
    .input(z.object({ filter: failureFilter }))
    .query(({ ctx, input }) => retryManyCount(ctx, input)),
  retry: mutationFor("failures.retry")
    .input(retryInput)
    .mutation(({ ctx, input }) => retryOne(ctx, input)),
  /** Over the bulk_retry rule's threshold it is held for a second person's approval instead. */
  retryMany: mutationFor("failures.retry")
    .input(retryManyInput)
    .mutation(async ({ ctx, input: asked }) => {
      const input = { ...asked, filter: pinFilter(asked.filter) };
      const { count } = await retryManyCount(ctx, input);
      const size = Math.min(count, BULK_RETRY_CAP);
      const held = await holdForApproval(ctx, {
        action: "failures.retryMany",
        size,
        input,
        summary: `Retry ${size} open failure(s) matching ${JSON.stringify(input.filter)}`,
        reason: input.reason,
      });
      return held ?? retryMany(ctx, input);
    }),
  discard: mutationFor("failures.discard")
    .input(discardInput)
    .mutation(({ ctx, input }) => discard(ctx, input)),
  /** Open failures grouped by a cause (SAP error code, webhook endpoint, SKU) with count and oldest. */
  groups: procedureFor("console.read")
    .input(groupsInput)
    .query(({ ctx, input }) => failureGroups(ctx, input.by)),
  /**
   * Dry run of any bulk action: the count and the oldest few it would act on; changes nothing.
   * Gated by console.read, then by the permission of the previewed action.
   */
  bulkPreview: procedureFor("console.read")
    .input(bulkPreviewInput)
    .query(({ ctx, input }) => {
      requirePermission(ctx.user, BULK_PERMISSION[input.action]);
      return bulkPreview(ctx, input);
    }),
  /** Over the bulk_discard rule's threshold it is held for a second person's approval instead. */
  discardMany: mutationFor("failures.discard")
    .input(discardManyInput)
    .mutation(async ({ ctx, input: asked }) => {
      const input = { ...asked, filter: pinFilter(asked.filter) };
      const count = await ctx.services.db.failureRecord.count({ where: bulkWhere(input.filter, "discard") });
      // Over the cap it is refused as it stands (BULK_CAP_EXCEEDED), never held.
      const held =
        count > BULK_CAP
          ? null
          : await holdForApproval(ctx, {
              action: "failures.discardMany",
              size: count,
              input,
              summary: `Discard ${count} failure(s) matching ${JSON.stringify(input.filter)}`,
              reason: input.reason,
            });
      return held ?? discardMany(ctx, input);
    }),
  assign: mutationFor("failures.assign")
    .input(assignInput)
    .mutation(({ ctx, input }) => assign(ctx, input)),
  assignMany: mutationFor("failures.assign")
    .input(assignManyInput)
    .mutation(({ ctx, input }) => assignMany(ctx, input)),
  tag: mutationFor("failures.assign")
    .input(tagInput)
    .mutation(({ ctx, input }) => tag(ctx, input)),
  tagMany: mutationFor("failures.assign")
    .input(tagManyInput)
    .mutation(({ ctx, input }) => tagMany(ctx, input)),
  editAndRetry: mutationFor("failures.edit")
    .input(editAndRetryInput)
    .mutation(({ ctx, input }) => editAndRetry(ctx, input)),
});
