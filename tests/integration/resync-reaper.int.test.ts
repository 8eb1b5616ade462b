import { createPrisma, type Db } from "@icp/db";
import { redisConnection } from "@icp/messaging";
import { createLogger } from "@icp/observability";
import { reapOrphanedRuns } from "@icp/worker/master-data/resync";
import { Queue, Worker } from "bullmq";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually, type TestStack, testStack } from "./harness";

/**
 * A resync run whose job was lost (worker killed and its scheduler tick skipped, Redis
 * restored without the job) must not block its entity for ever: the reaper fails it with the
 * reason, and leaves runs whose jobs are alive, or that were only just created, alone.
 */
let stack: TestStack;
let db: Db;
let queue: Queue;

beforeAll(async () => {
  stack = await testStack();
  db = createPrisma(stack.env.DATABASE_URL);
  // A queue of the test's own, so its jobs' states are exactly what the test makes them.
  queue = new Queue(`it-reaper-${stack.groupSuffix}`, { connection: redisConnection(stack.env.REDIS_URL) });
});

afterAll(async () => {
  await queue?.close();
  await db?.close();
  await stack?.close();
});

describe("orphaned resync runs", () => {
  it("fails runs whose job is gone or finished, keeps live and fresh ones", async () => {
    const old = new Date(Date.now() - 10 * 60_000);
    const mk = (
      entity: "PRODUCTS" | "STOCK" | "CUSTOMERS" | "PRICES",
      state: "QUEUED" | "RUNNING",
      createdAt: Date,
    ) =>
      db.syncRun.create({
        data: { entity, mode: "FULL", startedBy: "test", state, createdAt, processed: 120 },
      });
    const gone = await mk("PRODUCTS", "RUNNING", old);
    await db.syncRun.update({ where: { id: gone.id }, data: { jobId: `resync-${gone.id}` } });
    const waiting = await mk("STOCK", "QUEUED", old);
    // Delayed: alive, not yet picked up by a worker.
    await queue.add("resync", { runId: waiting.id }, { jobId: `resync-${waiting.id}`, delay: 3_600_000 });
    await db.syncRun.update({ where: { id: waiting.id }, data: { jobId: `resync-${waiting.id}` } });
    // Completed: a scheduler tick that was retried after a crash and skipped the active run.
    const finished = await mk("CUSTOMERS", "RUNNING", old);
    const worker = new Worker(queue.name, async () => ({ skipped: true }), {
      connection: redisConnection(stack.env.REDIS_URL),
    });
    const tick = await queue.add(
      "scheduled-resync",
      { entity: "CUSTOMERS" },
      { jobId: `tick-${finished.id}` },
    );
    await eventually(async () => (await tick.getState()) === "completed", "the tick job to complete");
    await worker.close();
    await db.syncRun.update({ where: { id: finished.id }, data: { jobId: `tick-${finished.id}` } });
    const fresh = await mk("PRICES", "QUEUED", new Date());

    const jobState = async (id: string) => {
      const job = await queue.getJob(id);
      return job ? await job.getState() : undefined;
    };
    const reaped = await reapOrphanedRuns({
      db,
      jobState,
      logger: createLogger({ service: "it", level: "silent" }),
    });

    expect(new Set(reaped)).toEqual(new Set([gone.id, finished.id]));
    const after = await db.syncRun.findMany({
      where: { id: { in: [gone.id, waiting.id, finished.id, fresh.id] } },
      select: { id: true, state: true, error: true },
    });
    const byId = Object.fromEntries(after.map((r) => [r.id, r]));
    expect(byId[gone.id]).toMatchObject({ state: "FAILED", error: expect.stringContaining("job is gone") });
    expect(byId[gone.id]?.error).toContain("after 120 record(s)");
    expect(byId[finished.id]?.state).toBe("FAILED");
    expect(byId[waiting.id]?.state).toBe("QUEUED");
    expect(byId[fresh.id]?.state).toBe("QUEUED");
    // A second sweep finds nothing more to do.
    expect(
      await reapOrphanedRuns({ db, jobState, logger: createLogger({ service: "it", level: "silent" }) }),
    ).toEqual([]);
  });
});
