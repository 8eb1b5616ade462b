import { randomUUID } from "node:crypto";
import {
  DRIFT_ENTITIES,
  DRIFT_REPAIR_CAP,
  type DriftDiff,
  type DriftEntityName,
  DriftStates,
  driftCheckJob,
  driftKeySchema,
  driftRepairJob,
  jobOf,
  NO_SETTINGS,
} from "@icp/domain";
import { z } from "zod";
import type { AuditedContext } from "../../trpc";
import { appError, mutationFor, procedureFor, router } from "../../trpc";
import { paged, pageInput, paging, reason, uuid } from "../list";

/**
 * The drift check's console side: findings and runs are read here, and a check or a repair is a
 * job on the drift queue, audited when it is asked for. The worker's drift module writes every
 * row (ARCHITECTURE.md: drift_run, drift_finding); nothing here does.
 */
const entity = z.enum(DRIFT_ENTITIES);

/** A finding's diffs as the audit keeps them: per record, the read model's values (before) and SAP's (after). */
export function auditSides(findings: { key: string; diffs: unknown }[]) {
  const before: Record<string, Record<string, unknown>> = {};
  const after: Record<string, Record<string, unknown>> = {};
  for (const f of findings) {
    const diffs = f.diffs as DriftDiff[];
    before[f.key] = Object.fromEntries(diffs.map((d) => [d.field, d.readModel]));
    after[f.key] = Object.fromEntries(diffs.map((d) => [d.field, d.sap]));
  }
  return { before, after };
}

/** Audits a repair of these findings and adds its job, in one transaction (no job, no audit row). */
export async function requestRepair(
  ctx: AuditedContext,
  input: {
    entity: DriftEntityName;
    findings: { id: string; key: string; diffs: unknown }[];
    action: string;
    reason: string | null;
    targetId: string;
  },
) {
  const repairId = randomUUID();
  const job = jobOf(
    driftRepairJob,
    {
      repairId,
      entity: input.entity,
      keys: input.findings.map((f) => f.key),
      requestedBy: ctx.user.email || ctx.user.id,
    },
    NO_SETTINGS,
  );
  const sides = auditSides(input.findings);
  await ctx.services.db.$transaction(async (tx) => {
    await ctx.audit(
      {
        action: input.action,
        targetType: "drift_finding",
        targetId: input.targetId,
        reason: input.reason,
        before: { entity: input.entity, repairId, records: sides.before },
        after: { entity: input.entity, repairId, records: sides.after },
      },
      tx,
    );
    await ctx.services.queues.enqueue({ queue: driftRepairJob.queue, ...job });
  });
  return { repairId, keys: job.data.keys };
}

export const driftRouter = router({
  findings: procedureFor("console.read")
    .input(
      z.object({
        ...pageInput,
        entity: entity.optional(),
        state: z.enum(DriftStates).optional(),
        key: driftKeySchema.optional(),
      }),
    )
    .query(async ({ ctx, input }) => {
      const where = {
        ...(input.entity ? { entity: input.entity } : {}),
        ...(input.state ? { state: input.state } : {}),
        ...(input.key ? { key: input.key } : {}),
      };
      const [rows, total] = await Promise.all([
        ctx.services.db.driftFinding.findMany({
          where,
          orderBy: [{ lastSeenAt: input.dir }, { id: "desc" }],
          ...paging(input),
        }),
        ctx.services.db.driftFinding.count({ where }),
      ]);
      return paged(
        rows.map((r) => ({ ...r, diffs: r.diffs as unknown as DriftDiff[] })),
        total,
        input,
      );
    }),
  /** Per entity: open findings, and the latest on-demand and sampled runs (the progress bars). */
  summary: procedureFor("console.read").query(async ({ ctx }) => {
    const db = ctx.services.db;
    const [open, runs] = await Promise.all([
      db.driftFinding.groupBy({
        by: ["entity"],
        where: { state: { in: ["OPEN", "REPAIRING"] } },
        _count: { _all: true },
      }),
      Promise.all(
        DRIFT_ENTITIES.flatMap((e) =>
          (["ENTITY", "SAMPLE"] as const).map((kind) =>
            db.driftRun.findFirst({ where: { entity: e, kind }, orderBy: { createdAt: "desc" } }),
          ),
        ),
      ),
    ]);
    return DRIFT_ENTITIES.map((e, i) => ({
      entity: e,
      open: open.find((g) => g.entity === e)?._count._all ?? 0,
      lastCheck: runs[i * 2] ?? null,
      lastSample: runs[i * 2 + 1] ?? null,
    }));
  }),
  /** One run; null while its job waits (the worker creates the row when it starts). */
  run: procedureFor("console.read")
    .input(z.object({ id: uuid }))
    .query(async ({ ctx, input }) => ctx.services.db.driftRun.findUnique({ where: { id: input.id } })),
  check: mutationFor("drift.check")
    .input(z.object({ entity }))
    .mutation(async ({ ctx, input }) => {
      const running = await ctx.services.db.driftRun.findFirst({
        where: {
          entity: input.entity,
          kind: "ENTITY",
          state: "RUNNING",
          createdAt: { gt: new Date(Date.now() - 3600_000) },
        },
      });
      if (running)
        throw appError(
          "DRIFT_CHECK_RUNNING",
          `A ${input.entity} drift check is running (run ${running.id}).`,
        );
      const runId = randomUUID();
      const job = jobOf(
        driftCheckJob,
        { runId, entity: input.entity, startedBy: ctx.user.email || ctx.user.id },
        NO_SETTINGS,
      );
      await ctx.services.db.$transaction(async (tx) => {
        await ctx.audit(
          {
            action: "drift.check",
            targetType: "drift_run",
            targetId: runId,
            after: { entity: input.entity },
          },
          tx,
        );
        await ctx.services.queues.enqueue({ queue: driftCheckJob.queue, ...job });
      });
      return { runId };
    }),
  repair: mutationFor("drift.repair")
    .input(z.object({ id: uuid, reason }))
    .mutation(async ({ ctx, input }) => {
      const f = await ctx.services.db.driftFinding.findUnique({ where: { id: input.id } });
      if (f?.state !== "OPEN")
        throw appError(
          "DRIFT_NOTHING_TO_REPAIR",
          f
            ? `Finding ${input.id} is ${f.state}; only an OPEN finding is repaired.`
            : `No finding ${input.id}.`,
        );
      return requestRepair(ctx, {
        entity: f.entity,
        findings: [f],
        action: "drift.repair",
        reason: input.reason,
        targetId: f.id,
      });
    }),
  repairAll: mutationFor("drift.repair")
    .input(z.object({ entity, reason }))
    .mutation(async ({ ctx, input }) => {
      const open = await ctx.services.db.driftFinding.findMany({
        where: { entity: input.entity, state: "OPEN" },
        orderBy: { lastSeenAt: "asc" },
        take: DRIFT_REPAIR_CAP,
      });
      if (!open.length) throw appError("DRIFT_NOTHING_TO_REPAIR", `No open ${input.entity} finding.`);
      return requestRepair(ctx, {
        entity: input.entity,
        findings: open,
        action: "drift.repairAll",
        reason: input.reason,
        targetId: input.entity,
      });
    }),
});
