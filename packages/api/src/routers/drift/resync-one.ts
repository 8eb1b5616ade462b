import { randomUUID } from "node:crypto";
import {
  DRIFT_ENTITIES,
  type DriftDiff,
  driftCheckJob,
  driftKeySchema,
  jobOf,
  NO_SETTINGS,
  parseStockKey,
} from "@icp/domain";
import { z } from "zod";
import { appError, mutationFor, router } from "../../trpc";
import { optionalReason, uuid } from "../list";
import { requestRepair } from "./router";

/** How long a preview waits for the worker's answer before it gives up (PREVIEW_TIMEOUT). */
export const PREVIEW_WAIT_MS = 20_000;
const POLL_MS = 250;

const record = z
  .object({ entity: z.enum(DRIFT_ENTITIES), key: driftKeySchema })
  .refine((r) => r.entity !== "STOCK" || parseStockKey(r.key) !== null, {
    message: "Stock is one SKU at one plant: <sku>|<plant>.",
    path: ["key"],
  });

/**
 * Single-record resync: one SKU, one customer, or one SKU's stock at one plant. The preview is
 * a drift check of that one record, run by the worker (the console never calls SAP) and waited
 * for here, up to PREVIEW_WAIT_MS; what it found is stored as that record's drift finding, so
 * the write is exactly the record previewed, the diff survives a reload, and the Drift page
 * shows it too. `write` is a repair of that finding: a targeted resync, audited with the
 * read model's values (before) and SAP's (after).
 */
export const resyncOneRouter = router({
  preview: mutationFor("resync.entity")
    .input(record)
    .mutation(async ({ ctx, input }) => {
      const runId = randomUUID();
      const job = jobOf(
        driftCheckJob,
        { runId, entity: input.entity, key: input.key, startedBy: ctx.user.email || ctx.user.id },
        NO_SETTINGS,
      );
      await ctx.services.db.$transaction(async (tx) => {
        await ctx.audit(
          {
            action: "resync.preview",
            targetType: "drift_run",
            targetId: runId,
            after: { entity: input.entity, key: input.key },
          },
          tx,
        );
        await ctx.services.queues.enqueue({ queue: driftCheckJob.queue, ...job });
      });
      const deadline = Date.now() + PREVIEW_WAIT_MS;
      for (;;) {
        const run = await ctx.services.db.driftRun.findUnique({ where: { id: runId } });
        if (run?.state === "FAILED") {
          const why = run.error ?? "the check failed";
          if (run.errorCode === "NOT_IN_SAP") throw appError("RECORD_NOT_IN_SAP", why);
          if (run.errorCode === "SAP_UNAVAILABLE")
            throw appError("SAP_UNREACHABLE", `SAP cannot be reached now; nothing was compared. (${why})`);
          throw new Error(`preview of ${input.entity} ${input.key} failed: ${why}`);
        }
        if (run && run.state !== "RUNNING") {
          const finding = run.drifted
            ? await ctx.services.db.driftFinding.findUnique({
                where: { entity_key: { entity: input.entity, key: input.key } },
              })
            : null;
          return {
            runId,
            entity: input.entity,
            key: input.key,
            findingId: finding?.id ?? null,
            diffs: (finding?.diffs as unknown as DriftDiff[] | undefined) ?? [],
          };
        }
        if (Date.now() > deadline)
          throw appError(
            "PREVIEW_TIMEOUT",
            `The worker did not answer within ${PREVIEW_WAIT_MS / 1000} s; the preview (run ${runId}) may still finish on the Drift page.`,
          );
        await new Promise((r) => setTimeout(r, POLL_MS));
      }
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
});
