import { randomUUID } from "node:crypto";
import { createPrisma, type Db } from "@icp/db";
import { migrate } from "@icp/db/migrate";
import { createTestDatabase, MIGRATIONS_DIR, type TestDatabase } from "@icp/db/test-database";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { ApiServices } from "../../context";
import { PRESETS } from "../../permissions";
import { appRouter } from "../../root";
import { contextFor, fakeServices, refusal } from "../../testing";
import { createCallerFactory } from "../../trpc";

/**
 * On-demand drift checks are single-flight on the real PostgreSQL: the console creates the run
 * QUEUED in the transaction of its audit entry, and the partial unique index
 * drift_run_one_active lets one QUEUED/RUNNING run per scope exist. Requests racing each other
 * before any worker has started the first get one run and one job; "Check now" answers the rest
 * DRIFT_CHECK_RUNNING, a preview joins the run already there.
 */
let database: TestDatabase;
let db: Db;
beforeAll(async () => {
  database = await createTestDatabase();
  await migrate(database.url, MIGRATIONS_DIR);
  db = createPrisma(database.url, { poolSize: 8 });
}, 60_000);
afterAll(async () => {
  await db?.close();
  await database?.drop();
});

type Job = { queue: string; name: string; data: { runId?: string } };
let enqueued: Job[] = [];
/** What the worker does with a check job, if anything (it is not running here). */
let onJob: (job: Job) => Promise<void> = async () => {};
beforeEach(async () => {
  enqueued = [];
  onJob = async () => {};
  await db.driftFinding.deleteMany();
  await db.driftRun.deleteMany();
});

const services = (): ApiServices =>
  fakeServices({
    db,
    queues: {
      ...fakeServices().queues,
      enqueue: async (job) => {
        enqueued.push(job as Job);
        await onJob(job as Job);
      },
    },
  });
const as = (id: string) =>
  createCallerFactory(appRouter)(contextFor({ id, permissions: PRESETS.admin }, services()));

const audits = (action: string) => db.auditLog.count({ where: { action } });

describe("on-demand drift checks are single-flight", () => {
  it("five Check now of one entity at the same moment make one run and one job; the other four get DRIFT_CHECK_RUNNING", async () => {
    const results = await Promise.all(
      Array.from({ length: 5 }, (_, i) => refusal(as(`admin-${i}`).drift.check({ entity: "PRODUCTS" }))),
    );
    expect(results.filter((r) => r === "OK")).toHaveLength(1);
    expect(results.filter((r) => r === "DRIFT_CHECK_RUNNING")).toHaveLength(4);
    const runs = await db.driftRun.findMany({ where: { entity: "PRODUCTS" } });
    expect(runs).toEqual([expect.objectContaining({ kind: "ENTITY", state: "QUEUED" })]);
    expect(enqueued.map((j) => j.data.runId)).toEqual([runs[0]?.id]);
    expect(await audits("drift.check")).toBe(1);
  });

  it("the index, not only the look before the insert, holds the scope: a second QUEUED run of it is refused by PostgreSQL", async () => {
    const run = { entity: "STOCK" as const, kind: "PLANT" as const, plant: "1010", startedBy: "it" };
    await db.driftRun.create({ data: { id: randomUUID(), ...run, state: "QUEUED" } });
    const second = await db.driftRun.create({ data: { id: randomUUID(), ...run, state: "RUNNING" } }).then(
      () => "inserted",
      (e: { code?: string }) => e.code,
    );
    expect(second).toBe("P2002");
    // other scopes, a finished run and samples are not held
    await db.driftRun.create({ data: { id: randomUUID(), ...run, plant: "1020", state: "QUEUED" } });
    await db.driftRun.create({ data: { id: randomUUID(), ...run, state: "SUCCEEDED" } });
    for (let i = 0; i < 2; i++)
      await db.driftRun.create({
        data: { id: randomUUID(), entity: "STOCK", kind: "SAMPLE", startedBy: "sampler", state: "RUNNING" },
      });
  });

  it("once the run has ended, Check now starts a new one", async () => {
    const first = await as("admin-1").drift.check({ entity: "CUSTOMERS" });
    expect(await refusal(as("admin-2").drift.check({ entity: "CUSTOMERS" }))).toBe("DRIFT_CHECK_RUNNING");
    await db.driftRun.update({
      where: { id: first.runId },
      data: { state: "SUCCEEDED", finishedAt: new Date() },
    });
    const second = await as("admin-2").drift.check({ entity: "CUSTOMERS" });
    expect(second.runId).not.toBe(first.runId);
    expect(enqueued).toHaveLength(2);
  });

  it("two previews of one plant's stock at the same moment wait for one run and answer the same preview", async () => {
    // the worker stood in for: it takes the job and finishes the run a moment later
    onJob = async (job) => {
      setTimeout(async () => {
        // (a Prisma query runs only when awaited)
        await db.driftRun.update({
          where: { id: job.data.runId ?? "" },
          data: { state: "SUCCEEDED", checked: 30, total: 30, drifted: 0, finishedAt: new Date() },
        });
      }, 500);
    };
    const [a, b] = await Promise.all([
      as("admin-1").resyncOne.previewPlant({ plant: "1010" }),
      as("admin-2").resyncOne.previewPlant({ plant: "1010" }),
    ]);
    expect(a.runId).toBe(b.runId);
    expect(a).toMatchObject({ plant: "1010", checked: 30, truncated: false });
    expect(enqueued).toHaveLength(1);
    expect(await db.driftRun.count({ where: { kind: "PLANT" } })).toBe(1);
    // both asked, both audited: the second as joining the first's run
    const entries = await db.auditLog.findMany({
      where: { action: "resync.preview" },
      orderBy: { at: "asc" },
    });
    expect(entries.map((e) => [e.targetId, (e.after as { joined?: boolean }).joined ?? false])).toEqual([
      [a.runId, false],
      [a.runId, true],
    ]);
  });
});
