import { describe, expect, it, vi } from "vitest";
import { memoryDb } from "../../memory-db";
import { appRouter } from "../../root";
import { contextFor, fakeServices } from "../../testing";
import { createCallerFactory } from "../../trpc";

type Job = { queue: string; name: string; data: unknown };

/**
 * The console side of the drift check on an in-memory database: the worker is stood in for by
 * the enqueue fake, which moves the run row the console created on as the worker would (the
 * real worker is exercised by tests/integration/drift.int.test.ts and the Playwright specs; the
 * single-flight index by drift-single-flight.int.test.ts on PostgreSQL).
 */
function setup(
  opts: {
    findings?: Record<string, unknown>[];
    worker?: (job: Job, tables: ReturnType<typeof memoryDb>["tables"]) => Record<string, unknown>;
  } = {},
) {
  const { db, tables } = memoryDb({ driftFinding: (opts.findings ?? []) as never, driftRun: [] });
  const enqueue = vi.fn(async (job: Job) => {
    const row = opts.worker?.(job, tables);
    const run = tables.driftRun?.find((r) => r.id === (job.data as { runId?: string }).runId);
    if (row && run) Object.assign(run, row);
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

  it("a second Check now of an entity while the first is queued is refused with DRIFT_CHECK_RUNNING: one run, one job, one audit entry", async () => {
    const { caller, enqueue, tables } = setup();
    const first = await caller.drift.check({ entity: "STOCK" });
    const err = await caller.drift.check({ entity: "STOCK" }).catch((e) => e);
    expect(err).toMatchObject({ code: "CONFLICT" });
    expect(err.cause).toMatchObject({ appCode: "DRIFT_CHECK_RUNNING" });
    expect(err.message).toContain(first.runId);
    expect(tables.driftRun).toEqual([
      expect.objectContaining({ id: first.runId, state: "QUEUED", kind: "ENTITY" }),
    ]);
    expect(enqueue).toHaveBeenCalledTimes(1);
    expect(tables.auditLog).toHaveLength(1);
    // another entity is its own scope
    await caller.drift.check({ entity: "PRODUCTS" });
    expect(enqueue).toHaveBeenCalledTimes(2);
  });

  it("a check whose job cannot be added fails its run, so it does not hold the entity QUEUED", async () => {
    const { db, tables } = memoryDb({ driftRun: [] });
    const enqueue = vi.fn(async () => {
      throw new Error("redis down");
    });
    const services = fakeServices({ db, queues: { ...fakeServices().queues, enqueue } });
    const caller = createCallerFactory(appRouter)(contextFor("operator", services));
    const err = await caller.drift.check({ entity: "CUSTOMERS" }).catch((e) => e);
    expect(err).toMatchObject({ code: "INTERNAL_SERVER_ERROR" });
    expect(tables.driftRun).toEqual([
      expect.objectContaining({ state: "FAILED", error: expect.stringContaining("redis down") }),
    ]);
  });
});

const level = (key: string, runId: string, readModel: number, sap: number, state = "OPEN") => ({
  id: `0193a0b0-0000-7000-8000-${String(Math.floor(Math.random() * 1e12)).padStart(12, "0")}`,
  entity: "STOCK",
  key,
  state,
  runId,
  diffs: [{ field: "quantity", sap, readModel }],
});

describe("one plant's stock (console API)", () => {
  it("a plant preview is one PLANT check of that plant and answers each level that differs with its diff", async () => {
    const { caller, enqueue } = setup({
      worker: (job, tables) => {
        const runId = (job.data as { runId: string }).runId;
        tables.driftFinding?.push(level("TG11|1010", runId, 5, 40), level("TG12|1010", runId, 0, 7));
        return { state: "SUCCEEDED", checked: 30, total: 30, drifted: 2 };
      },
    });
    const out = await caller.resyncOne.previewPlant({ plant: "1010" });
    expect(enqueue).toHaveBeenCalledWith(
      expect.objectContaining({
        name: "drift-check",
        data: expect.objectContaining({ entity: "STOCK", plant: "1010", runId: out.runId }),
      }),
    );
    expect(out).toMatchObject({ plant: "1010", checked: 30, total: 30, truncated: false });
    expect(out.levels.map((l) => [l.sku, l.diffs])).toEqual([
      ["TG11", [{ field: "quantity", sap: 40, readModel: 5 }]],
      ["TG12", [{ field: "quantity", sap: 7, readModel: 0 }]],
    ]);
  });

  it("a plant with more levels than the cap is previewed cut short and says so", async () => {
    const { caller } = setup({
      worker: () => ({ state: "SUCCEEDED", checked: 5_000, total: 5_001, drifted: 0 }),
    });
    const out = await caller.resyncOne.previewPlant({ plant: "1010" });
    expect(out).toMatchObject({ checked: 5_000, total: 5_001, truncated: true, levels: [] });
  });

  it("a plant SAP does not know answers PLANT_NOT_IN_SAP (NOT_FOUND)", async () => {
    const { caller } = setup({
      worker: () => ({ state: "FAILED", errorCode: "NOT_IN_SAP", error: "Plant 9999 is not known to SAP" }),
    });
    const err = await caller.resyncOne.previewPlant({ plant: "9999" }).catch((e) => e);
    expect(err).toMatchObject({ code: "NOT_FOUND", message: "Plant 9999 is not known to SAP" });
    expect(err.cause).toMatchObject({ appCode: "PLANT_NOT_IN_SAP" });
  });

  it("a plant that is not up to four letters and digits is refused before anything is queued", async () => {
    const { caller, enqueue } = setup();
    for (const plant of ["10 10", "10101", ""]) {
      const err = await caller.resyncOne.previewPlant({ plant }).catch((e) => e);
      expect(err, plant).toMatchObject({ code: "BAD_REQUEST" });
    }
    expect(enqueue).not.toHaveBeenCalled();
  });

  it("writing a plant's preview repairs exactly its open levels, audited with each level's before, after and diff", async () => {
    const runId = "0193a0b0-0000-7000-8000-0000000000aa";
    const { caller, enqueue, tables } = setup({
      findings: [
        level("TG11|1010", runId, 5, 40),
        level("TG12|1010", runId, 0, 7),
        level("TG13|1010", runId, 1, 2, "REPAIRED"),
        level("TG11|1020", "0193a0b0-0000-7000-8000-0000000000bb", 3, 4),
      ],
    });
    tables.driftRun?.push({ id: runId, entity: "STOCK", kind: "PLANT", plant: "1010", state: "SUCCEEDED" });
    const out = await caller.resyncOne.writePlant({ runId, reason: "goods receipt lost" });
    expect(out).toMatchObject({ plant: "1010", levels: 2 });
    expect(enqueue).toHaveBeenCalledTimes(1);
    expect(enqueue).toHaveBeenCalledWith(
      expect.objectContaining({
        name: "drift-repair",
        data: expect.objectContaining({ entity: "STOCK", keys: ["TG11|1010", "TG12|1010"] }),
      }),
    );
    expect(tables.auditLog).toEqual([
      expect.objectContaining({
        action: "resync.plant",
        targetId: runId,
        reason: "goods receipt lost",
        before: {
          entity: "STOCK",
          plant: "1010",
          repairIds: out.repairIds,
          records: { "TG11|1010": { quantity: 5 }, "TG12|1010": { quantity: 0 } },
        },
        after: expect.objectContaining({
          records: { "TG11|1010": { quantity: 40 }, "TG12|1010": { quantity: 7 } },
          diffs: {
            "TG11|1010": [{ field: "quantity", sap: 40, readModel: 5 }],
            "TG12|1010": [{ field: "quantity", sap: 7, readModel: 0 }],
          },
        }),
      }),
    ]);
  });

  it("a plant write of more levels than one repair takes is split into repairs of at most 500", async () => {
    const runId = "0193a0b0-0000-7000-8000-0000000000cc";
    const findings = Array.from({ length: 1_201 }, (_, i) =>
      level(`S${String(i).padStart(5, "0")}|1030`, runId, 0, 1),
    );
    const { caller, enqueue, tables } = setup({ findings });
    tables.driftRun?.push({ id: runId, entity: "STOCK", kind: "PLANT", plant: "1030", state: "SUCCEEDED" });
    const out = await caller.resyncOne.writePlant({ runId });
    const sizes = enqueue.mock.calls.map((call) => (call[0].data as { keys: string[] }).keys.length);
    expect(sizes).toEqual([500, 500, 201]);
    expect(out.repairIds).toHaveLength(3);
    expect(tables.auditLog).toHaveLength(1);
  });

  it("a write of a run that is not a finished plant preview repairs nothing", async () => {
    const runId = "0193a0b0-0000-7000-8000-0000000000dd";
    const { caller, enqueue, tables } = setup({ findings: [level("TG11|1010", runId, 5, 40)] });
    tables.driftRun?.push({ id: runId, entity: "STOCK", kind: "PLANT", plant: "1010", state: "RUNNING" });
    const err = await caller.resyncOne.writePlant({ runId }).catch((e) => e);
    expect(err.cause).toMatchObject({ appCode: "DRIFT_NOTHING_TO_REPAIR" });
    expect(enqueue).not.toHaveBeenCalled();
    expect(tables.auditLog).toEqual([]);
  });
});
