import { createPrisma, type Db } from "@icp/db";
import { createLogger } from "@icp/observability";
import { ReadModel } from "@icp/read-model";
import { createSandbox, type Sandbox } from "@icp/sap-sandbox";
import { masterDataImages } from "@icp/worker/flows/master-data";
import { resyncMasterData } from "@icp/worker/master-data/resync";
import { createSapPorts, masterDataFrom, type SapPorts } from "@icp/worker/sap";
import type { Job } from "bullmq";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestStack, testStack } from "./harness";

/**
 * Issue 18: a resync writes only what changed. The worker's full PRODUCTS resync (its SAP
 * client, its pages, the read model's digests) over the SAP sandbox, into the local stack's
 * FerretDB, three times: a first load, again over an unchanged catalogue (nothing written), and
 * once more after SAP changed one list price (that product, and only it, written).
 * A write is seen as the stored document's `updatedAt`, which every product write sets.
 */
const logger = createLogger({ service: "it-resync-unchanged", level: "silent" });
const PRODUCTS = 1_200; // three pages of 500
const PRICING = "API_SLSPRICINGCONDITIONRECORD_SRV";
let stack: TestStack;
let sandbox: Sandbox;
let db: Db;
let rm: ReadModel;
let sap: SapPorts;

async function resync(
  mode: "FULL" | "DELTA" = "FULL",
  /** Runs once, when SAP has answered the run's first page of products. */
  afterFirstPage?: () => Promise<void>,
): Promise<{ processed: number; state: string }> {
  const run = await db.syncRun.create({ data: { entity: "PRODUCTS", mode, startedBy: "test" } });
  const images = masterDataImages({ db, rm, logger });
  const sapSource = masterDataFrom(sap.client, { images });
  const source = afterFirstPage
    ? {
        ...sapSource,
        async *products(opts: Parameters<typeof sapSource.products>[0]) {
          let first = true;
          for await (const page of sapSource.products(opts)) {
            if (first) await afterFirstPage();
            first = false;
            yield page;
          }
        },
      }
    : sapSource;
  return resyncMasterData({ db, rm, source, logger })({
    data: { runId: run.id },
    updateProgress: async () => {},
  } as unknown as Job<{ runId: string }>); // only data and updateProgress are used
}

/** Every product's last write time and list price, by SKU. */
async function stored(): Promise<Map<string, { updatedAt: number; amount: string | undefined }>> {
  const out = new Map<string, { updatedAt: number; amount: string | undefined }>();
  for await (const p of rm.products.find({}, { projection: { updatedAt: 1, price: 1 } }))
    out.set(p._id, { updatedAt: p.updatedAt.getTime(), amount: p.price?.amount });
  return out;
}

const written = (before: Map<string, { updatedAt: number }>, after: Map<string, { updatedAt: number }>) =>
  [...after].filter(([sku, a]) => before.get(sku)?.updatedAt !== a.updatedAt).map(([sku]) => sku);

beforeAll(async () => {
  sandbox = await createSandbox({ port: 0, logLevel: "silent", products: PRODUCTS, customers: 5, tickMs: 0 });
  stack = await testStack({ SAP_BASE_URL: sandbox.url, SAP_TIMEOUT_MS: "10000" });
  db = createPrisma(stack.env.DATABASE_URL);
  rm = await ReadModel.connect(stack.env.MONGODB_URL, { ensureIndexes: true });
  sap = createSapPorts(stack.env, logger);
}, 180_000);

afterAll(async () => {
  await sap?.close();
  await rm?.close();
  await db?.close();
  await sandbox?.close();
  await stack?.close();
});

