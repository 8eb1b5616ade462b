import { type Env, parseEnv } from "@icp/config";
import { createPrisma, type Db } from "@icp/db";
import { JobNames, Queues } from "@icp/domain";
import { redisConnection } from "@icp/messaging";
import { createLogger } from "@icp/observability";
import { startWorker, type WorkerApp } from "@icp/worker";
import {
  AUDIT_RETENTION_PATTERN,
  AUDIT_RETENTION_SCHEDULER_ID,
  purgeAuditLog,
} from "@icp/worker/maintenance/audit-retention";
import { Queue, QueueEvents } from "bullmq";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type TestStack, testStack } from "./harness";

/**
 * Audit retention as the worker runs it: AUDIT_RETENTION_DAYS puts a nightly job scheduler on
 * the maintenance queue (0 removes it), and the job purges through audit_log_purge(), which
 * appends one "audit.purge" entry per batch. The SQL contract itself (floor, trigger) is
 * packages/db/src/audit-retention.int.test.ts.
 */
let stack: TestStack;
let db: Db;
let queue: Queue;
const logger = createLogger({ service: "it", level: "silent" });

beforeAll(async () => {
  stack = await testStack({ AUDIT_RETENTION_DAYS: "90" });
  db = createPrisma(stack.env.DATABASE_URL);
  queue = new Queue(Queues.maintenance, { connection: redisConnection(stack.env.REDIS_URL) });
}, 120_000);

afterAll(async () => {
  await queue?.close();
  await db?.close();
  await stack?.close();
});

async function seed(tag: string, ...ages: number[]) {
  for (const days of ages) {
    await db.$executeRaw`
      INSERT INTO audit_log (id, at, actor_id, actor_role, action, target_type, target_id)
      VALUES (gen_random_uuid(), now() - make_interval(days => ${days}::int), 'u-1', 'ADMIN', 'settings.update', 'setting', ${`${tag}-${days}`})`;
  }
}
const left = async (tag: string) =>
  (
    await db.auditLog.findMany({
      where: { targetId: { startsWith: `${tag}-` } },
      orderBy: { at: "asc" },
      select: { targetId: true },
    })
  ).map((r) => r.targetId);
const purgeEntries = () =>
  db.auditLog.findMany({ where: { action: "audit.purge" }, orderBy: [{ at: "asc" }, { id: "asc" }] });

async function withWorker<T>(env: Env, fn: (w: WorkerApp) => Promise<T>): Promise<T> {
  const worker = await startWorker(env, { groupSuffix: stack.groupSuffix, http: false });
  try {
    return await fn(worker);
  } finally {
    await worker.close();
  }
}

describe("audit retention in the worker", () => {
  // Each test starts from an empty audit log. The table owner may switch the append-only
  // trigger off (this throwaway database only); the application never does.
  beforeEach(async () => {
    await db.$transaction([
      db.$executeRawUnsafe("ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only"),
      db.$executeRawUnsafe("DELETE FROM audit_log"),
      db.$executeRawUnsafe("ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only"),
    ]);
  });

  it("schedules the nightly purge, and the job removes old entries and audits itself", async () => {
    await seed("job", 500, 120, 60, 5);
    await withWorker(stack.env, async () => {
      const scheduler = await queue.getJobScheduler(AUDIT_RETENTION_SCHEDULER_ID);
      expect(scheduler).toMatchObject({ name: JobNames.auditPurge, pattern: AUDIT_RETENTION_PATTERN });

      // Run it now instead of waiting for 03:15: the same job on the same queue.
      const events = new QueueEvents(Queues.maintenance, {
        connection: redisConnection(stack.env.REDIS_URL),
      });
      try {
        await events.waitUntilReady();
        const job = await queue.add(JobNames.auditPurge, { retentionDays: 90 });
        const result = await job.waitUntilFinished(events, 30_000);
        expect(result).toEqual({ retentionDays: 90, deleted: 2, batches: 1 });
      } finally {
        await events.close();
      }
    });
    expect(await left("job")).toEqual(["job-60", "job-5"]);
    const entries = await purgeEntries();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      actorId: "system",
      actorRole: "SYSTEM",
      actorEmail: null,
      action: "audit.purge",
      targetType: "audit_log",
      after: { count: 2, floorDays: 30 },
    });
  });

  it("works through a backlog in batches, one purge entry each, and stops at the batch cap", async () => {
    await seed("batch", 400, 390, 380, 370, 360, 100);
    const capped = purgeAuditLog({ db, logger, retentionDays: 200, batchSize: 2, maxBatches: 2 });
    expect(await capped()).toEqual({ retentionDays: 200, deleted: 4, batches: 2 });
    expect(await left("batch")).toEqual(["batch-360", "batch-100"]);
    const rest = purgeAuditLog({ db, logger, retentionDays: 200, batchSize: 2 });
    expect(await rest()).toEqual({ retentionDays: 200, deleted: 1, batches: 1 });
    expect(await left("batch")).toEqual(["batch-100"]);
    expect((await purgeEntries()).map((e) => (e.after as { count: number }).count)).toEqual([2, 2, 1]);
  });

  it("does nothing at 0 days, and a worker started with 0 removes the schedule", async () => {
    await seed("keep", 3000);
    expect(await purgeAuditLog({ db, logger, retentionDays: 0 })()).toEqual({
      retentionDays: 0,
      deleted: 0,
      batches: 0,
    });
    expect(await left("keep")).toEqual(["keep-3000"]);
    expect(await queue.getJobScheduler(AUDIT_RETENTION_SCHEDULER_ID)).toBeTruthy();
    await withWorker({ ...stack.env, AUDIT_RETENTION_DAYS: 0 }, async () => {
      expect(await queue.getJobScheduler(AUDIT_RETENTION_SCHEDULER_ID)).toBeUndefined();
    });
  });

  it("refuses a retention below the floor at start-up, with a message naming the setting", () => {
    expect(() => parseEnv({ AUDIT_RETENTION_DAYS: "7" })).toThrowError(
      /AUDIT_RETENTION_DAYS: must be 0 \(keep the audit log for ever\) or at least 30 days/,
    );
  });
});
