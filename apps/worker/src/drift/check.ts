import {
  DRIFT_PLANT_CAP,
  type DriftDiff,
  type DriftEntityName,
  type DriftErrorCode,
  parseStockKey,
  stockKey,
} from "@icp/domain";
import type { Logger } from "@icp/observability";
import type { CustomerDoc, ProductDoc, ReadModel, StockDoc } from "@icp/read-model";
import type { MasterDataLookup } from "../master-data/lookup";
import {
  customerSide,
  diffSides,
  type Flat,
  productSide,
  stockSide,
  storedCustomerSide,
  storedProductSide,
  storedStockSide,
} from "./compare";
import type { DriftStore } from "./store";

/** One record compared: its diffs (none: equal) and whether each side has it at all. */
export interface Compared {
  key: string;
  diffs: DriftDiff[];
  inSap: boolean;
  inReadModel: boolean;
}

/** The read model's side, read as the storefront reads it. */
type ReadSide = Pick<ReadModel, "products" | "stock" | "customers" | "findEach">;

/** A check that could not answer, with the code the console maps to its typed error. */
export class DriftCheckError extends Error {
  constructor(
    readonly code: DriftErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "DriftCheckError";
  }
}

const SAP_DOWN = new Set([
  "SAP_UNAVAILABLE",
  "SAP_TIMEOUT",
  "SAP_CIRCUIT_OPEN",
  "SAP_RATE_LIMITED",
  "SAP_LOCKED",
  "SAP_AUTH",
]);

/** The code of a failed check: SAP's outage (breaker open, 5xx, timeout) or anything else. */
export function errorCodeOf(err: unknown): DriftErrorCode {
  if (err instanceof DriftCheckError) return err.code;
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === "string" && SAP_DOWN.has(code) ? "SAP_UNAVAILABLE" : "INTERNAL";
}

/**
 * Compares named records of one entity: SAP's values read now (`lookup`, mapped as a resync
 * maps them) with the read model's, field by field.
 */
export function compareKeys(deps: { lookup: MasterDataLookup; rm: ReadSide }) {
  const { lookup, rm } = deps;
  return async (entity: DriftEntityName, keys: string[]): Promise<Compared[]> => {
    const unique = [...new Set(keys)];
    if (!unique.length) return [];
    switch (entity) {
      case "PRODUCTS": {
        const [sap, levels, stored, storedLevels] = await Promise.all([
          lookup.products(unique),
          lookup.stockOf(unique),
          rm.findEach(rm.products, "_id", unique, { name: 1, price: 1, available: 1 }) as Promise<
            ProductDoc[]
          >,
          rm.findEach(rm.stock, "sku", unique) as Promise<StockDoc[]>,
        ]);
        const sapBy = new Map(sap.items.map((p) => [p._id, p]));
        const rmBy = new Map(stored.map((p) => [p._id, p]));
        const sum = (rows: { sku: string; quantity: number }[]) => {
          const m = new Map<string, number>();
          for (const r of rows) m.set(r.sku, (m.get(r.sku) ?? 0) + r.quantity);
          return m;
        };
        const sapStock = sum(levels);
        const rmStock = sum(storedLevels);
        return unique.map((key) =>
          compared(
            "PRODUCTS",
            key,
            productSide(sapBy.get(key) ?? null, sapStock.get(key) ?? 0),
            storedProductSide(rmBy.get(key) ?? null, rmStock.get(key) ?? 0),
          ),
        );
      }
      case "STOCK": {
        const pairs = unique.map((key) => {
          const p = parseStockKey(key);
          if (!p) throw new DriftCheckError("BAD_KEY", `${key} is not a stock key (<sku>|<plant>)`);
          return p;
        });
        const [sap, stored] = await Promise.all([
          lookup.stockAt(pairs),
          rm.findEach(rm.stock, "_id", unique) as Promise<StockDoc[]>,
        ]);
        const sapBy = new Map(sap.map((s) => [`${s.sku}|${s.plant}`, s.quantity]));
        const rmBy = new Map(stored.map((s) => [s._id, s]));
        return unique.map((key) => ({
          ...compared(
            "STOCK",
            key,
            stockSide(sapBy.get(key) ?? null),
            storedStockSide(rmBy.get(key) ?? null),
          ),
          // a plant SAP holds no stock of reads as 0: that is an answer, not an unknown record
          inSap: true,
          inReadModel: rmBy.has(key),
        }));
      }
      case "CUSTOMERS": {
        const [sap, stored] = await Promise.all([
          lookup.customers(unique),
          rm.findEach(rm.customers, "_id", unique) as Promise<CustomerDoc[]>,
        ]);
        const sapBy = new Map(sap.map((c) => [c._id, c]));
        const rmBy = new Map(stored.map((c) => [c._id, c]));
        return unique.map((key) =>
          compared(
            "CUSTOMERS",
            key,
            customerSide(sapBy.get(key) ?? null),
            storedCustomerSide(rmBy.get(key) ?? null),
          ),
        );
      }
    }
  };
}

