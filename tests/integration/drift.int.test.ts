import { randomUUID } from "node:crypto";
import { resyncOneRouter } from "@icp/api/routers/drift/resync-one";
import { contextFor, fakeServices } from "@icp/api/testing";
import { createCallerFactory, router } from "@icp/api/trpc";
import {
  type DriftDiff,
  type DriftEntityName,
  driftCheckJob,
  driftRepairJob,
  jobOf,
  NO_SETTINGS,
  Queues,
} from "@icp/domain";
import { redisConnection } from "@icp/messaging";
import { createSandbox, type Sandbox } from "@icp/sap-sandbox";
import { startWorker, type WorkerApp } from "@icp/worker";
import { driftStore } from "@icp/worker/drift/store";
import { Queue } from "bullmq";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually, resyncNow, type TestStack, testStack } from "./harness";

/**
 * Issue 19: the drift check and its repair, in a real worker over the real stack and the SAP
 * sandbox over HTTP. SAP is changed the way a clerk changes it (the sandbox's admin API), the
 * read model the way a lost event or a stray write leaves it; the check is started as the
 * console starts it (a job on the drift queue) and read back from drift_run / drift_finding.
 */
let stack: TestStack;
let sandbox: Sandbox;
let worker: WorkerApp;
let queue: Queue;
let sku: string;
let other: string;
const ADMIN = "it-drift";

beforeAll(async () => {
  sandbox = await createSandbox({
    port: 0,
    logLevel: "silent",
    products: 30,
    customers: 5,
    tickMs: 0,
    adminToken: ADMIN,
  });
  stack = await testStack({ SAP_BASE_URL: sandbox.url, DRIFT_SAMPLE_EVERY_MS: "0", DRIFT_CONFIRM_MS: "100" });
  worker = await startWorker(stack.env, { groupSuffix: stack.groupSuffix, http: false });
  for (const entity of ["PRODUCTS", "STOCK", "CUSTOMERS"] as const)
    await resyncNow(worker.db, stack.env.REDIS_URL, entity);
  queue = new Queue(Queues.drift, { connection: redisConnection(stack.env.REDIS_URL) });
  sku = sandbox.store.catalog.product(3).id;
  other = sandbox.store.catalog.product(4).id;
}, 180_000);

afterAll(async () => {
  await queue?.close();
  await worker?.close();
  await sandbox?.close();
  await stack?.close();
});

/** Adds a check as the console does and waits for its run to end. */
async function check(entity: DriftEntityName, key?: string) {
  const runId = randomUUID();
  const job = jobOf(
    driftCheckJob,
    { runId, entity, startedBy: "it", ...(key !== undefined ? { key } : {}) },
    NO_SETTINGS,
  );
  await queue.add(job.name, job.data, job.opts);
  return eventually(
    async () => {
      const run = await worker.db.driftRun.findUnique({ where: { id: runId } });
      return run && run.state !== "RUNNING" ? run : undefined;
    },
    `drift check ${entity} ${key ?? ""}`,
    60_000,
  );
}

async function repair(entity: DriftEntityName, keys: string[]) {
  const job = jobOf(driftRepairJob, { repairId: randomUUID(), entity, keys, requestedBy: "it" }, NO_SETTINGS);
  await queue.add(job.name, job.data, job.opts);
  return job.data.repairId;
}

const finding = (entity: DriftEntityName, key: string) =>
  worker.db.driftFinding.findUnique({ where: { entity_key: { entity, key } } });

