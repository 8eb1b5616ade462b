import { describe, expect, it, vi } from "vitest";
import { memoryDb } from "../../memory-db";
import type { FailureActions } from "../../ports";
import { appRouter } from "../../root";
import { contextFor, fakeServices } from "../../testing";
import { createCallerFactory } from "../../trpc";
import { failureWhere, pinFilter } from "./handlers";

const ID = "0193a3c0-0000-7000-8000-000000000001";
const ID2 = "0193a3c0-0000-7000-8000-000000000002";

function failure(overrides: Record<string, unknown> = {}) {
  return {
    id: ID,
    flow: "ORDERS",
    errorClass: "BUSINESS",
    state: "OPEN",
    sapErrorCode: "V1/123",
    message: "Material unknown",
    payload: { orderId: "SO-1", items: [{ sku: "X" }] },
    originalPayload: null,
    attempts: 8,
    entityKey: "SO-1",
    orderLinkId: "link-1",
    createdAt: new Date(),
    ...overrides,
  };
}

function setup(rows = [failure()], retry?: FailureActions["retry"]) {
  const { db, tables } = memoryDb({ failureRecord: rows });
  const actions = {
    retry: vi.fn(retry ?? (async () => ({ state: "RETRYING" as const, detail: "job retried" }))),
  };
  const caller = (who: Parameters<typeof contextFor>[0]) =>
    createCallerFactory(appRouter)(contextFor(who, fakeServices({ db, failures: actions })));
  return { tables, actions, caller };
}

