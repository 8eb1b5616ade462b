import { randomUUID } from "node:crypto";
import { ConsumerGroups, Queues } from "@icp/domain";
import { describe, expect, it, vi } from "vitest";
import { isPendingApproval, type PendingApproval } from "../../approvals";
import { memoryDb } from "../../memory-db";
import { appRouter } from "../../root";
import { contextFor, fakeServices } from "../../testing";
import { createCallerFactory } from "../../trpc";

/** The run a start made: 11 messages are far under the replay rule's approval threshold. */
function started<T>(result: T): Exclude<T, PendingApproval> {
  if (isPendingApproval(result)) throw new Error("held for approval");
  return result as Exclude<T, PendingApproval>;
}

const RANGE = { by: "offsets", topic: "orders", partition: 0, fromOffset: "10", toOffset: "20" } as const;

function setup(role: "viewer" | "operator" = "operator") {
  const { db, tables } = memoryDb();
  const enqueue = vi.fn(async () => {});
  const services = fakeServices({
    db,
    queues: { ...fakeServices().queues, enqueue },
    // A named group re-reads from the range's start up to its committed offset (here 30).
    kafka: {
      ...fakeServices().kafka,
      resolveRange: async () => [{ partition: 0, from: "10", to: "21" }],
      groupPosition: async () => ({ members: 1, committed: { 0: "30" } }),
    },
  });
  return { tables, enqueue, caller: createCallerFactory(appRouter)(contextFor(role, services)) };
}

