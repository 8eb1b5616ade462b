import { describe, expect, it } from "vitest";
import { defaultSpecsDir, loadModels } from "../sandbox";
import { SandboxStore } from "../store/store";
import { Catalog } from "./catalog";

const epoch = Date.UTC(2026, 0, 1);

describe("seed data", () => {
  it("is the same for the same seed and different for another", () => {
    const a = new Catalog(1, 1000, 100, epoch);
    const b = new Catalog(1, 1000, 100, epoch);
    const c = new Catalog(2, 1000, 100, epoch);
    for (const i of [0, 1, 500, 999]) expect(a.product(i)).toEqual(b.product(i));
    expect(a.customer(42)).toEqual(b.customer(42));
    expect([0, 1, 2].map((i) => a.product(i).name)).not.toEqual([0, 1, 2].map((i) => c.product(i).name));
  });

  it("keeps names, ids and change times realistic", () => {
    const cat = new Catalog(7, 5000, 300, epoch);
    for (let i = 0; i < 5000; i += 37) {
      const p = cat.product(i);
      expect(p.name.length).toBeLessThanOrEqual(40);
      expect(p.price).toBeGreaterThan(0);
      expect(p.lastChangedAt).toBeLessThanOrEqual(epoch);
      expect(p.lastChangedAt).toBeGreaterThanOrEqual(p.createdAt);
      expect(cat.productIndex(p.id)).toBe(i);
    }
    expect(cat.productIndex("TG9")).toBeUndefined();
    expect(cat.productIndex("TG5010")).toBeUndefined();
    const blocked = Array.from({ length: 300 }, (_, i) => cat.customer(i)).filter((c) => c.blocked);
    expect(blocked.length).toBeGreaterThan(3);
  });

  it("generates 100k products fast enough for benchmarks (timing printed)", () => {
    const { models } = loadModels(defaultSpecsDir());
    const started = performance.now();
    const store = new SandboxStore(models, {
      seed: 1,
      products: 100_000,
      customers: 15_000,
      epoch,
      imageUrl: (p) => `/img/${p}`,
    });
    let n = 0;
    for (const _ of store.table("API_PRODUCT_SRV", "A_Product").scan()) n++;
    let stock = 0;
    for (const _ of store.table("API_MATERIAL_STOCK_SRV", "A_MatlStkInAcctMod").scan()) stock++;
    const ms = performance.now() - started;
    const heapMb = Math.round(process.memoryUsage().heapUsed / 1e6);
    console.log(
      `[scale] generated and scanned ${n} products + ${stock} stock rows in ${ms.toFixed(0)} ms (heap ${heapMb} MB)`,
    );
    expect(n).toBe(100_000);
    expect(stock).toBe(350_000); // 3 plants + consignment and sales-order stock on every 4th
  }, 20_000); // a scale run: its time is printed, not asserted (it shares two cores with the suite)
});
