import { randomUUID } from "node:crypto";
import { createPrisma, type Db } from "@icp/db";
import { migrate } from "@icp/db/migrate";
import { createTestDatabase, MIGRATIONS_DIR, type TestDatabase } from "@icp/db/test-database";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isPendingApproval } from "./approvals";
import type { ApiServices } from "./context";
import { PRESETS } from "./permissions";
import { appRouter } from "./root";
import { contextFor, fakeServices, refusal } from "./testing";
import { createCallerFactory } from "./trpc";

/**
 * Four-eyes approval on the real PostgreSQL: a bulk retry over its threshold is held (nothing
 * retried) with its exact input; the requester cannot decide it; a second admin's approval runs it
 * once — also when two approvers click at the same moment; a rejection or an expiry runs nothing;
 * every move is in the audit log.
 */
let database: TestDatabase;
let db: Db;
beforeAll(async () => {
  database = await createTestDatabase();
  await migrate(database.url, MIGRATIONS_DIR);
  db = createPrisma(database.url, { poolSize: 6 });
}, 60_000);
afterAll(async () => {
  await db?.close();
  await database?.drop();
});

/** The failure-retry port: records what it was asked to retry (a job re-added, in the app). */
const retried: string[] = [];
const enqueued: unknown[] = [];
const services = (): ApiServices =>
  fakeServices({
    db,
    failures: {
      retry: async (record) => {
        retried.push(record.id);
        return { state: "RETRYING", detail: "job retried" };
      },
    },
    kafka: {
      ...fakeServices().kafka,
      // What the broker would answer for a range of offsets 0..2000 of partition 0.
      resolveRange: async () => [{ partition: 0, from: "0", to: "2000" }],
    },
    queues: {
      ...fakeServices().queues,
      enqueue: async (job) => {
        enqueued.push(job);
      },
    },
  });
const as = (id: string, role: "admin" | "operator" = "admin") =>
  createCallerFactory(appRouter)(contextFor({ id, permissions: PRESETS[role] }, services()));
const admin1 = () => as("admin-1");
const admin2 = () => as("admin-2");
const admin3 = () => as("admin-3");

/** `n` OPEN failures under their own SAP error code (the filter of a bulk action). */
async function seed(n: number): Promise<string> {
  const code = `T-${randomUUID().slice(0, 8)}`;
  await db.failureRecord.createMany({
    data: Array.from({ length: n }, (_, i) => ({
      flow: "WEBHOOK" as const,
      errorClass: "TRANSIENT" as const,
      state: "OPEN" as const,
      message: "endpoint answered 500",
      sapErrorCode: code,
      payload: { n: i },
      entityKey: `${code}-${i}`,
    })),
  });
  return code;
}
const states = async (code: string) => {
  const rows = await db.failureRecord.groupBy({
    by: ["state"],
    where: { sapErrorCode: code },
    _count: { _all: true },
  });
  return Object.fromEntries(rows.map((r) => [r.state, r._count._all]));
};
const auditOf = (id: string) =>
  db.auditLog.findMany({ where: { targetType: "approval", targetId: id }, orderBy: { at: "asc" } });

async function heldRetry(code: string) {
  const res = await admin1().failures.retryMany({ filter: { sapErrorCode: code }, reason: "SAP is back" });
  if (!isPendingApproval(res)) throw new Error(`not held: ${JSON.stringify(res)}`);
  return res.pendingApproval;
}