function compared(entity: DriftEntityName, key: string, sap: Flat, readModel: Flat): Compared {
  return {
    key,
    diffs: diffSides(entity, sap, readModel),
    inSap: sap.exists !== false,
    inReadModel: readModel.exists !== false,
  };
}

export type CompareKeys = ReturnType<typeof compareKeys>;

/**
 * Compares and, for records that differ, looks again after `confirmMs` (an event still on its
 * way is not drift); the second look's diffs are what counts.
 */
export async function compareConfirmed(
  compare: CompareKeys,
  entity: DriftEntityName,
  keys: string[],
  confirmMs: number,
): Promise<Compared[]> {
  const first = await compare(entity, keys);
  const differ = first.filter((c) => c.diffs.length > 0).map((c) => c.key);
  if (!differ.length || confirmMs <= 0) return first;
  await new Promise((r) => setTimeout(r, confirmMs));
  const second = new Map((await compare(entity, differ)).map((c) => [c.key, c]));
  return first.map((c) => second.get(c.key) ?? c);
}

/** Where an entity's keys come from for a whole-entity check: SAP's, page by page. */
export type SapKeys = (entity: DriftEntityName) => AsyncIterable<{ keys: string[]; total: number }>;

/**
 * How long one read of the read model's keys may run before the store cancels it. On MongoDB it
 * walks the `_id` index (milliseconds); FerretDB 1.x reads and sorts the whole collection for it,
 * and at a large catalogue the driver's retries of reads that ran past its socket timeout piled
 * up scans (700,000 products: four running 1–6.5 min, FerretDB at 13.5 GiB). Bounded, such a
 * check fails, visibly, instead.
 */
export const READ_MODEL_KEYS_MAX_MS = 20_000;
const MAX_TIME_MS_EXPIRED = 50;

/** The read model's keys of an entity in `_id` order, from after `cursor`, at most `limit`. */
export async function readModelKeys(
  rm: ReadSide,
  entity: DriftEntityName,
  after: string | null,
  limit: number,
  maxTimeMs = READ_MODEL_KEYS_MAX_MS,
): Promise<string[]> {
  const coll = entity === "PRODUCTS" ? rm.products : entity === "STOCK" ? rm.stock : rm.customers;
  const filter = after ? { _id: { $gt: after } } : {};
  try {
    const rows = await (coll as ReadModel["customers"])
      .find(filter, { projection: { _id: 1 }, maxTimeMS: maxTimeMs })
      .sort({ _id: 1 })
      .limit(limit)
      .toArray();
    return rows.map((r) => r._id);
  } catch (e) {
    if ((e as { code?: unknown }).code !== MAX_TIME_MS_EXPIRED) throw e;
    throw new DriftCheckError(
      "INTERNAL",
      `The read model did not list its ${entityNoun(entity).toLowerCase()} keys${after ? ` after ${after}` : ""} within ${maxTimeMs / 1000} s, so the check stopped. The store cannot walk _id in order (FerretDB 1.x reads and sorts the whole collection; MongoDB uses the _id index).`,
    );
  }
}

/**
 * SAP's side of one plant: whether SAP knows it, and the SKUs it holds stock of there, at most
 * `limit` (`more`: others past it).
 */
