import { describe, expect, it, vi } from "vitest";
import { memoryDb } from "../../memory-db";
import { appRouter } from "../../root";
import { contextFor, fakeServices } from "../../testing";
import { createCallerFactory } from "../../trpc";

type Job = { queue: string; name: string; data: unknown };

/**
 * The console side of the drift check on an in-memory database: the worker is stood in for by
 * the enqueue fake, which writes the run row the worker would (the real worker is exercised by
 * tests/integration/drift.int.test.ts and the Playwright specs).
 */
function setup(
  opts: { findings?: Record<string, unknown>[]; worker?: (job: Job) => Record<string, unknown> } = {},
) {
  const { db, tables } = memoryDb({ driftFinding: (opts.findings ?? []) as never, driftRun: [] });
  const enqueue = vi.fn(async (job: Job) => {
    const row = opts.worker?.(job);
    if (row) tables.driftRun?.push({ id: (job.data as { runId: string }).runId, ...row });
  });
  const services = fakeServices({ db, queues: { ...fakeServices().queues, enqueue } });
  return { tables, enqueue, caller: createCallerFactory(appRouter)(contextFor("operator", services)) };
}

const priceDrift = {
  id: "0193a0b0-0000-7000-8000-000000000001",
  entity: "PRODUCTS",
  key: "TG11",
  state: "OPEN",
  diffs: [{ field: "price.amount", sap: "18.75", readModel: "12.5" }],
};

describe("drift and single-record resync (console API)", () => {
  it("a preview of a SKU SAP does not have answers RECORD_NOT_IN_SAP (NOT_FOUND)", async () => {
    const { caller } = setup({
      worker: () => ({ state: "FAILED", errorCode: "NOT_IN_SAP", error: "Product NOPE is not in SAP." }),
    });
    const err = await caller.resyncOne.preview({ entity: "PRODUCTS", key: "NOPE" }).catch((e) => e);
    expect(err).toMatchObject({ code: "NOT_FOUND", message: "Product NOPE is not in SAP." });
    expect(err.cause).toMatchObject({ appCode: "RECORD_NOT_IN_SAP" });
  });

  it("a preview while SAP's breaker is open answers SAP_UNREACHABLE (SERVICE_UNAVAILABLE)", async () => {
    const { caller } = setup({
      worker: () => ({ state: "FAILED", errorCode: "SAP_UNAVAILABLE", error: "circuit open" }),
    });
    const err = await caller.resyncOne.preview({ entity: "CUSTOMERS", key: "17100001" }).catch((e) => e);
    expect(err).toMatchObject({ code: "SERVICE_UNAVAILABLE" });
    expect(err.cause).toMatchObject({ appCode: "SAP_UNREACHABLE" });
  });

  it("a preview of a record in sync answers no diffs and no finding to write", async () => {
    const { caller, tables } = setup({ worker: () => ({ state: "SUCCEEDED", drifted: 0 }) });
    const out = await caller.resyncOne.preview({ entity: "STOCK", key: "TG11|1010" });
    expect(out).toMatchObject({ entity: "STOCK", key: "TG11|1010", findingId: null, diffs: [] });
    expect(tables.auditLog).toEqual([
      expect.objectContaining({ action: "resync.preview", targetId: out.runId }),
    ]);
  });

  it("a stock key that is not <sku>|<plant> is refused before anything is queued", async () => {
    const { caller, enqueue } = setup();
    const err = await caller.resyncOne.preview({ entity: "STOCK", key: "TG11" }).catch((e) => e);
    expect(err).toMatchObject({ code: "BAD_REQUEST" });
    expect(enqueue).not.toHaveBeenCalled();
  });

  it("writing a previewed record queues a repair of exactly that key, audited with the read model's and SAP's values", async () => {
    const { caller, enqueue, tables } = setup({ findings: [priceDrift] });
    const out = await caller.resyncOne.write({
      findingId: priceDrift.id,
      reason: "customer saw the old price",
    });
    expect(enqueue).toHaveBeenCalledWith(
      expect.objectContaining({
        queue: "drift-checks",
        name: "drift-repair",
        data: expect.objectContaining({ repairId: out.repairId, entity: "PRODUCTS", keys: ["TG11"] }),
      }),
    );
    expect(tables.auditLog).toEqual([
      expect.objectContaining({
        action: "resync.entity",
        targetId: priceDrift.id,
        reason: "customer saw the old price",
        before: { entity: "PRODUCTS", repairId: out.repairId, records: { TG11: { "price.amount": "12.5" } } },
        after: { entity: "PRODUCTS", repairId: out.repairId, records: { TG11: { "price.amount": "18.75" } } },
      }),
    ]);
  });

  it("a finding that is no longer OPEN is not repaired again: nothing queued, nothing audited", async () => {
    const { caller, enqueue, tables } = setup({ findings: [{ ...priceDrift, state: "REPAIRED" }] });
    const err = await caller.drift.repair({ id: priceDrift.id, reason: "again" }).catch((e) => e);
    expect(err.cause).toMatchObject({ appCode: "DRIFT_NOTHING_TO_REPAIR" });
    expect(enqueue).not.toHaveBeenCalled();
    expect(tables.auditLog).toEqual([]);
  });

  it("repair all takes every open finding of the entity and no other", async () => {
    const { caller, enqueue } = setup({
      findings: [
        priceDrift,
        { ...priceDrift, id: "0193a0b0-0000-7000-8000-000000000002", key: "TG12" },
        { ...priceDrift, id: "0193a0b0-0000-7000-8000-000000000003", key: "TG13", state: "REPAIRED" },
        { ...priceDrift, id: "0193a0b0-0000-7000-8000-000000000004", entity: "CUSTOMERS", key: "1" },
      ],
    });
    await caller.drift.repairAll({ entity: "PRODUCTS", reason: "after the price run" });
    expect(enqueue).toHaveBeenCalledWith(
      expect.objectContaining({ data: expect.objectContaining({ keys: ["TG11", "TG12"] }) }),
    );
  });
});
