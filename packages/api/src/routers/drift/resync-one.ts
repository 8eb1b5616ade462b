import { randomUUID } from "node:crypto";
import {
  DRIFT_ENTITIES,
  DRIFT_PLANT_CAP,
  DRIFT_REPAIR_CAP,
  type DriftDiff,
  driftKeySchema,
  driftPlantSchema,
  driftRepairJob,
  jobOf,
  NO_SETTINGS,
  parseStockKey,
  UNSETTLED_DRIFT,
} from "@icp/domain";
import { z } from "zod";
import { type AuditedContext, appError, mutationFor, procedureFor, router } from "../../trpc";
import { optionalReason, uuid } from "../list";
import { auditSides, type CheckScope, requestRepair, startCheck } from "./router";

/** How long a preview waits for the worker's answer before it gives up (PREVIEW_TIMEOUT). */
export const PREVIEW_WAIT_MS = 20_000;
/** A plant's preview compares up to DRIFT_PLANT_CAP levels (a $batch per 100): it may wait longer. */
export const PLANT_PREVIEW_WAIT_MS = 60_000;
const POLL_MS = 250;

const record = z
  .object({ entity: z.enum(DRIFT_ENTITIES), key: driftKeySchema })
  .refine((r) => r.entity !== "STOCK" || parseStockKey(r.key) !== null, {
    message: "Stock is one SKU at one plant: <sku>|<plant>.",
    path: ["key"],
  });

/**
 * Starts the check of `scope` (or joins the one already queued or running for it) and waits for
 * its end, mapping the worker's error codes to the console's typed errors.
 */
