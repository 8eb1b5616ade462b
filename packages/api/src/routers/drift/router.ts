import { randomUUID } from "node:crypto";
import {
  DRIFT_ACTIVE_RUN,
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
  UNSETTLED_DRIFT,
} from "@icp/domain";
import { z } from "zod";
import type { AuditedContext } from "../../trpc";
import { appError, mutationFor, procedureFor, router } from "../../trpc";
import { paged, pageInput, paging, reason, uuid } from "../list";
import { enqueueRunJob } from "../run-job";

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

/** What one on-demand check looks at: a whole entity, one record, or one plant's stock. */
export type CheckScope =
  | { entity: DriftEntityName; kind: "ENTITY" }
  | { entity: DriftEntityName; kind: "KEY"; key: string }
  | { entity: "STOCK"; kind: "PLANT"; plant: string };

const scopeWhere = (scope: CheckScope) => ({
  entity: scope.entity,
  kind: scope.kind,
  key: scope.kind === "KEY" ? scope.key : null,
  plant: scope.kind === "PLANT" ? scope.plant : null,
});

/** The scope's QUEUED or RUNNING run, if one is. */
const activeRun = (ctx: AuditedContext, scope: CheckScope) =>
  ctx.services.db.driftRun.findFirst({
    where: { ...scopeWhere(scope), state: { in: [...DRIFT_ACTIVE_RUN] } },
    orderBy: { createdAt: "desc" },
  });

const isUniqueViolation = (e: unknown) => (e as { code?: unknown } | null)?.code === "P2002";

/**
 * Starts an on-demand check, single-flight per scope: the run row is created QUEUED in the
 * transaction of its audit entry, and the partial unique index `drift_run_one_active` lets one
 * QUEUED/RUNNING run per scope exist, so a second request — also one racing the first, before
 * the worker has started it — adds no run and no job: `refuse` answers it DRIFT_CHECK_RUNNING
 * (Check now), `join` gives it the run already there, audited as joining it (a preview). The
 * job follows the commit; a job that cannot be added fails its run.
 */
export async function startCheck(
  ctx: AuditedContext,
  scope: CheckScope,
  action: string,
  second: "refuse" | "join",
): Promise<{ runId: string; joined: boolean }> {
  const joined = async (runId: string) => {
    if (second === "refuse")
      throw appError(
        "DRIFT_CHECK_RUNNING",
        `A check of ${describeScope(scope)} is queued or running (run ${runId}).`,
      );
    await ctx.audit({
      action,
      targetType: "drift_run",
      targetId: runId,
      after: { ...auditScope(scope), joined: true },
    });
    return { runId, joined: true };
  };
  const running = await activeRun(ctx, scope);
  if (running) return joined(running.id);
  const runId = randomUUID();
  const startedBy = ctx.user.email || ctx.user.id;
  const where = scopeWhere(scope);
  const job = jobOf(
    driftCheckJob,
    {
      runId,
      entity: scope.entity,
      startedBy,
      ...(where.key !== null ? { key: where.key } : {}),
      ...(where.plant !== null ? { plant: where.plant } : {}),
    },
    NO_SETTINGS,
  );
  try {
    await ctx.services.db.$transaction(async (tx) => {
      await tx.driftRun.create({ data: { id: runId, ...where, state: "QUEUED", startedBy } });
      await ctx.audit(
        {
          action,
          targetType: "drift_run",
          targetId: runId,
          after: { ...auditScope(scope), state: "QUEUED" },
        },
        tx,
      );
    });
  } catch (e) {
    if (!isUniqueViolation(e)) throw e;
    // a request a moment ahead of this one holds the scope
    const first = await activeRun(ctx, scope);
    if (first) return joined(first.id);
    throw appError("DRIFT_CHECK_RUNNING", `A check of ${describeScope(scope)} was just started; try again.`);
  }
  // the run must not hold the scope QUEUED with no job behind it
  await enqueueRunJob(
    () => ctx.services.queues.enqueue({ queue: driftCheckJob.queue, ...job }),
    (error) =>
      ctx.services.db.driftRun.update({
        where: { id: runId },
        data: { state: "FAILED", errorCode: "INTERNAL", error, finishedAt: new Date() },
      }),
    "drift check",
  );
  return { runId, joined: false };
}

const auditScope = (scope: CheckScope) => ({
  entity: scope.entity,
  kind: scope.kind,
  ...(scope.kind === "KEY" ? { key: scope.key } : {}),
  ...(scope.kind === "PLANT" ? { plant: scope.plant } : {}),
});

export function describeScope(scope: CheckScope): string {
  return scope.kind === "ENTITY"
    ? `every ${scope.entity} record`
    : scope.kind === "KEY"
      ? `${scope.entity} ${scope.key}`
      : `the stock at plant ${scope.plant}`;
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
        where: { state: { in: [...UNSETTLED_DRIFT] } },
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
  /** One run (QUEUED until the worker starts it). */
  run: procedureFor("console.read")
    .input(z.object({ id: uuid }))
    .query(async ({ ctx, input }) => ctx.services.db.driftRun.findUnique({ where: { id: input.id } })),
  /** Check now: one whole-entity check per entity at a time (DRIFT_CHECK_RUNNING for a second). */
  check: mutationFor("drift.check")
    .input(z.object({ entity }))
    .mutation(async ({ ctx, input }) => {
      const started = await startCheck(
        ctx,
        { entity: input.entity, kind: "ENTITY" },
        "drift.check",
        "refuse",
      );
      return { runId: started.runId };
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
