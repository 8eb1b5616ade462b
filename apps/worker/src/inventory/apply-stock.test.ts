import { createLogger } from "@icp/observability";
import type { Job } from "bullmq";
import type { Redis } from "ioredis";
import { describe, expect, it } from "vitest";
import { applyStock, type StockJobData } from "./apply-stock";
import { stockReadModel } from "./testing";

function setup(sap: Record<string, number>, initial: [string, { quantity: number; version: number }][] = []) {
  const { rm, levels, writes } = stockReadModel(initial);
  const applied = new Map<string, string>();
  const redis = {
    get: async (k: string) => applied.get(k) ?? null,
    eval: async (_script: string, _n: number, k: string, v: number) => {
      if (Number(applied.get(k) ?? 0) < v) applied.set(k, String(v));
      return 1;
    },
  } as unknown as Redis; // get/eval only
  const reads: string[][] = [];
  const notified: Record<string, unknown>[] = [];
  const apply = applyStock({
    rm,
    redis,
    readStocks: async (pairs) => {
      reads.push(pairs.map((p) => `${p.material}|${p.plant}`));
      return new Map(pairs.map((p) => [`${p.material}|${p.plant}`, sap[`${p.material}|${p.plant}`] ?? 0]));
    },
    notify: async (e) => notified.push(e.data),
    logger: createLogger({ service: "test", level: "silent" }),
  });
  const job = (material: string, plant: string, version: number) =>
    ({ data: { material, plant, eventId: `e-${version}`, version } }) as unknown as Job<StockJobData>; // only `data` is read
  return { apply, job, levels, writes, reads, notified };
}

describe("applyStock, jobs running together", () => {
  it("reads SAP once and writes once for the jobs in flight, each ending on its own", async () => {
    const t = setup({ "TG11|1010": 7, "TG12|1010": 3, "TG12|1710": 0 });
    const outcomes = await Promise.all([
      t.apply(t.job("TG11", "1010", 1_000)),
      t.apply(t.job("TG12", "1010", 1_001)),
      t.apply(t.job("TG12", "1710", 1_002)),
      t.apply(t.job("TG11", "1010", 1_003)),
    ]);
    expect(t.reads).toEqual([["TG11|1010", "TG12|1010", "TG12|1710"]]);
    expect(t.writes).toEqual([3]);
    // The older TG11 event's level is the newer one's: that job tells, this one is coalesced.
    expect(outcomes).toEqual([
      { outcome: "coalesced" },
      { outcome: "applied", quantity: 3 },
      { outcome: "applied", quantity: 0 },
      { outcome: "applied", quantity: 7 },
    ]);
    expect(t.levels.get("TG11|1010")).toEqual({ quantity: 7, version: 1_003 });
    expect(t.notified).toEqual([
      { sku: "TG12", plant: "1010", quantity: 3, available: 3, version: 1_001 },
      { sku: "TG12", plant: "1710", quantity: 0, available: 3, version: 1_002 },
      { sku: "TG11", plant: "1010", quantity: 7, available: 7, version: 1_003 },
    ]);
  });

  it("a level older than the stored one is stale: not written, not told", async () => {
    const t = setup({ "TG11|1010": 4 }, [["TG11|1010", { quantity: 9, version: 5_000 }]]);
    expect(await t.apply(t.job("TG11", "1010", 4_000))).toEqual({ outcome: "stale" });
    expect(t.levels.get("TG11|1010")).toEqual({ quantity: 9, version: 5_000 });
    expect(t.notified).toEqual([]);
  });

  it("a job whose level was already applied skips SAP", async () => {
    const t = setup({ "TG11|1010": 4 });
    expect(await t.apply(t.job("TG11", "1010", 2_000))).toEqual({ outcome: "applied", quantity: 4 });
    expect(await t.apply(t.job("TG11", "1010", 1_000))).toEqual({ outcome: "coalesced" });
    expect(t.reads).toHaveLength(1);
  });

  it("a job run again after its level was written (a crash before telling) tells the storefront again", async () => {
    const t = setup({ "TG11|1010": 4 }, [["TG11|1010", { quantity: 4, version: 2_000 }]]);
    expect(await t.apply(t.job("TG11", "1010", 2_000))).toEqual({ outcome: "applied", quantity: 4 });
    expect(t.notified).toEqual([{ sku: "TG11", plant: "1010", quantity: 4, available: 4, version: 2_000 }]);
  });
});