describe("failures", () => {
  it("a retried order failure becomes RETRYING with an audit row and a timeline entry", async () => {
    const { tables, actions, caller } = setup();
    const res = await caller("operator").failures.retry({ id: ID });
    expect(res.state).toBe("RETRYING");
    expect(actions.retry).toHaveBeenCalledWith(expect.objectContaining({ id: ID }), failure().payload);
    expect(tables.auditLog).toEqual([
      expect.objectContaining({
        action: "failure.retry",
        targetId: ID,
        actorRole: "OPERATOR",
        requestId: "req-1",
      }),
    ]);
    expect(tables.orderEvent).toEqual([
      expect.objectContaining({ kind: "OPERATOR_ACTION", orderLinkId: "link-1" }),
    ]);
  });

  it("a failure that is not OPEN is refused with a typed error and nothing happens", async () => {
    const { tables, actions, caller } = setup([failure({ state: "RESOLVED" })]);
    await expect(caller("operator").failures.retry({ id: ID })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
    });
    expect(actions.retry).not.toHaveBeenCalled();
    expect(tables.auditLog).toEqual([]);
  });

  it("when the re-enqueue fails the record stays OPEN and no audit row claims success", async () => {
    const { tables, caller } = setup([failure()], async () => {
      throw new Error("redis down");
    });
    await expect(caller("operator").failures.retry({ id: ID })).rejects.toThrow(/redis down/);
    expect(tables.failureRecord?.[0]?.state).toBe("OPEN");
    expect(tables.auditLog).toEqual([]);
  });

  it("discard needs a reason and records who and why", async () => {
    const { tables, caller } = setup();
    await expect(caller("operator").failures.discard({ id: ID, reason: "" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    expect(tables.failureRecord?.[0]?.state).toBe("OPEN");
    await caller("operator").failures.discard({ id: ID, reason: "duplicate test order" });
    expect(tables.failureRecord?.[0]).toMatchObject({
      state: "DISCARDED",
      discardReason: "duplicate test order",
      discardedBy: "operator@example.test",
    });
    expect(tables.auditLog).toEqual([
      expect.objectContaining({ action: "failure.discard", reason: "duplicate test order" }),
    ]);
  });

  it("an admin's edit keeps the original payload and audits the before/after diff", async () => {
    const { tables, actions, caller } = setup();
    const edited = { orderId: "SO-1", items: [{ sku: "Y" }] };
    await caller("admin").failures.editAndRetry({
      id: ID,
      reason: "fix sku",
      payload: JSON.stringify(edited),
    });
    expect(actions.retry).toHaveBeenCalledWith(expect.anything(), edited);
    expect(tables.failureRecord?.[0]).toMatchObject({ payload: edited, originalPayload: failure().payload });
    expect(tables.auditLog?.[0]).toMatchObject({
      action: "failure.edit_retry",
      before: { state: "OPEN", payload: failure().payload },
      after: { state: "RETRYING", payload: edited },
    });
  });

  it("a second edit does not overwrite the first original payload", async () => {
    const first = { orderId: "SO-1", v: 0 };
    const { tables, caller } = setup([
      failure({ payload: { orderId: "SO-1", v: 1 }, originalPayload: first }),
    ]);
    await caller("admin").failures.editAndRetry({
      id: ID,
      reason: "again",
      payload: '{"orderId":"SO-1","v":2}',
    });
    expect(tables.failureRecord?.[0]?.originalPayload).toEqual(first);
  });

  it("a role without failures.edit cannot edit a payload, and a non-object payload is a validation error", async () => {
    const { tables, caller } = setup();
    const retrier = { permissions: ["console.read", "failures.retry", "failures.discard"] as const };
    await expect(
      caller(retrier).failures.editAndRetry({ id: ID, reason: "fix", payload: "{}" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN", message: expect.stringContaining("failures.edit") });
    await expect(
      caller("admin").failures.editAndRetry({ id: ID, reason: "fix", payload: "[1,2]" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(tables.auditLog).toEqual([]);
  });

  it("bulk retry only touches OPEN failures of the filter and audits each plus a summary", async () => {
    const { tables, actions, caller } = setup([
      failure(),
      failure({ id: ID2, state: "DISCARDED" }),
      failure({ id: "x3", flow: "WEBHOOK" }),
    ]);
    const dry = await caller("operator").failures.retryManyCount({ filter: { flow: "ORDERS" } });
    expect(dry.count).toBe(1);
    expect(actions.retry).not.toHaveBeenCalled();
    const res = await caller("operator").failures.retryMany({
      filter: { flow: "ORDERS" },
      reason: "SAP back up",
    });
    expect(res).toMatchObject({ matched: 1, retried: 1, failed: 0 });
    expect(tables.auditLog?.map((a) => a.action)).toEqual(["failure.retry_bulk", "failure.retry_many"]);
  });

  it("a retry whose work resolved the failure before the bookkeeping ran answers RESOLVED, not a conflict", async () => {
    const rows = [failure()];
    const { tables, caller } = setup(rows, async () => {
      // The re-added job ran at once and booked the order: the worker resolved the failure.
      const row = tables.failureRecord?.find((r) => r.id === ID);
      if (row) row.state = "RESOLVED";
      return { state: "RETRYING" as const, detail: "job added again" };
    });
    const res = await caller("operator").failures.retry({ id: ID });
    expect(res.state).toBe("RESOLVED");
    expect(tables.failureRecord?.[0]?.state).toBe("RESOLVED");
    expect(tables.auditLog?.map((a) => a.action)).toEqual(["failure.retry"]);
  });

  it("a discarded order failure closes its order, so a retry from any screen sends nothing", async () => {
    const { tables, caller } = setup();
    tables.orderLink?.push({ id: "link-1", state: "FAILED" });
    await caller("operator").failures.discard({ id: ID, reason: "customer phoned, order void" });
    expect(tables.orderLink?.[0]?.state).toBe("DISCARDED");
    expect(tables.orderEvent?.map((e) => e.kind)).toEqual(["STATE_CHANGED", "OPERATOR_ACTION"]);
  });
});

describe("a bulk action's filter pinned at request time", () => {
  const now = new Date("2026-12-05T12:00:00Z");
  const minutesBefore = (m: number) => new Date(now.getTime() - m * 60_000);
  const dayLater = new Date(now.getTime() + 24 * 3_600_000);

  it("turns ages into absolute bounds and stops at the moment it was asked", () => {
    expect(pinFilter({ sapErrorCode: "V1/123", maxAgeMinutes: 60 }, now)).toEqual({
      sapErrorCode: "V1/123",
      createdFrom: minutesBefore(60),
      createdUpTo: now,
    });
  });

  it("keeps the tighter of an age and an absolute bound on each side", () => {
    const pinned = pinFilter(
      { minAgeMinutes: 10, createdUpTo: minutesBefore(5), maxAgeMinutes: 30, createdFrom: minutesBefore(60) },
      now,
    );
    expect(pinned).toEqual({ createdUpTo: minutesBefore(10), createdFrom: minutesBefore(30) });
    const tighterAbsolute = pinFilter(
      { minAgeMinutes: 5, createdUpTo: minutesBefore(10), maxAgeMinutes: 60, createdFrom: minutesBefore(30) },
      now,
    );
    expect(tighterAbsolute).toEqual({ createdUpTo: minutesBefore(10), createdFrom: minutesBefore(30) });
  });

  it("names the same creation window a day later as the filter did when asked", () => {
    const asked = { minAgeMinutes: 10, maxAgeMinutes: 60 };
    expect(failureWhere(pinFilter(asked, now), dayLater).createdAt).toEqual(
      failureWhere(asked, now).createdAt,
    );
    expect(failureWhere(asked, now).createdAt).toEqual({ lte: minutesBefore(10), gte: minutesBefore(60) });
  });
});