export type SapPlant = (
  plant: string,
  limit: number,
) => Promise<{ known: boolean; skus: string[]; more: boolean }>;

/** The read model's stock level ids (`<sku>|<plant>`) at one plant, in `_id` order, at most `limit`. */
export async function readModelPlantKeys(rm: ReadSide, plant: string, limit: number): Promise<string[]> {
  const rows = await rm.stock
    .find({ plant }, { projection: { _id: 1 } })
    .sort({ _id: 1 })
    .limit(limit)
    .toArray();
  return rows.map((r) => r._id);
}

export interface CheckDeps {
  store: DriftStore;
  compare: CompareKeys;
  rm: ReadSide;
  sapKeys: SapKeys;
  sapPlant: SapPlant;
  confirmMs: number;
  logger: Logger;
  /** Called after each run with the counts of open findings (the gauge). */
  onOpenCounts?: (counts: Record<DriftEntityName, number>) => void;
}

const BATCH = 100;

/** A whole entity: every SAP key page by page, then the read model's keys SAP did not list. */
async function checkEntity(deps: CheckDeps, runId: string, entity: DriftEntityName) {
  const seen = new Set<string>();
  let checked = 0;
  let drifted = 0;
  let total = 0;
  const run = async (keys: string[]) => {
    const results = await compareConfirmed(deps.compare, entity, keys, deps.confirmMs);
    await deps.store.record(entity, runId, results);
    checked += results.length;
    drifted += results.filter((r) => r.diffs.length > 0).length;
    await deps.store.progress(runId, { checked, drifted, total: Math.max(total, checked) });
  };
  for await (const page of deps.sapKeys(entity)) {
    total = Math.max(total, page.total);
    const fresh = page.keys.filter((k) => !seen.has(k));
    for (const k of fresh) seen.add(k);
    for (let i = 0; i < fresh.length; i += BATCH) await run(fresh.slice(i, i + BATCH));
  }
  // records the storefront has that SAP did not list (deleted in SAP, or never there)
  let after: string | null = null;
  for (;;) {
    const keys = await readModelKeys(deps.rm, entity, after, 500);
    if (!keys.length) break;
    after = keys.at(-1) ?? null;
    const extra = keys.filter((k) => !seen.has(k));
    total += extra.length;
    for (let i = 0; i < extra.length; i += BATCH) await run(extra.slice(i, i + BATCH));
  }
  return { checked, drifted };
}

/**
 * The drift check's three kinds of run: a whole entity (an operator's "check now"), one record
 * (the single-record resync's preview: SAP 404 and no read-model copy → NOT_IN_SAP), and the
 * rotating sample. Each run is a `drift_run` row with its progress and end.
 */