async function previewRun(ctx: AuditedContext, scope: CheckScope, waitMs: number) {
  const { runId } = await startCheck(ctx, scope, "resync.preview", "join");
  const deadline = Date.now() + waitMs;
  for (;;) {
    const run = await ctx.services.db.driftRun.findUnique({ where: { id: runId } });
    if (run?.state === "FAILED") {
      const why = run.error ?? "the check failed";
      if (run.errorCode === "NOT_IN_SAP")
        throw appError(scope.kind === "PLANT" ? "PLANT_NOT_IN_SAP" : "RECORD_NOT_IN_SAP", why);
      if (run.errorCode === "SAP_UNAVAILABLE")
        throw appError("SAP_UNREACHABLE", `SAP cannot be reached now; nothing was compared. (${why})`);
      throw new Error(`preview of ${scope.entity} (run ${runId}) failed: ${why}`);
    }
    if (run && run.state !== "RUNNING" && run.state !== "QUEUED") return run;
    if (Date.now() > deadline)
      throw appError(
        "PREVIEW_TIMEOUT",
        `The worker did not answer within ${waitMs / 1000} s; the preview (run ${runId}) may still finish on the Drift page.`,
      );
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}

/**
 * Single-record resync: one SKU, one customer, one SKU's stock at one plant, or one plant's
 * stock as a whole. The preview is a drift check of that record (or of every level at the
 * plant), run by the worker (the console never calls SAP) and waited for here; what it found is
 * stored as drift findings, so the write is exactly what was previewed, the diff survives a
 * reload, and the Drift page shows it too. A second preview of the same record or plant while
 * one is under way waits for that one (single-flight, `startCheck`). The write is a repair of
 * those findings: a targeted resync through the master-data write path, audited with the read
 * model's values (before) and SAP's (after).
 */
export const resyncOneRouter = router({
  preview: mutationFor("resync.entity")
    .input(record)
    .mutation(async ({ ctx, input }) => {
      const run = await previewRun(
        ctx,
        { entity: input.entity, kind: "KEY", key: input.key },
        PREVIEW_WAIT_MS,
      );
      const finding = run.drifted
        ? await ctx.services.db.driftFinding.findUnique({
            where: { entity_key: { entity: input.entity, key: input.key } },
          })
        : null;
      return {
        runId: run.id,
        entity: input.entity,
        key: input.key,
        findingId: finding?.id ?? null,
        diffs: (finding?.diffs as unknown as DriftDiff[] | undefined) ?? [],
      };
    }),
  write: mutationFor("resync.entity")
    .input(z.object({ findingId: uuid, reason: optionalReason }))
    .mutation(async ({ ctx, input }) => {
      const f = await ctx.services.db.driftFinding.findUnique({ where: { id: input.findingId } });
      if (f?.state !== "OPEN")
        throw appError(
          "DRIFT_NOTHING_TO_REPAIR",
          f
            ? `${f.entity} ${f.key} is ${f.state}: preview it again.`
            : `No preview finding ${input.findingId}; preview the record again.`,
        );
      return requestRepair(ctx, {
        entity: f.entity,
        findings: [f],
        action: "resync.entity",
        reason: input.reason ?? null,
        targetId: f.id,
      });
    }),
  /**
   * One plant's stock: every level SAP and the read model have at the plant (at most
   * DRIFT_PLANT_CAP; `truncated` when there are more), and per level that differs its diff.
   */
  previewPlant: mutationFor("resync.entity")
    .input(z.object({ plant: driftPlantSchema }))
    .mutation(async ({ ctx, input }) => {
      const run = await previewRun(
        ctx,
        { entity: "STOCK", kind: "PLANT", plant: input.plant },
        PLANT_PREVIEW_WAIT_MS,
      );
      const findings = run.drifted
        ? await ctx.services.db.driftFinding.findMany({
            where: { entity: "STOCK", runId: run.id, state: { in: [...UNSETTLED_DRIFT] } },
            orderBy: { key: "asc" },
            take: DRIFT_PLANT_CAP,
          })
        : [];
      const total = run.total ?? run.checked;
      return {
        runId: run.id,
        plant: input.plant,
        checked: run.checked,
        total,
        truncated: total > run.checked,
        levels: findings.map((f) => ({
          findingId: f.id,
          key: f.key,
          sku: parseStockKey(f.key)?.sku ?? f.key,
          state: f.state,
          diffs: f.diffs as unknown as DriftDiff[],
        })),
      };
    }),
  /**
   * Writes every level the plant's preview found different (and still OPEN) from SAP: repair
   * jobs of at most DRIFT_REPAIR_CAP levels each, through the master-data write path; one audit
   * entry with each level's read-model value (before), SAP's (after) and the diffs.
   */
  writePlant: mutationFor("resync.entity")
    .input(z.object({ runId: uuid, reason: optionalReason }))
    .mutation(async ({ ctx, input }) => {
      const run = await ctx.services.db.driftRun.findUnique({ where: { id: input.runId } });
      if (run?.kind !== "PLANT" || run.state !== "SUCCEEDED" || !run.plant)
        throw appError(
          "DRIFT_NOTHING_TO_REPAIR",
          run
            ? `Run ${run.id} is not a finished preview of a plant's stock; preview the plant again.`
            : `No preview ${input.runId}; preview the plant again.`,
        );
      const open = await ctx.services.db.driftFinding.findMany({
        where: { entity: "STOCK", runId: run.id, state: "OPEN" },
        orderBy: { key: "asc" },
        take: DRIFT_PLANT_CAP,
      });
      if (!open.length)
        throw appError(
          "DRIFT_NOTHING_TO_REPAIR",
          `No level at plant ${run.plant} is still open from this preview; preview the plant again.`,
        );
      const requestedBy = ctx.user.email || ctx.user.id;
      const chunks: string[][] = [];
      for (let i = 0; i < open.length; i += DRIFT_REPAIR_CAP)
        chunks.push(open.slice(i, i + DRIFT_REPAIR_CAP).map((f) => f.key));
      const jobs = chunks.map((keys) =>
        jobOf(driftRepairJob, { repairId: randomUUID(), entity: "STOCK", keys, requestedBy }, NO_SETTINGS),
      );
      const repairIds = jobs.map((j) => j.data.repairId);
      const sides = auditSides(open);
      const diffs = Object.fromEntries(open.map((f) => [f.key, f.diffs]));
      await ctx.services.db.$transaction(async (tx) => {
        await ctx.audit(
          {
            action: "resync.plant",
            targetType: "drift_run",
            targetId: run.id,
            reason: input.reason ?? null,
            before: { entity: "STOCK", plant: run.plant, repairIds, records: sides.before },
            after: { entity: "STOCK", plant: run.plant, repairIds, records: sides.after, diffs },
          },
          tx,
        );
        for (const job of jobs) await ctx.services.queues.enqueue({ queue: driftRepairJob.queue, ...job });
      });
      return { plant: run.plant, repairIds, levels: open.length };
    }),
  /** How a plant write is getting on: its levels by finding state (REPAIRING → REPAIRED or OPEN). */
  plantOutcome: procedureFor("console.read")
    .input(
      z.object({
        repairIds: z
          .array(uuid)
          .min(1)
          .max(Math.ceil(DRIFT_PLANT_CAP / DRIFT_REPAIR_CAP)),
      }),
    )
    .query(async ({ ctx, input }) => {
      const rows = await ctx.services.db.driftFinding.findMany({
        where: { entity: "STOCK", repairId: { in: input.repairIds } },
        select: { key: true, state: true, error: true },
        take: DRIFT_PLANT_CAP,
      });
      const byState = { OPEN: 0, REPAIRING: 0, REPAIRED: 0, RESOLVED: 0 };
      for (const r of rows) byState[r.state]++;
      return {
        ...byState,
        failed: rows.filter((r) => r.state === "OPEN").map((r) => ({ key: r.key, error: r.error })),
      };
    }),
});
