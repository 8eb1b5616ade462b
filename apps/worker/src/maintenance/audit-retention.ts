import type { Db } from "@icp/db";
import type { Logger } from "@icp/observability";

/** The worker's job scheduler id for the nightly audit purge (one per Redis, however many workers). */
export const AUDIT_RETENTION_SCHEDULER_ID = "audit-retention";
/** 03:15 every night (BullMQ cron with seconds), after the nightly full stock resync at 02:30. */
export const AUDIT_RETENTION_PATTERN = "0 15 3 * * *";

export interface AuditPurgeResult {
  retentionDays: number;
  /** Rows removed by this run (the purge's own "audit.purge" entries are not counted). */
  deleted: number;
  /** Calls of audit_log_purge() that deleted something; each appended one "audit.purge" entry. */
  batches: number;
}

/**
 * Removes audit entries older than `retentionDays` through the database's `audit_log_purge()`
 * (migration 20261202010000_audit_log_retention), the only way past the append-only trigger.
 * The cutoff is computed by the database (`now() - N days`), so a worker clock running ahead
 * can never ask for a cutoff younger than the floor. Rows go oldest first in batches, each
 * batch its own transaction with its own "audit.purge" entry, so a large backlog never holds
 * one long lock; at most `maxBatches` per run, the rest waits for the next night.
 */
export function purgeAuditLog(deps: {
  db: Db;
  logger: Logger;
  retentionDays: number;
  batchSize?: number;
  maxBatches?: number;
}): () => Promise<AuditPurgeResult> {
  const batchSize = deps.batchSize ?? 10_000;
  const maxBatches = deps.maxBatches ?? 100;
  return async () => {
    const result: AuditPurgeResult = { retentionDays: deps.retentionDays, deleted: 0, batches: 0 };
    // 0 = keep for ever (a scheduler left over from an earlier setting does nothing).
    if (deps.retentionDays <= 0) return result;
    for (let i = 0; i < maxBatches; i++) {
      const rows = await deps.db.$queryRaw<{ deleted: number }[]>`
        SELECT audit_log_purge(now() - make_interval(days => ${deps.retentionDays}::int), ${batchSize}::int) AS deleted`;
      const deleted = Number(rows[0]?.deleted ?? 0);
      if (deleted === 0) break;
      result.deleted += deleted;
      result.batches++;
      if (deleted < batchSize) break;
    }
    deps.logger.info(
      { "audit.retention_days": deps.retentionDays, "audit.purged": result.deleted, batches: result.batches },
      result.deleted ? "audit log purged" : "audit log purge: nothing older than the retention",
    );
    return result;
  };
}
