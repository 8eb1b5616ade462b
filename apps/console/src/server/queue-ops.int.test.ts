import { randomBytes } from "node:crypto";
import { queuesRouter } from "@icp/api/routers/queues/router";
import { contextFor, fakeServices } from "@icp/api/testing";
import { createCallerFactory } from "@icp/api/trpc";
import { loadEnv } from "@icp/config";
import { createPrisma, type Db } from "@icp/db";
import { migrate } from "@icp/db/migrate";
import { createTestDatabase, MIGRATIONS_DIR, type TestDatabase } from "@icp/db/test-database";
import { type QueueName, Queues } from "@icp/domain";
import { redisConnection } from "@icp/messaging";
import { TRPCError } from "@trpc/server";
import { Queue, Worker } from "bullmq";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

vi.mock("server-only", () => ({}));
const { queueOps } = await import("./queue-ops");

/**
 * Every queue operation of the console (issue 19) on the real Redis and PostgreSQL: the audit
 * entry records the positions before and after — the job's state and its queue's counts, or
 * whether the queue was paused and its counts — and a refused operation records nothing.
 */
let database: TestDatabase;
let db: Db;
const prefix = `icp-it-queue-ops-${randomBytes(4).toString("hex")}`;
const connection = redisConnection(loadEnv().REDIS_URL);
const name = Queues.webhooks;
const queues = new Map<QueueName, Queue>();
let queue: Queue;

beforeAll(async () => {
  database = await createTestDatabase();
  await migrate(database.url, MIGRATIONS_DIR);
  db = createPrisma(database.url, { poolSize: 2 });
  queue = new Queue(name, { connection, prefix });
  queues.set(name, queue);
}, 120_000);

beforeEach(async () => {
  await queue.obliterate({ force: true });
});

afterAll(async () => {
  await queue?.obliterate({ force: true }).catch(() => undefined);
  await queue?.close();
  await db?.close();
  await database?.drop();
});

const caller = () =>
  createCallerFactory(queuesRouter)(
    contextFor("operator", fakeServices({ db, queues: queueOps(() => queues) })),
  );

interface Positions {
  state?: string;
  paused?: boolean;
  queue: { waiting: number; delayed: number; failed: number; isPaused: boolean };
}
/** The one audit row of this action (each test does each action once; the log is append-only). */
async function audited(action: string) {
  const rows = await db.auditLog.findMany({ where: { action }, orderBy: { at: "asc" } });
  expect(rows).toHaveLength(1);
  const row = rows[0];
  return { before: row?.before as unknown as Positions, after: row?.after as unknown as Positions };
}

/** A job that ran out of attempts: failed, as a worker leaves it. */
async function failedJob(id: string) {
  await queue.add("deliver", { id }, { jobId: id, attempts: 1 });
  const worker = new Worker(name, null, { connection, prefix });
  try {
    const job = await worker.getNextJob("tok");
    if (!job) throw new Error("no job to fail");
    await job.moveToFailed(new Error("receiver said 500"), "tok", false);
  } finally {
    await worker.close();
  }
}

describe("queue operations audit their before and after positions", () => {
  it("a retried job: failed → waiting, the queue's failed count down and waiting up", async () => {
    await failedJob("f-1");
    await queue.add("other", {}, { jobId: "w-1" });
    await caller().retryJob({ queue: name, id: "f-1", reason: "receiver fixed" });
    const { before, after } = await audited("queue.job_retry");
    expect(before).toMatchObject({ state: "failed", queue: { failed: 1, waiting: 1 } });
    expect(after).toMatchObject({ state: "waiting", queue: { failed: 0, waiting: 2 } });
  });

  it("a promoted job: delayed → waiting, the delayed count moved to waiting", async () => {
    await queue.add("later", {}, { jobId: "d-1", delay: 3_600_000 });
    await caller().promoteJob({ queue: name, id: "d-1" });
    const { before, after } = await audited("queue.job_promote");
    expect(before).toMatchObject({ state: "delayed", queue: { delayed: 1, waiting: 0 } });
    expect(after).toMatchObject({ state: "waiting", queue: { delayed: 0, waiting: 1 } });
  });

  it("a removed job: its state before, removed after, one job fewer waiting", async () => {
    await queue.addBulk([
      { name: "a", data: {}, opts: { jobId: "r-1" } },
      { name: "b", data: {}, opts: { jobId: "r-2" } },
    ]);
    await caller().removeJob({ queue: name, id: "r-1", reason: "sent by hand" });
    const { before, after } = await audited("queue.job_remove");
    expect(before).toMatchObject({ state: "waiting", queue: { waiting: 2 } });
    expect(after).toMatchObject({ state: "removed", queue: { waiting: 1 } });
    expect(await queue.getJob("r-1")).toBeUndefined();
  });

  it("pause and resume: paused before and after, with the counts at each moment", async () => {
    await queue.addBulk([1, 2, 3].map((i) => ({ name: "p", data: { i } })));
    await caller().pause({ queue: name, reason: "receiver maintenance" });
    const paused = await audited("queue.pause");
    expect(paused.before).toMatchObject({ paused: false, queue: { isPaused: false } });
    expect(paused.after).toMatchObject({ paused: true, queue: { isPaused: true } });
    // the jobs waiting are counted on both sides, wherever BullMQ keeps them while paused
    const waitingOf = (p: Positions) => p.queue.waiting + (p.queue as unknown as { paused: number }).paused;
    expect(waitingOf(paused.before)).toBe(3);
    expect(waitingOf(paused.after)).toBe(3);

    await caller().resume({ queue: name });
    const resumed = await audited("queue.resume");
    expect(resumed.before).toMatchObject({ paused: true });
    expect(resumed.after).toMatchObject({ paused: false, queue: { isPaused: false, waiting: 3 } });
  });

  it("an operation BullMQ refuses (retrying a waiting job) or on a job that is not there audits nothing and changes nothing", async () => {
    await queue.add("x", {}, { jobId: "n-1" });
    const audits = await db.auditLog.count();
    const refused = await caller()
      .retryJob({ queue: name, id: "n-1" })
      .then(
        () => "OK",
        (e: unknown) => (e instanceof TRPCError ? e.code : "other"),
      );
    expect(refused).toBe("PRECONDITION_FAILED");
    const missing = await caller()
      .removeJob({ queue: name, id: "never-there", reason: "typo" })
      .then(
        () => "OK",
        (e: unknown) => (e instanceof TRPCError ? e.code : "other"),
      );
    expect(missing).toBe("NOT_FOUND");
    expect(await db.auditLog.count()).toBe(audits);
    expect(await (await queue.getJob("n-1"))?.getState()).toBe("waiting");
  });
});