export function driftChecks(deps: CheckDeps) {
  const finish = async (
    runId: string,
    work: () => Promise<{ cursor?: string | null; checked: number; drifted: number }>,
  ) => {
    try {
      const r = await work();
      await deps.store.finishRun(runId, { state: "SUCCEEDED" }, r.cursor);
      return { state: "SUCCEEDED" as const, checked: r.checked, drifted: r.drifted };
    } catch (err) {
      const errorCode = errorCodeOf(err);
      await deps.store.finishRun(runId, { state: "FAILED", errorCode, error: (err as Error).message });
      deps.logger.warn({ err, "drift.run_id": runId, "drift.error_code": errorCode }, "drift check failed");
      return { state: "FAILED" as const, errorCode, error: (err as Error).message };
    } finally {
      deps.onOpenCounts?.(await deps.store.openCounts());
    }
  };
  return {
    async entity(runId: string, entity: DriftEntityName, startedBy: string) {
      await deps.store.startRun({ id: runId, entity, kind: "ENTITY", startedBy });
      return finish(runId, () => checkEntity(deps, runId, entity));
    },
    async key(runId: string, entity: DriftEntityName, key: string, startedBy: string) {
      await deps.store.startRun({ id: runId, entity, kind: "KEY", key, startedBy });
      return finish(runId, async () => {
        // one record an operator is looking at: no second look, what SAP says now is the preview
        const [r] = await deps.compare(entity, [key]);
        if (!r) throw new DriftCheckError("INTERNAL", `no answer for ${key}`);
        if (!r.inSap && !r.inReadModel)
          throw new DriftCheckError(
            "NOT_IN_SAP",
            `${entityNoun(entity)} ${key} is not in SAP (nor in the read model).`,
          );
        // a level the read model lacks of a product SAP lacks too: an unknown record, not 0 vs 0
        if (entity === "STOCK" && !r.inReadModel) {
          const sku = key.split("|")[0] ?? "";
          const [product] = await deps.compare("PRODUCTS", [sku]);
          if (product && !product.inSap)
            throw new DriftCheckError("NOT_IN_SAP", `Product ${sku} is not in SAP.`);
        }
        await deps.store.record(entity, runId, [r]);
        const drifted = r.diffs.length > 0 ? 1 : 0;
        await deps.store.progress(runId, { checked: 1, drifted, total: 1 });
        return { checked: 1, drifted };
      });
    },
    /**
     * Every stock level at one plant (the single-record resync's "plant's stock"): the levels SAP
     * holds there and the ones the read model lists there, at most DRIFT_PLANT_CAP of them in key
     * order (`total` above `checked` says the rest was left out), compared as one-record checks
     * are, a batch at a time, each level that differs a finding of its own. A plant neither SAP
     * nor the read model knows ends NOT_IN_SAP.
     */
    async plant(runId: string, plant: string, startedBy: string) {
      await deps.store.startRun({ id: runId, entity: "STOCK", kind: "PLANT", plant, startedBy });
      return finish(runId, async () => {
        const [sap, stored] = await Promise.all([
          deps.sapPlant(plant, DRIFT_PLANT_CAP),
          readModelPlantKeys(deps.rm, plant, DRIFT_PLANT_CAP + 1),
        ]);
        if (!sap.known && !stored.length)
          throw new DriftCheckError(
            "NOT_IN_SAP",
            `Plant ${plant} is not known to SAP (no stock there, no material maintained for it), and the read model has no stock there.`,
          );
        const all = [...new Set([...sap.skus.map((sku) => stockKey(sku, plant)), ...stored])].sort();
        const keys = all.slice(0, DRIFT_PLANT_CAP);
        // cut short: at least one more level than was compared
        const total =
          sap.more || all.length > keys.length ? Math.max(all.length, keys.length + 1) : keys.length;
        let checked = 0;
        let drifted = 0;
        await deps.store.progress(runId, { checked, drifted, total });
        for (let i = 0; i < keys.length; i += BATCH) {
          const results = await deps.compare("STOCK", keys.slice(i, i + BATCH));
          await deps.store.record("STOCK", runId, results);
          checked += results.length;
          drifted += results.filter((r) => r.diffs.length > 0).length;
          await deps.store.progress(runId, { checked, drifted, total });
        }
        return { checked, drifted };
      });
    },
    /** One sample of an entity: `size` read-model keys after the last sample's, wrapping round. */
    async sample(runId: string, entity: DriftEntityName, size: number) {
      await deps.store.startRun({ id: runId, entity, kind: "SAMPLE", startedBy: "sampler" });
      return finish(runId, async () => {
        const cursor = await deps.store.sampleCursor(entity);
        let keys = await readModelKeys(deps.rm, entity, cursor, size);
        if (keys.length < size && cursor) {
          const head = await readModelKeys(deps.rm, entity, null, size - keys.length);
          keys = [...keys, ...head.filter((k) => !keys.includes(k))];
        }
        const results = await compareConfirmed(deps.compare, entity, keys, deps.confirmMs);
        await deps.store.record(entity, runId, results);
        const drifted = results.filter((r) => r.diffs.length > 0).length;
        await deps.store.progress(runId, { checked: results.length, drifted, total: keys.length });
        return { cursor: keys.at(-1) ?? null, checked: results.length, drifted };
      });
    },
  };
}

export function entityNoun(entity: DriftEntityName): string {
  return entity === "PRODUCTS" ? "Product" : entity === "STOCK" ? "Stock" : "Customer";
}