async function reprice(product: string, factor: number): Promise<number> {
  const res = await fetch(`${sandbox.url}/sandbox/admin/prices/${encodeURIComponent(product)}`, {
    method: "POST",
    headers: { authorization: `Bearer ${ADMIN}`, "content-type": "application/json" },
    body: JSON.stringify({ factor }),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { rate: number }).rate;
}

describe("drift check", () => {
  it("a whole-entity check of records nobody changed finds nothing", async () => {
    for (const entity of ["PRODUCTS", "STOCK", "CUSTOMERS"] as const) {
      const run = await check(entity);
      expect(run, entity).toMatchObject({ state: "SUCCEEDED", kind: "ENTITY", drifted: 0 });
      expect(run.checked, entity).toBeGreaterThan(0);
    }
    expect(await worker.db.driftFinding.count()).toBe(0);
  });

  it("a price changed in SAP is found, with SAP's and the read model's price, and only for that product", async () => {
    const before = await worker.rm.products.findOne({ _id: sku });
    const was = String(Number(before?.price?.amount));
    const rate = await reprice(sku, 1.5);
    const run = await check("PRODUCTS");
    expect(run).toMatchObject({ state: "SUCCEEDED", drifted: 1 });
    const found = await finding("PRODUCTS", sku);
    expect(found).toMatchObject({ state: "OPEN", runId: run.id });
    expect(found?.diffs as unknown as DriftDiff[]).toEqual([
      { field: "price.amount", sap: String(rate), readModel: was },
    ]);
    expect(await finding("PRODUCTS", other)).toBeNull();
  });

  it("the repair writes SAP's price through the resync's write path and the finding becomes repaired", async () => {
    const repairId = await repair("PRODUCTS", [sku]);
    const done = await eventually(async () => {
      const f = await finding("PRODUCTS", sku);
      return f?.state === "REPAIRED" ? f : undefined;
    }, "finding repaired");
    expect(done).toMatchObject({ repairId, repairedBy: "it" });
    const priceDiff = (done.repairedDiffs as unknown as DriftDiff[])[0];
    const stored = await worker.rm.products.findOne({ _id: sku });
    expect(String(Number(stored?.price?.amount))).toBe(priceDiff?.sap);
    // and a check now finds SAP and the read model equal
    expect(await check("PRODUCTS", sku)).toMatchObject({ state: "SUCCEEDED", drifted: 0 });
  });

  it("a check of one unchanged SKU answers no drift and opens no finding", async () => {
    const run = await check("PRODUCTS", other);
    expect(run).toMatchObject({ state: "SUCCEEDED", kind: "KEY", key: other, checked: 1, drifted: 0 });
    expect(await finding("PRODUCTS", other)).toBeNull();
  });

  it("a SKU neither SAP nor the read model has ends the check with NOT_IN_SAP", async () => {
    const run = await check("PRODUCTS", "NO-SUCH-SKU-19");
    expect(run).toMatchObject({ state: "FAILED", errorCode: "NOT_IN_SAP" });
    expect(run.error).toContain("NO-SUCH-SKU-19");
  });

  it("one SKU's stock at a plant, of a product neither SAP nor the read model has, ends with NOT_IN_SAP", async () => {
    const run = await check("STOCK", "NO-SUCH-SKU-19|1010");
    expect(run).toMatchObject({ state: "FAILED", errorCode: "NOT_IN_SAP" });
    expect(run.error).toBe("Product NO-SUCH-SKU-19 is not in SAP.");
    expect(await finding("STOCK", "NO-SUCH-SKU-19|1010")).toBeNull();
  });

  it("a customer whose read-model copy was changed behind the resync's back is found and repaired past its digest", async () => {
    const customer = sandbox.store.catalog.customer(1).id;
    const sapName = (await worker.rm.customers.findOne({ _id: customer }))?.name;
    await worker.rm.customers.updateOne({ _id: customer }, { $set: { name: "Stray Write GmbH" } });
    const run = await check("CUSTOMERS", customer);
    expect(run).toMatchObject({ state: "SUCCEEDED", drifted: 1 });
    expect((await finding("CUSTOMERS", customer))?.diffs).toEqual([
      { field: "name", sap: sapName, readModel: "Stray Write GmbH" },
    ]);
    await repair("CUSTOMERS", [customer]);
    await eventually(
      async () => (await finding("CUSTOMERS", customer))?.state === "REPAIRED",
      "customer repaired",
    );
    expect((await worker.rm.customers.findOne({ _id: customer }))?.name).toBe(sapName);
  });

  it("one SKU's stock at one plant that the read model lost is found and repaired", async () => {
    const level = await worker.rm.stock.findOne({ quantity: { $gt: 0 } });
    expect(level).not.toBeNull();
    const key = level?._id ?? "";
    await worker.rm.stock.updateOne({ _id: key }, { $set: { quantity: 0 } });
    const run = await check("STOCK", key);
    expect(run).toMatchObject({ state: "SUCCEEDED", drifted: 1 });
    expect((await finding("STOCK", key))?.diffs).toEqual([
      { field: "quantity", sap: level?.quantity, readModel: 0 },
    ]);
    await repair("STOCK", [key]);
    await eventually(async () => (await finding("STOCK", key))?.state === "REPAIRED", "stock repaired");
    expect((await worker.rm.stock.findOne({ _id: key }))?.quantity).toBe(level?.quantity);
  });

  it("a finding whose record is equal again at the next check is resolved by itself", async () => {
    const rate = await reprice(other, 2);
    expect((await check("PRODUCTS", other)).drifted).toBe(1);
    // the clerk's change undone: SAP is back at the read model's price
    await reprice(other, 0.5);
    expect(rate).toBeGreaterThan(0);
    const run = await check("PRODUCTS", other);
    expect(run.drifted).toBe(0);
    expect((await finding("PRODUCTS", other))?.state).toBe("RESOLVED");
  });

  it("a check while SAP is down ends with SAP_UNAVAILABLE and changes no finding", async () => {
    const faults = (body: unknown) =>
      fetch(`${sandbox.url}/sandbox/admin/faults`, {
        method: body ? "PUT" : "DELETE",
        headers: { authorization: `Bearer ${ADMIN}`, "content-type": "application/json" },
        ...(body ? { body: JSON.stringify(body) } : {}),
      });
    const before = await worker.db.driftFinding.count();
    await faults({ outage: true });
    try {
      const run = await check("PRODUCTS", other);
      expect(run).toMatchObject({ state: "FAILED", errorCode: "SAP_UNAVAILABLE" });
    } finally {
      await faults(null);
      // The outage opened the worker's circuit breaker: the tests after this one need SAP back,
      // so wait until a check reaches it again (the breaker's cool-down, then a trial call).
      await eventually(
        async () => {
          const again = await check("PRODUCTS", other);
          return again.state === "FAILED" ? undefined : again;
        },
        "a check reaching SAP after the outage",
        90_000,
      );
    }
    expect(await worker.db.driftFinding.count()).toBe(before);
  });

  it("a check and a repair whose jobs are gone (a killed worker) are ended, so neither holds the console back", async () => {
    const runId = randomUUID();
    await worker.db.driftRun.create({
      data: { id: runId, entity: "STOCK", kind: "ENTITY", state: "RUNNING", startedBy: "it", checked: 7 },
    });
    const key = sandbox.store.catalog.product(6).id;
    const repairId = randomUUID();
    await worker.db.driftFinding.create({
      data: {
        entity: "PRODUCTS",
        key,
        state: "REPAIRING",
        repairId,
        diffs: [{ field: "name", sap: "a", readModel: "b" }],
        firstSeenAt: new Date(),
        lastSeenAt: new Date(),
        runId,
      },
    });
    const jobs = new Queue(Queues.drift, { connection: redisConnection(stack.env.REDIS_URL) });
    try {
      const reaped = await driftStore(worker.db).reapOrphans(async (id) => {
        const job = await jobs.getJob(id);
        return job ? await job.getState() : undefined;
      }, 0);
      expect(reaped).toEqual(expect.arrayContaining([runId]));
    } finally {
      await jobs.close();
    }
    expect(await worker.db.driftRun.findUnique({ where: { id: runId } })).toMatchObject({
      state: "FAILED",
      error: expect.stringContaining("the worker lost this check"),
    });
    expect(await finding("PRODUCTS", key)).toMatchObject({
      state: "OPEN",
      error: expect.stringContaining("the worker lost this repair"),
    });
  });
});

/** The console's single-record resync over the real database and drift queue (the worker runs it). */
function consoleApi() {
  const services = fakeServices({
    db: worker.db,
    queues: {
      ...fakeServices().queues,
      enqueue: async (job) => {
        await queue.add(job.name, job.data, job.opts);
      },
    },
  });
  return createCallerFactory(router({ resyncOne: resyncOneRouter }))(contextFor("operator", services));
}

/** A stock count correction in SAP whose stock event is lost (the sandbox's admin API). */
async function setSapStock(product: string, plant: string, quantity: number) {
  const res = await fetch(
    `${sandbox.url}/sandbox/admin/stock/${encodeURIComponent(product)}/${encodeURIComponent(plant)}`,
    {
      method: "POST",
      headers: { authorization: `Bearer ${ADMIN}`, "content-type": "application/json" },
      body: JSON.stringify({ quantity, emit: false }),
    },
  );
  expect(res.status).toBe(200);
}

const rmQuantity = async (key: string) => (await worker.rm.stock.findOne({ _id: key }))?.quantity ?? 0;

describe("one plant's stock", () => {
  it("two levels changed in SAP at one plant are both in the plant's preview and both written; a level at another plant is left alone", async () => {
    const plant = "1020";
    const elsewhere = "1030";
    const [a, b] = [sandbox.store.catalog.product(10).id, sandbox.store.catalog.product(11).id];
    const [keyA, keyB, keyOther] = [`${a}|${plant}`, `${b}|${plant}`, `${a}|${elsewhere}`];
    const [wasA, wasB, wasOther] = await Promise.all([
      rmQuantity(keyA),
      rmQuantity(keyB),
      rmQuantity(keyOther),
    ]);
    await setSapStock(a, plant, wasA + 17);
    await setSapStock(b, plant, wasB + 23);
    // SAP changed at the other plant too: the plant's resync must not touch it
    await setSapStock(a, elsewhere, wasOther + 5);
    const levelsAtPlant = await worker.rm.stock.countDocuments({ plant });

    const api = consoleApi();
    const preview = await api.resyncOne.previewPlant({ plant });
    expect(preview).toMatchObject({ plant, truncated: false });
    expect(preview.checked).toBeGreaterThanOrEqual(levelsAtPlant);
    expect(preview.levels.map((l) => [l.key, l.diffs])).toEqual(
      [
        [keyA, [{ field: "quantity", sap: wasA + 17, readModel: wasA }]],
        [keyB, [{ field: "quantity", sap: wasB + 23, readModel: wasB }]],
      ].sort((x, y) => String(x[0]).localeCompare(String(y[0]))),
    );
    expect(await worker.db.driftRun.findUnique({ where: { id: preview.runId } })).toMatchObject({
      kind: "PLANT",
      plant,
      state: "SUCCEEDED",
      drifted: 2,
    });
    // a preview writes nothing
    expect(await rmQuantity(keyA)).toBe(wasA);

    const write = await api.resyncOne.writePlant({ runId: preview.runId, reason: "count correction lost" });
    expect(write).toMatchObject({ plant, levels: 2 });
    await eventually(async () => {
      const o = await api.resyncOne.plantOutcome({ repairIds: write.repairIds });
      return o.REPAIRED === 2 ? o : undefined;
    }, "both levels repaired");
    expect(await rmQuantity(keyA)).toBe(wasA + 17);
    expect(await rmQuantity(keyB)).toBe(wasB + 23);
    expect(await rmQuantity(keyOther)).toBe(wasOther);
    expect(await finding("STOCK", keyOther)).toBeNull();
    const audit = await worker.db.auditLog.findFirst({
      where: { action: "resync.plant", targetId: preview.runId },
    });
    expect(audit).toMatchObject({
      reason: "count correction lost",
      before: expect.objectContaining({
        plant,
        records: { [keyA]: { quantity: wasA }, [keyB]: { quantity: wasB } },
      }),
      after: expect.objectContaining({
        plant,
        records: { [keyA]: { quantity: wasA + 17 }, [keyB]: { quantity: wasB + 23 } },
      }),
    });
  }, 120_000);

  it("a plant SAP does not know is answered PLANT_NOT_IN_SAP and writes nothing", async () => {
    const err = await consoleApi()
      .resyncOne.previewPlant({ plant: "9999" })
      .catch((e) => e);
    expect(err.cause).toMatchObject({ appCode: "PLANT_NOT_IN_SAP" });
    expect(err.message).toContain("9999");
    expect(await worker.db.driftFinding.count({ where: { key: { endsWith: "|9999" } } })).toBe(0);
  });
});
