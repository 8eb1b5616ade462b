import { jobOf, NO_SETTINGS, resyncJob, resyncJobId } from "@icp/domain";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { holdForApproval } from "../../approvals";
import { type AuditedContext, appError, mutationFor, procedureFor, router } from "../../trpc";
import { paged, pageInput, paging, reason, uuid } from "../list";
import { enqueueRunJob } from "../run-job";

export const SYNC_ENTITIES = ["PRODUCTS", "PRICES", "STOCK", "CUSTOMERS"] as const;
const ACTIVE = ["QUEUED", "RUNNING"] as const;
export const FULL_NEEDS_REASON = "A full resync needs a reason (at least 3 characters).";

/** What resync.start takes: an entity, FULL or DELTA, and for FULL a reason. */
export const resyncStartInput = z
  .object({
    entity: z.enum(SYNC_ENTITIES),
    mode: z.enum(["FULL", "DELTA"]),
    reason: z.string().trim().max(500).optional(),
  })
  // A full resync rereads everything from SAP (expensive): it needs a reason, for the audit
  // log, as the console's confirmation asks. A delta only reads what changed.
  .refine((i) => i.mode !== "FULL" || reason.safeParse(i.reason).success, {
    message: FULL_NEEDS_REASON,
    path: ["reason"],
  });
export type ResyncStartInput = z.infer<typeof resyncStartInput>;

/**
 * Queue a resync run (one active per entity) and its job, audited. resync.start calls it, and so
 * does an approved request of a full resync held for four-eyes approval.
 */
export async function startResync(ctx: AuditedContext, input: ResyncStartInput) {
  const run = await ctx.services.db.$transaction(async (tx) => {
    // One active run per entity: serialise the check-and-insert on an advisory lock per entity.
    await tx.$executeRaw`select pg_advisory_xact_lock(hashtext(${`icp.sync.${input.entity}`}))`;
    const active = await tx.syncRun.findFirst({
      where: { entity: input.entity, state: { in: [...ACTIVE] } },
    });
    if (active) {
      throw appError(
        "SYNC_ALREADY_RUNNING",
        `A ${input.entity} resync is already ${active.state.toLowerCase()} (run ${active.id}); cancel it or wait.`,
      );
    }
    const created = await tx.syncRun.create({
      data: {
        entity: input.entity,
        mode: input.mode,
        startedBy: ctx.user.email || ctx.user.id,
        state: "QUEUED",
      },
    });
    const withJob = await tx.syncRun.update({
      where: { id: created.id },
      data: { jobId: resyncJobId(created.id) },
    });
    await ctx.audit(
      {
        action: "sync.start",
        targetType: "sync_run",
        targetId: created.id,
        reason: input.reason ?? null,
        after: { entity: input.entity, mode: input.mode, state: "QUEUED" },
      },
      tx,
    );
    return withJob;
  });
  // The run must not sit QUEUED forever holding the entity's slot.
  await enqueueRunJob(
    () =>
      ctx.services.queues.enqueue({
        queue: resyncJob.queue,
        ...jobOf(resyncJob, { runId: run.id }, NO_SETTINGS),
      }),
    (error) =>
      ctx.services.db.syncRun.update({
        where: { id: run.id },
        data: { state: "FAILED", error, finishedAt: new Date() },
      }),
    "resync job",
  );
  return run;
}

export const resyncRouter = router({
  list: procedureFor("console.read")
    .input(
      z.object({
        ...pageInput,
        entity: z.enum(SYNC_ENTITIES).optional(),
        state: z.enum(["QUEUED", "RUNNING", "SUCCEEDED", "FAILED", "CANCELLED"]).optional(),
        sort: z.enum(["createdAt", "finishedAt", "processed", "failed"]).default("createdAt"),
      }),
    )
    .query(async ({ ctx, input }) => {
      const where = {
        ...(input.entity ? { entity: input.entity } : {}),
        ...(input.state ? { state: input.state } : {}),
      };
      const [rows, total] = await Promise.all([
        ctx.services.db.syncRun.findMany({
          where,
          // Only finishedAt is nullable; Prisma refuses `nulls` on a required column.
          orderBy: [
            input.sort === "finishedAt"
              ? { finishedAt: { sort: input.dir, nulls: "last" as const } }
              : { [input.sort]: input.dir },
            { id: "desc" },
          ],
          ...paging(input),
        }),
        ctx.services.db.syncRun.count({ where }),
      ]);
      return paged(
        rows.map((r) => ({
          ...r,
          durationMs: r.startedAt ? (r.finishedAt ?? new Date()).getTime() - r.startedAt.getTime() : null,
        })),
        total,
        input,
      );
    }),
  /** The active run per entity, for the progress bars. */
  active: procedureFor("console.read").query(async ({ ctx }) => {
    const [runs, watermarks] = await Promise.all([
      ctx.services.db.syncRun.findMany({
        where: { state: { in: [...ACTIVE] } },
        orderBy: { createdAt: "desc" },
      }),
      ctx.services.db.syncWatermark.findMany(),
    ]);
    return SYNC_ENTITIES.map((entity) => ({
      entity,
      run: runs.find((r) => r.entity === entity) ?? null,
      watermark: watermarks.find((w) => w.entity === entity)?.watermark ?? null,
    }));
  }),
  /** A FULL resync is held for approval while its rule (Settings → Four-eyes approval) is enabled. */
  start: mutationFor("resync.start")
    .input(resyncStartInput)
    .mutation(async ({ ctx, input }) => {
      if (input.mode === "FULL") {
        const held = await holdForApproval(ctx, {
          action: "resync.start",
          size: 1,
          input,
          summary: `Full ${input.entity} resync`,
          reason: input.reason ?? null,
        });
        if (held) return held;
      }
      return startResync(ctx, input);
    }),
  cancel: mutationFor("resync.start")
    .input(z.object({ id: uuid, reason }))
    .mutation(async ({ ctx, input }) =>
      ctx.services.db.$transaction(async (tx) => {
        const run = await tx.syncRun.findUnique({ where: { id: input.id } });
        if (!run) throw new TRPCError({ code: "NOT_FOUND", message: `No sync run ${input.id}.` });
        const res = await tx.syncRun.updateMany({
          where: { id: input.id, state: { in: [...ACTIVE] } },
          data: { state: "CANCELLED", finishedAt: new Date() },
        });
        if (res.count !== 1) {
          throw appError(
            "SYNC_NOT_ACTIVE",
            `Run ${input.id} is ${run.state}; only active runs can be cancelled.`,
          );
        }
        await ctx.audit(
          {
            action: "sync.cancel",
            targetType: "sync_run",
            targetId: run.id,
            reason: input.reason,
            before: { state: run.state, processed: run.processed },
            after: { state: "CANCELLED" },
          },
          tx,
        );
        return { id: run.id, state: "CANCELLED" as const };
      }),
    ),
});
