import { type DriftDiff, type DriftEntityName, parseStockKey } from "@icp/domain";
import type { Logger } from "@icp/observability";
import type { ReadModel } from "@icp/read-model";
import type { MasterDataLookup } from "../master-data/lookup";
import { pageWriter, type StockInput } from "../master-data/resync";
import type { CompareKeys } from "./check";
import type { DriftStore } from "./store";

export interface RepairRequest {
  repairId: string;
  entity: DriftEntityName;
  keys: string[];
  requestedBy: string;
}

export interface RepairOutcome {
  repaired: number;
  reopened: number;
  /** Per record: what differed before the write and what still differs after it. */
  records: { key: string; before: DriftDiff[]; after: DriftDiff[]; error?: string }[];
}

/**
 * A targeted resync of exactly these records: SAP read now, written through the master-data
 * write path (`pageWriter` of master-data/resync.ts, the read model's versioned writes — no
 * second writer), forced past the digests that would skip "unchanged" content; then each record
 * is compared again, and its finding becomes REPAIRED only if SAP and the read model now agree.
 */
export function repairDrift(deps: {
  store: DriftStore;
  /** SAP's records for writing (with the image copier a resync uses). */
  lookup: MasterDataLookup;
  compare: CompareKeys;
  rm: Parameters<typeof pageWriter>[0] & Pick<ReadModel, "stock" | "findEach">;
  logger: Logger;
  /** Tells the storefront which products changed (as a resync page does). */
  changed?: (repairId: string, skus: string[], removed: string[]) => Promise<void>;
  onOpenCounts?: (counts: Record<DriftEntityName, number>) => void;
}) {
  return async (req: RepairRequest): Promise<RepairOutcome> => {
    const { entity, repairId } = req;
    const keys = [...new Set(req.keys)];
    const taken = await deps.store.startRepair(entity, keys, repairId, req.requestedBy);
    const errors = new Map<string, string>();
    const changed = deps.changed
      ? (skus: string[], removed: string[]) => deps.changed?.(repairId, skus, removed) ?? Promise.resolve()
      : undefined;
    try {
      switch (entity) {
        case "PRODUCTS": {
          const sap = await deps.lookup.products(keys);
          const known = new Set([...sap.items.map((p) => p._id), ...sap.removed.map((p) => p._id)]);
          // a product SAP does not have at all leaves the storefront, whatever version it holds
          const gone = keys
            .filter((k) => !known.has(k))
            .map((_id) => ({ _id, version: Number.MAX_SAFE_INTEGER }));
          await pageWriter(deps.rm, "PRODUCTS", false, changed, { force: true })({
            items: sap.items,
            removed: [...sap.removed, ...gone],
            total: keys.length,
            newestChange: null,
          });
          // availability: every plant SAP has, and 0 at plants the read model still lists
          const levels = await deps.lookup.stockOf(keys);
          const version = levels[0]?.version ?? Date.now();
          const stored = await deps.rm.findEach(deps.rm.stock, "sku", keys);
          const have = new Set(levels.map((l) => `${l.sku}|${l.plant}`));
          const zero: StockInput[] = stored
            .filter((s) => !have.has(s._id))
            .map((s) => ({ sku: s.sku, plant: s.plant, quantity: 0, version }));
          await writeStock(deps.rm, [...levels, ...zero]);
          break;
        }
        case "STOCK": {
          const pairs = keys.flatMap((k) => parseStockKey(k) ?? []);
          await writeStock(deps.rm, await deps.lookup.stockAt(pairs));
          break;
        }
        case "CUSTOMERS": {
          const sap = await deps.lookup.customers(keys);
          await pageWriter(deps.rm, "CUSTOMERS", false, undefined, { force: true })({
            items: sap,
            total: sap.length,
            newestChange: null,
          });
          const found = new Set(sap.map((c) => c._id));
          for (const k of keys)
            if (!found.has(k))
              errors.set(
                k,
                `SAP has no customer ${k}; a resync does not remove customers from the read model`,
              );
          break;
        }
      }
    } catch (err) {
      // nothing re-checked: every taken finding goes back to OPEN with the reason
      const message = `the repair could not write: ${(err as Error).message}`;
      const outcome = [...taken].map(([key, before]) => ({ key, before, after: before, error: message }));
      await deps.store.endRepair(entity, repairId, outcome);
      deps.onOpenCounts?.(await deps.store.openCounts());
      throw err;
    }
    const after = new Map((await deps.compare(entity, keys)).map((c) => [c.key, c.diffs]));
    const records = keys.map((key) => {
      const error = errors.get(key);
      return {
        key,
        before: taken.get(key) ?? [],
        after: after.get(key) ?? [],
        ...(error ? { error } : {}),
      };
    });
    const { repaired, reopened } = await deps.store.endRepair(entity, repairId, records);
    deps.logger.info(
      { "drift.repair_id": repairId, entity, keys: keys.length, repaired, reopened, by: req.requestedBy },
      "drift repaired",
    );
    deps.onOpenCounts?.(await deps.store.openCounts());
    return { repaired, reopened, records };
  };
}

async function writeStock(rm: Parameters<typeof pageWriter>[0], levels: StockInput[]) {
  if (!levels.length) return;
  await pageWriter(rm, "STOCK", false)({ items: levels, total: levels.length, newestChange: null });
}
