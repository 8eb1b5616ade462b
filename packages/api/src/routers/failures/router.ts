import { z } from "zod";
import { mutationFor, procedureFor, router } from "../../trpc";
import { uuid } from "../list";
import { discard, editAndRetry, listFailures, retryMany, retryManyCount, retryOne } from "./handlers";
import { assign, assignMany, bulkPreview, discardMany, failureGroups, tag, tagMany } from "./inbox";
import {
  assignInput,
  assignManyInput,
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

export const failuresRouter = router({
  list: procedureFor("viewer")
    .input(listInput)
    .query(({ ctx, input }) => listFailures(ctx, input)),
  get: procedureFor("viewer")
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
  sapErrorCodes: procedureFor("viewer").query(async ({ ctx }) => {
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
  retryManyCount: procedureFor("operator")
    .input(z.object({ filter: failureFilter }))
    .query(({ ctx, input }) => retryManyCount(ctx, input)),
  retry: mutationFor("operator")
    .input(retryInput)
    .mutation(({ ctx, input }) => retryOne(ctx, input)),
  retryMany: mutationFor("operator")
    .input(retryManyInput)
    .mutation(({ ctx, input }) => retryMany(ctx, input)),
  discard: mutationFor("operator")
    .input(discardInput)
    .mutation(({ ctx, input }) => discard(ctx, input)),
  /** Open failures grouped by a cause (SAP error code, webhook endpoint, SKU) with count and oldest. */
  groups: procedureFor("viewer")
    .input(groupsInput)
    .query(({ ctx, input }) => failureGroups(ctx, input.by)),
  /** Dry run of any bulk action: the count and the oldest few it would act on; changes nothing. */
  bulkPreview: procedureFor("operator")
    .input(bulkPreviewInput)
    .query(({ ctx, input }) => bulkPreview(ctx, input)),
  discardMany: mutationFor("operator")
    .input(discardManyInput)
    .mutation(({ ctx, input }) => discardMany(ctx, input)),
  assign: mutationFor("operator")
    .input(assignInput)
    .mutation(({ ctx, input }) => assign(ctx, input)),
  assignMany: mutationFor("operator")
    .input(assignManyInput)
    .mutation(({ ctx, input }) => assignMany(ctx, input)),
  tag: mutationFor("operator")
    .input(tagInput)
    .mutation(({ ctx, input }) => tag(ctx, input)),
  tagMany: mutationFor("operator")
    .input(tagManyInput)
    .mutation(({ ctx, input }) => tagMany(ctx, input)),
  editAndRetry: mutationFor("admin")
    .input(editAndRetryInput)
    .mutation(({ ctx, input }) => editAndRetry(ctx, input)),
});