describe("four-eyes approval", () => {
  it("holds a bulk retry over the threshold with its exact input, retrying nothing", async () => {
    const code = await seed(150);
    const held = await heldRetry(code);
    expect(held).toMatchObject({
      action: "failures.retryMany",
      rule: "bulk_retry",
      size: 150,
      threshold: 100,
    });
    expect(await states(code)).toEqual({ OPEN: 150 });
    const row = await db.approvalRequest.findUniqueOrThrow({ where: { id: held.id } });
    expect(row).toMatchObject({
      state: "PENDING",
      requestedBy: "admin-1",
      input: { filter: { sapErrorCode: code }, reason: "SAP is back" },
      size: 150,
    });
    expect(row.expiresAt.getTime() - row.requestedAt.getTime()).toBeCloseTo(24 * 3_600_000, -4);
    expect((await auditOf(held.id)).map((a) => [a.action, a.actorId])).toEqual([
      ["approval.request", "admin-1"],
    ]);
  });

  it("runs a bulk retry at or under the threshold at once", async () => {
    const code = await seed(100);
    const res = await admin1().failures.retryMany({ filter: { sapErrorCode: code }, reason: "small batch" });
    expect(res).toMatchObject({ matched: 100, retried: 100 });
    expect(await states(code)).toEqual({ RETRYING: 100 });
  });

  it("refuses the requester's own approval or rejection, and a user without approvals.decide", async () => {
    const code = await seed(101);
    const held = await heldRetry(code);
    expect(await refusal(admin1().approvals.approve({ id: held.id }))).toBe("APPROVAL_SELF");
    expect(await refusal(admin1().approvals.reject({ id: held.id, reason: "changed my mind" }))).toBe(
      "APPROVAL_SELF",
    );
    expect(await refusal(as("op-1", "operator").approvals.approve({ id: held.id }))).toBe("FORBIDDEN");
    expect((await db.approvalRequest.findUniqueOrThrow({ where: { id: held.id } })).state).toBe("PENDING");
    expect(await states(code)).toEqual({ OPEN: 101 });
    expect((await auditOf(held.id)).map((a) => a.action)).toEqual(["approval.request"]);
  });

  it("a second admin's approval runs the stored retry once and records its result, all audited", async () => {
    const code = await seed(120);
    const held = await heldRetry(code);
    retried.length = 0;
    const done = await admin2().approvals.approve({ id: held.id, reason: "checked the filter" });
    expect(done).toMatchObject({ state: "EXECUTED", decidedBy: "admin-2", error: null });
    expect(done.result).toMatchObject({ matched: 120, retried: 120, failed: 0 });
    expect(await states(code)).toEqual({ RETRYING: 120 });
    expect(retried).toHaveLength(120);
    expect((await auditOf(held.id)).map((a) => [a.action, a.actorId])).toEqual([
      ["approval.request", "admin-1"],
      ["approval.approve", "admin-2"],
      ["approval.execute", "admin-2"],
    ]);
    // The retry itself is audited as every bulk retry is, with the requester's reason.
    const summary = await db.auditLog.findMany({
      where: { action: "failure.retry_many", reason: "SAP is back" },
    });
    expect(
      summary.filter((s) => (s.before as { filter: { sapErrorCode: string } }).filter.sapErrorCode === code),
    ).toHaveLength(1);
    expect(await refusal(admin3().approvals.approve({ id: held.id }))).toBe("APPROVAL_DECIDED");
  });

  it("an approved bulk retry acts on the failures that existed when it was asked for, not on later ones", async () => {
    const code = await seed(110);
    const held = await heldRetry(code);
    // Five more arrive under the same filter after the request, before anyone approves it.
    await db.failureRecord.createMany({
      data: Array.from({ length: 5 }, (_, i) => ({
        flow: "WEBHOOK" as const,
        errorClass: "TRANSIENT" as const,
        state: "OPEN" as const,
        message: "endpoint answered 500",
        sapErrorCode: code,
        payload: { late: i },
        entityKey: `${code}-late-${i}`,
        createdAt: new Date(Date.now() + 1_000),
      })),
    });
    const done = await admin2().approvals.approve({ id: held.id, reason: "the 110 I was shown" });
    expect(done).toMatchObject({ state: "EXECUTED", error: null });
    expect(done.result).toMatchObject({ matched: 110, retried: 110 });
    expect(await states(code)).toEqual({ RETRYING: 110, OPEN: 5 });
  });

  it("an approved bulk retry whose scope grew since the request runs nothing and says so", async () => {
    const code = await seed(105);
    // Three older failures of the same cause that are not retryable yet (a retry in flight).
    await db.failureRecord.createMany({
      data: Array.from({ length: 3 }, (_, i) => ({
        flow: "WEBHOOK" as const,
        errorClass: "TRANSIENT" as const,
        state: "RETRYING" as const,
        message: "endpoint answered 500",
        sapErrorCode: code,
        payload: { inFlight: i },
        entityKey: `${code}-flight-${i}`,
      })),
    });
    const held = await heldRetry(code);
    expect(held.size).toBe(105);
    // Their retries fail again: 108 old failures now match, more than the 105 approved.
    await db.failureRecord.updateMany({
      where: { sapErrorCode: code, state: "RETRYING" },
      data: { state: "OPEN" },
    });
    retried.length = 0;
    const done = await admin2().approvals.approve({ id: held.id });
    expect(done.state).toBe("FAILED");
    expect(done.error).toMatch(/108 item\(s\); 105 were approved/);
    expect(retried).toHaveLength(0);
    expect(await states(code)).toEqual({ OPEN: 108 });
  });

  it("two approvers at the same moment run it once: one wins, the other is told it is decided", async () => {
    const code = await seed(130);
    const held = await heldRetry(code);
    retried.length = 0;
    const outcomes = await Promise.all([
      refusal(admin2().approvals.approve({ id: held.id })),
      refusal(admin3().approvals.approve({ id: held.id })),
      refusal(admin2().approvals.approve({ id: held.id })),
    ]);
    expect(outcomes.sort()).toEqual(["APPROVAL_DECIDED", "APPROVAL_DECIDED", "OK"]);
    expect(retried).toHaveLength(130);
    expect(await states(code)).toEqual({ RETRYING: 130 });
    expect((await auditOf(held.id)).map((a) => a.action)).toEqual([
      "approval.request",
      "approval.approve",
      "approval.execute",
    ]);
  });

  it("a rejection with a reason runs nothing and cannot be approved afterwards", async () => {
    const code = await seed(140);
    const held = await heldRetry(code);
    expect(await refusal(admin2().approvals.reject({ id: held.id, reason: "x" }))).toBe("BAD_REQUEST");
    const rejected = await admin2().approvals.reject({ id: held.id, reason: "wrong filter" });
    expect(rejected).toMatchObject({
      state: "REJECTED",
      decidedBy: "admin-2",
      decisionReason: "wrong filter",
    });
    expect(await refusal(admin3().approvals.approve({ id: held.id }))).toBe("APPROVAL_DECIDED");
    expect(await states(code)).toEqual({ OPEN: 140 });
    const audit = await auditOf(held.id);
    expect(audit.map((a) => [a.action, a.reason])).toEqual([
      ["approval.request", "SAP is back"],
      ["approval.reject", "wrong filter"],
    ]);
  });

  it("the list's Pending view shows what waits for a decision, Decided the rest, All both", async () => {
    const waiting = await heldRetry(await seed(110));
    const decided = await heldRetry(await seed(110));
    await admin2().approvals.reject({ id: decided.id, reason: "not now" });
    const ids = async (view: "open" | "decided" | "all") =>
      (await admin3().approvals.list({ view, pageSize: 200 })).rows
        .map((r) => r.id)
        .filter((id) => id === waiting.id || id === decided.id);
    expect(await ids("open")).toEqual([waiting.id]);
    expect(await ids("decided")).toEqual([decided.id]);
    expect((await ids("all")).sort()).toEqual([waiting.id, decided.id].sort());
  });

  it("an expired request cannot be approved: it becomes EXPIRED, audited by the system", async () => {
    const code = await seed(110);
    const held = await heldRetry(code);
    await db.$executeRaw`update approval_request set expires_at = now() - interval '1 minute' where id = ${held.id}::uuid`;
    expect(await refusal(admin2().approvals.approve({ id: held.id }))).toBe("APPROVAL_EXPIRED");
    expect((await db.approvalRequest.findUniqueOrThrow({ where: { id: held.id } })).state).toBe("EXPIRED");
    expect(await states(code)).toEqual({ OPEN: 110 });
    expect((await auditOf(held.id)).map((a) => [a.action, a.actorRole])).toEqual([
      ["approval.request", "CUSTOM"],
      ["approval.expire", "SYSTEM"],
    ]);
  });

  it("the rules are settings: a change is audited, and a full resync is held only while its rule is on", async () => {
    expect(
      await refusal(
        as("op-1", "operator").approvals.updateRule({
          id: "full_resync",
          enabled: true,
          threshold: 0,
          expiryHours: 2,
          reason: "policy",
        }),
      ),
    ).toBe("FORBIDDEN");
    await admin1().approvals.updateRule({
      id: "full_resync",
      enabled: true,
      threshold: 0,
      expiryHours: 2,
      reason: "policy",
    });
    const rule = await db.auditLog.findFirstOrThrow({
      where: { action: "approval_rule.update", targetId: "full_resync" },
    });
    expect(rule).toMatchObject({
      reason: "policy",
      before: { enabled: false, threshold: 0, expiryHours: 24 },
      after: { enabled: true, threshold: 0, expiryHours: 2 },
    });
    enqueued.length = 0;
    const res = await admin1().resync.start({
      entity: "CUSTOMERS",
      mode: "FULL",
      reason: "after the migration",
    });
    if (!isPendingApproval(res)) throw new Error("a full resync was not held");
    expect(res.pendingApproval.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(2 * 3_600_000);
    expect(await db.syncRun.count({ where: { entity: "CUSTOMERS" } })).toBe(0);
    // A delta is not a full resync: it runs.
    expect(isPendingApproval(await admin1().resync.start({ entity: "STOCK", mode: "DELTA" }))).toBe(false);
    const done = await admin2().approvals.approve({ id: res.pendingApproval.id });
    expect(done.state).toBe("EXECUTED");
    expect(await db.syncRun.findFirstOrThrow({ where: { entity: "CUSTOMERS" } })).toMatchObject({
      mode: "FULL",
      state: "QUEUED",
    });
    expect(enqueued).toHaveLength(2);
  });

  it("a bulk discard over the threshold is held, and approved it discards each failure once", async () => {
    const code = await seed(105);
    const res = await admin1().failures.discardMany({
      filter: { sapErrorCode: code },
      reason: "endpoint retired",
    });
    if (!isPendingApproval(res)) throw new Error("not held");
    expect(await states(code)).toEqual({ OPEN: 105 });
    await admin2().approvals.approve({ id: res.pendingApproval.id });
    expect(await states(code)).toEqual({ DISCARDED: 105 });
    expect(
      await db.auditLog.count({ where: { action: "failure.discard_bulk", reason: "endpoint retired" } }),
    ).toBe(105);
  });

  it("a replay of more messages than the replay rule allows is held, and approved it starts its run", async () => {
    const range = {
      by: "offsets",
      topic: "orders",
      partition: 0,
      fromOffset: "0",
      toOffset: "1999",
    } as const;
    const res = await admin1().replay.start({ range, reason: "orders lost in SAP" });
    if (!isPendingApproval(res)) throw new Error("not held");
    expect(res.pendingApproval).toMatchObject({ rule: "replay", size: 2000, threshold: 1000 });
    expect(await db.replayRun.count()).toBe(0);
    enqueued.length = 0;
    const done = await admin2().approvals.approve({ id: res.pendingApproval.id });
    expect(done.state).toBe("EXECUTED");
    const run = await db.replayRun.findFirstOrThrow();
    expect(run).toMatchObject({
      topic: "orders",
      state: "QUEUED",
      reason: "orders lost in SAP",
      requestedBy: "admin-2@example.test",
    });
    expect(done.result).toEqual({ id: run.id });
    expect(enqueued).toHaveLength(1);
  });
});
