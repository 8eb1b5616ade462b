import { describe, expect, it, vi } from "vitest";
import { isPendingApproval } from "../../approvals";
import { memoryDb } from "../../memory-db";
import { appRouter } from "../../root";
import { contextFor, fakeServices } from "../../testing";
import { createCallerFactory } from "../../trpc";
import { FULL_NEEDS_REASON } from "./router";

/** The run a start made (no approval rule holds these: full_resync is off by default). */
function started<T>(result: T): Exclude<T, { pendingApproval: unknown }> {
  if (isPendingApproval(result)) throw new Error("held for approval");
  return result as Exclude<T, { pendingApproval: unknown }>;
}

function setup(seed: Record<string, unknown>[] = []) {
  const { db, tables } = memoryDb({ syncRun: seed as never });
  const enqueue = vi.fn(async () => {});
  const services = fakeServices({ db, queues: { ...fakeServices().queues, enqueue } });
  return { tables, enqueue, caller: createCallerFactory(appRouter)(contextFor("operator", services)) };
}

describe("resync", () => {
  it("starting a resync creates a QUEUED run and enqueues its job", async () => {
    const { tables, enqueue, caller } = setup();
    const run = started(await caller.resync.start({ entity: "PRODUCTS", mode: "DELTA" }));
    expect(run).toMatchObject({ entity: "PRODUCTS", mode: "DELTA", state: "QUEUED" });
    expect(enqueue).toHaveBeenCalledWith(
      expect.objectContaining({
        queue: "master-data-resync",
        name: "resync",
        data: { runId: run.id },
        opts: expect.objectContaining({ jobId: `resync-${run.id}`, attempts: 1 }),
      }),
    );
    expect(tables.auditLog).toEqual([expect.objectContaining({ action: "sync.start", targetId: run.id })]);
  });

  it("a second active run for the same entity is refused with SYNC_ALREADY_RUNNING", async () => {
    const { tables, enqueue, caller } = setup([{ id: "r1", entity: "STOCK", state: "RUNNING" }]);
    const err = await caller.resync
      .start({ entity: "STOCK", mode: "FULL", reason: "nightly drift" })
      .catch((e) => e);
    expect(err).toMatchObject({ code: "CONFLICT" });
    expect(err.cause).toMatchObject({ appCode: "SYNC_ALREADY_RUNNING" });
    expect(enqueue).not.toHaveBeenCalled();
    expect(tables.syncRun).toHaveLength(1);
    // Another entity is fine.
    await expect(
      caller.resync.start({ entity: "PRICES", mode: "FULL", reason: "price list reload" }),
    ).resolves.toMatchObject({
      state: "QUEUED",
    });
  });

  it("cancel marks an active run CANCELLED and refuses a finished one", async () => {
    const { tables, caller } = setup([
      { id: "0193a3c0-0000-7000-8000-00000000000a", entity: "STOCK", state: "RUNNING", processed: 5 },
      { id: "0193a3c0-0000-7000-8000-00000000000b", entity: "PRICES", state: "SUCCEEDED", processed: 5 },
    ]);
    await caller.resync.cancel({ id: "0193a3c0-0000-7000-8000-00000000000a", reason: "wrong time" });
    expect(tables.syncRun?.[0]?.state).toBe("CANCELLED");
    await expect(
      caller.resync.cancel({ id: "0193a3c0-0000-7000-8000-00000000000b", reason: "oops" }),
    ).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
  });

  it("a full resync without a reason is refused and starts nothing; with one, the audit row carries it", async () => {
    const { tables, enqueue, caller } = setup();
    for (const reason of [undefined, "", "  ", "ab"]) {
      const err = await caller.resync
        .start({ entity: "PRODUCTS", mode: "FULL", ...(reason === undefined ? {} : { reason }) })
        .catch((e) => e);
      expect(err).toMatchObject({ code: "BAD_REQUEST" });
      expect(String(err.message)).toContain(FULL_NEEDS_REASON);
    }
    expect(enqueue).not.toHaveBeenCalled();
    expect(tables.syncRun ?? []).toHaveLength(0);
    expect(tables.auditLog ?? []).toHaveLength(0);

    const run = started(
      await caller.resync.start({
        entity: "PRODUCTS",
        mode: "FULL",
        reason: "  SAP master data fixed ",
      }),
    );
    expect(enqueue).toHaveBeenCalledTimes(1);
    expect(tables.auditLog).toEqual([
      expect.objectContaining({ action: "sync.start", targetId: run.id, reason: "SAP master data fixed" }),
    ]);
    // A delta reads only what changed: no reason needed.
    await expect(caller.resync.start({ entity: "STOCK", mode: "DELTA" })).resolves.toMatchObject({
      state: "QUEUED",
    });
  });
});