describe("replay.start", () => {
  it("without a reason (missing, blank or too short) is refused and starts nothing", async () => {
    const { tables, enqueue, caller } = setup();
    for (const reason of [undefined, "", "   ", "ab"]) {
      const err = await caller.replay
        .start({ range: RANGE, ...(reason === undefined ? {} : { reason }) } as never)
        .catch((e: unknown) => e);
      expect(err).toMatchObject({ code: "BAD_REQUEST" });
      expect(String((err as Error).message)).toMatch(/reason/i);
    }
    expect(enqueue).not.toHaveBeenCalled();
    expect(tables.replayRun).toHaveLength(0);
    expect(tables.auditLog).toHaveLength(0);
  });

  it("a viewer is refused even with a reason", async () => {
    const { tables, enqueue, caller } = setup("viewer");
    await expect(
      caller.replay.start({ range: RANGE, reason: "re-send the lost orders" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(enqueue).not.toHaveBeenCalled();
    expect(tables.replayRun).toHaveLength(0);
  });

  it("with a reason: one QUEUED run and its job, the reason on the run and in the audit row", async () => {
    const { tables, enqueue, caller } = setup();
    const run = started(await caller.replay.start({ range: RANGE, reason: "  SAP lost these orders " }));
    expect(enqueue).toHaveBeenCalledTimes(1);
    expect(enqueue).toHaveBeenCalledWith(expect.objectContaining({ data: { runId: run.id } }));
    expect(tables.replayRun).toEqual([
      expect.objectContaining({
        id: run.id,
        state: "QUEUED",
        reason: "SAP lost these orders",
        topic: "orders",
      }),
    ]);
    expect(tables.auditLog).toEqual([
      expect.objectContaining({ action: "replay.start", targetId: run.id, reason: "SAP lost these orders" }),
    ]);
  });

  it("a replay whose job cannot be added fails its run, so it does not sit QUEUED with nothing behind it", async () => {
    const { db, tables } = memoryDb();
    const enqueue = vi.fn(async () => {
      throw new Error("redis down");
    });
    const services = fakeServices({
      db,
      queues: { ...fakeServices().queues, enqueue },
      kafka: { ...fakeServices().kafka, resolveRange: async () => [{ partition: 0, from: "10", to: "21" }] },
    });
    const caller = createCallerFactory(appRouter)(contextFor("operator", services));
    const err = await caller.replay
      .start({ range: RANGE, reason: "re-send the lost orders" })
      .catch((e) => e);
    expect(err).toMatchObject({ code: "INTERNAL_SERVER_ERROR", message: "Could not queue the replay job." });
    expect(tables.replayRun).toEqual([
      expect.objectContaining({ state: "FAILED", error: "could not enqueue: redis down" }),
    ]);
  });

  it("a target that does not consume the topic (another flow's group or queue) is refused and starts nothing", async () => {
    const { tables, enqueue, caller } = setup();
    for (const target of [
      { kind: "GROUP", group: ConsumerGroups.inventoryToStorefront },
      { kind: "GROUP", group: "some-other-group" },
      { kind: "QUEUE", queue: Queues.inventory },
    ] as const satisfies readonly ({ kind: "GROUP"; group: string } | { kind: "QUEUE"; queue: string })[]) {
      await expect(
        caller.replay.start({ range: RANGE, target, reason: "replay into the wrong flow" }),
      ).rejects.toMatchObject({
        code: "BAD_REQUEST",
        message: expect.stringMatching(/does not consume|is not fed by/),
      });
    }
    expect(enqueue).not.toHaveBeenCalled();
    expect(tables.replayRun).toHaveLength(0);
    expect(tables.auditLog).toHaveLength(0);
  });

  it("a named-group replay of the topic's own group records the target on the run and in the audit row", async () => {
    const { tables, caller } = setup();
    const run = started(
      await caller.replay.start({
        range: RANGE,
        target: { kind: "GROUP", group: ConsumerGroups.ordersToSap },
        reason: "move the order group back",
      }),
    );
    expect(tables.replayRun).toEqual([
      expect.objectContaining({ id: run.id, target: "GROUP", targetName: ConsumerGroups.ordersToSap }),
    ]);
    expect(tables.auditLog).toEqual([
      expect.objectContaining({
        action: "replay.start",
        after: expect.objectContaining({ target: { kind: "GROUP", name: ConsumerGroups.ordersToSap } }),
      }),
    ]);
  });
});

describe("replay.cancel", () => {
  const reason = "wrong range picked";
  async function runIn(state: "QUEUED" | "RUNNING" | "SUCCEEDED", target: "QUEUE" | "GROUP" = "QUEUE") {
    const s = setup();
    const made = started(await s.caller.replay.start({ range: RANGE, reason: "re-send the lost orders" }));
    const run = s.tables.replayRun?.find((r) => r.id === made.id);
    if (!run) throw new Error("no run");
    // The in-memory table's ids are not UUIDs; the procedure's input is.
    const id = randomUUID();
    Object.assign(run, { id, state, target });
    return { ...s, id, run };
  }

  it("a queued run is CANCELLED and ended, with the audit row's before and after", async () => {
    const { caller, tables, id, run } = await runIn("QUEUED");
    await expect(caller.replay.cancel({ id, reason })).resolves.toEqual({ id, state: "CANCELLED" });
    expect(run).toMatchObject({ state: "CANCELLED", finishedAt: expect.any(Date) });
    expect(tables.auditLog?.at(-1)).toMatchObject({
      action: "replay.cancel",
      targetId: id,
      reason,
      before: { state: "QUEUED" },
      after: { state: "CANCELLED" },
    });
  });

  it("a running QUEUE run is CANCELLED and left for the worker to end (finishedAt is its)", async () => {
    const { caller, id, run } = await runIn("RUNNING");
    await caller.replay.cancel({ id, reason });
    expect(run.state).toBe("CANCELLED");
    expect(run.finishedAt ?? null).toBeNull();
  });

  it("a running GROUP run and a finished run are refused and unchanged, with nothing audited", async () => {
    for (const [state, target, message] of [
      ["RUNNING", "GROUP", /cannot be stopped half-way/],
      ["SUCCEEDED", "QUEUE", /is SUCCEEDED; only a queued or running replay/],
    ] as const) {
      const { caller, tables, id, run } = await runIn(state, target);
      const audited = tables.auditLog?.length ?? 0;
      const err = await caller.replay.cancel({ id, reason }).catch((e: unknown) => e);
      expect(err).toMatchObject({ code: "PRECONDITION_FAILED", message: expect.stringMatching(message) });
      expect(run.state).toBe(state);
      expect(tables.auditLog).toHaveLength(audited);
    }
  });

  it("a viewer cannot cancel; an unknown run is NOT_FOUND", async () => {
    const { id, tables } = await runIn("QUEUED");
    const viewer = setup("viewer").caller;
    await expect(viewer.replay.cancel({ id, reason })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(tables.replayRun?.[0]?.state).toBe("QUEUED");
    await expect(
      setup().caller.replay.cancel({ id: "0193a3c0-0000-7000-8000-0000000000ff", reason }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