describe("resync writes only what changed (issue 18)", () => {
  let first: Map<string, { updatedAt: number; amount: string | undefined }>;

  it("a second resync over an unchanged catalogue writes 0 documents", async () => {
    expect(await resync()).toMatchObject({ state: "SUCCEEDED", processed: PRODUCTS });
    first = await stored();
    expect(first.size).toBe(PRODUCTS);
    await new Promise((r) => setTimeout(r, 20)); // a rewrite would carry a later updatedAt

    expect(await resync()).toMatchObject({ state: "SUCCEEDED", processed: PRODUCTS, written: 0 });
    const second = await stored();
    expect(second.size).toBe(PRODUCTS);
    expect(written(first, second)).toEqual([]);
  }, 180_000);

  it("a list price SAP changed is written, and nothing else", async () => {
    const sku = [...first.keys()].sort()[PRODUCTS / 2]!;
    // the material's list price record (table 304: no customer) gets a new rate in SAP
    const validity = [
      ...sandbox.store.table(PRICING, "A_SlsPrcgCndnRecdValidity").where({ Material: sku }),
    ].find((v) => !v.Customer);
    expect(validity, `a list price record for ${sku}`).toBeDefined();
    const records = sandbox.store.table(PRICING, "A_SlsPrcgConditionRecord");
    const record = records.get({
      ConditionRecord: validity!.ConditionRecord,
      ConditionSequentialNumber: "01",
    });
    expect(record).toBeDefined();
    const newRate = (Number(record!.ConditionRateValue) + 1).toFixed(2);
    records.put({ ...record!, ConditionRateValue: newRate });

    expect(await resync()).toMatchObject({ state: "SUCCEEDED", processed: PRODUCTS, written: 1 });
    const third = await stored();
    expect(written(first, third)).toEqual([sku]);
    expect(Number(third.get(sku)?.amount)).toBe(Number(newRate));
    expect(Number(first.get(sku)?.amount)).not.toBe(Number(newRate));
  }, 180_000);

  it("a product SAP changes behind a full resync's cursor (key order) is read by the next delta", async () => {
    const skus = [...first.keys()].sort();
    const before = await stored();
    let behind: { sku: string; rate: number; at: number } | undefined;
    let ahead: { sku: string; at: number } | undefined;
    // SAP has answered the first page (the lowest keys) and the next, read ahead: the lowest
    // SKU is behind the cursor. It changes; a second later so does the highest SKU, which the
    // walk has yet to read — the newest change this run sees is then later than the missed one.
    /** When SAP stamped the product's change (its LastChangeDateTime). */
    const stampOf = (sku: string) =>
      Number(sandbox.store.table("API_PRODUCT_SRV", "A_Product").get({ Product: sku })?.LastChangeDateTime);
    const afterFirstPage = async () => {
      const sku = skus[0]!;
      const changed = sandbox.simulation.reprice(sku, () => 1.5);
      expect(changed, `a current list price for ${sku}`).toBeDefined();
      behind = { sku, rate: changed!.rate, at: stampOf(sku) };
      await new Promise((r) => setTimeout(r, 1_100));
      const last = skus.at(-1)!;
      expect(sandbox.simulation.reprice(last, () => 1.5)).toBeDefined();
      ahead = { sku: last, at: stampOf(last) };
    };
    expect(await resync("FULL", afterFirstPage)).toMatchObject({ state: "SUCCEEDED", processed: PRODUCTS });
    const afterFull = await stored();
    expect(afterFull.get(behind!.sku)?.amount, "the full run read it before SAP changed it").toBe(
      before.get(behind!.sku)?.amount,
    );
    expect(afterFull.get(ahead!.sku)?.amount).not.toBe(before.get(ahead!.sku)?.amount);
    // the next delta starts before the missed change, though the run read a later one
    const mark = await db.syncWatermark.findUniqueOrThrow({ where: { entity: "PRODUCTS" } });
    expect(mark.watermark.getTime()).toBeLessThan(behind!.at);
    expect(ahead!.at).toBeGreaterThan(mark.watermark.getTime() + 1_000);

    expect(await resync("DELTA")).toMatchObject({ state: "SUCCEEDED", written: 1 });
    const afterDelta = await stored();
    expect(Number(afterDelta.get(behind!.sku)?.amount)).toBe(behind!.rate);
    expect(written(afterFull, afterDelta)).toEqual([behind!.sku]);
  }, 180_000);
});
