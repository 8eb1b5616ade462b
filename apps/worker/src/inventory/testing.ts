import type { ReadModel, StockOutcome } from "@icp/read-model";

/**
 * Test helper: stock levels as the read model keeps them — a level is replaced only by a newer
 * version — answering setStock as the real one does (the written products' levels as stored
 * after the write, and their totals). `writes`: how many levels each setStock call carried.
 */
export function stockReadModel(initial: [string, { quantity: number; version: number }][] = []) {
  const levels = new Map(initial);
  const writes: number[] = [];
  const rm = {
    async setStock(
      docs: { sku: string; plant: string; quantity: number; version: number }[],
    ): Promise<StockOutcome> {
      writes.push(docs.length);
      let applied = 0;
      for (const d of docs) {
        const key = `${d.sku}|${d.plant}`;
        if ((levels.get(key)?.version ?? Number.NEGATIVE_INFINITY) >= d.version) continue;
        levels.set(key, { quantity: d.quantity, version: d.version });
        applied++;
      }
      const stored: StockOutcome["stored"] = new Map();
      for (const [key, level] of levels) {
        const [sku = "", plant = ""] = key.split("|");
        if (!docs.some((d) => d.sku === sku)) continue;
        const cur = stored.get(sku) ?? { available: 0, plants: new Map() };
        cur.available += level.quantity;
        cur.plants.set(plant, level);
        stored.set(sku, cur);
      }
      return { applied, stale: docs.length - applied, created: 0, stored };
    },
  };
  // applyStock and the resync's page writer call setStock only
  return { rm: rm as unknown as ReadModel, levels, writes };
}
