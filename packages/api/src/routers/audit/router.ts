import { z } from "zod";
import { procedureFor, router } from "../../trpc";
import { paged, pageInput, paging, uuid } from "../list";
import { auditFilter, auditSearchWhere } from "./filter";

export const auditRouter = router({
  list: procedureFor("console.read")
    .input(
      z.object({
        ...pageInput,
        filter: auditFilter.default({}),
        sort: z.enum(["at", "action", "actorEmail"]).default("at"),
      }),
    )
    .query(async ({ ctx, input }) => {
      const { where, capped } = await auditSearchWhere(ctx.services.db, input.filter);
      const [rows, total] = await Promise.all([
        ctx.services.db.auditLog.findMany({
          where,
          orderBy: [{ [input.sort]: input.dir }, { id: input.dir }],
          ...paging(input),
          omit: { before: true, after: true },
        }),
        ctx.services.db.auditLog.count({ where }),
      ]);
      return { ...paged(rows, total, input), capped };
    }),
  get: procedureFor("console.read")
    .input(z.object({ id: uuid }))
    .query(({ ctx, input }) => ctx.services.db.auditLog.findUnique({ where: { id: input.id } })),
  actions: procedureFor("console.read").query(async ({ ctx }) => {
    const rows = await ctx.services.db.auditLog.groupBy({
      by: ["action"],
      orderBy: { action: "asc" },
      take: 200,
    });
    return rows.map((r) => r.action);
  }),
});
