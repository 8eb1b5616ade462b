import { z } from "zod";
import { mutationFor, procedureFor, router } from "../../trpc";
import { uuid } from "../list";
import { discard, editAndRetry, listFailures, retryMany, retryManyCount, retryOne } from "./handlers";
import {
  discardInput,
  editAndRetryInput,
  failureFilter,
  listInput,
  retryInput,
  retryManyInput,
} from "./schema";

export const failuresRouter = router({
  list: procedureFor("viewer")
    .input(listInput)
    .query(({ ctx, input }) => listFailures(ctx, input)),
  get: procedureFor("viewer")
    .input(z.object({ id: uuid }))
    .query(async ({ ctx, input }) => {
      const record = await ctx.services.db.failureRecord.findUnique({ where: { id: input.id } });
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
  editAndRetry: mutationFor("admin")
    .input(editAndRetryInput)
    .mutation(({ ctx, input }) => editAndRetry(ctx, input)),
});
