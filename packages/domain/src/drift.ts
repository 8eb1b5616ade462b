import { z } from "zod";
import { defineJob, type JobOptions } from "./jobs";
import { JobNames, Queues } from "./topics";

/**
 * Drift between SAP and the storefront's read model: what is compared, a finding's states and
 * their moves, and the jobs that check and repair. The worker's drift module
 * (apps/worker/src/drift) is the one writer of `drift_run` and `drift_finding`; the console
 * only reads them and adds these jobs.
 */
export const DRIFT_ENTITIES = ["PRODUCTS", "STOCK", "CUSTOMERS"] as const;
export type DriftEntityName = (typeof DRIFT_ENTITIES)[number];

/** The fields compared per entity, in the order a diff lists them. */
export const DRIFT_FIELDS: Readonly<Record<DriftEntityName, readonly string[]>> = {
  // `exists`: SAP has it (and not marked for deletion) ↔ the storefront lists it.
  // `available`: stock summed over plants, as the storefront shows it on the product.
  PRODUCTS: ["exists", "name", "price.amount", "price.currency", "available"],
  STOCK: ["quantity"],
  CUSTOMERS: ["exists", "name", "blocked", "paymentTerms", "addresses"],
};

/** One field that differs: what SAP says now and what the read model holds (null: absent). */
export interface DriftDiff {
  field: string;
  sap: string | number | boolean | null;
  readModel: string | number | boolean | null;
}

/**
 * A record's key per entity: a SKU, a customer, or a SKU at one plant (`<sku>|<plant>`, the
 * read model's stock id). Bounded and without control characters, so it can be a job id part.
 */
export const driftKeySchema = z
  .string()
  .trim()
  .min(1)
  .max(80)
  .regex(/^[A-Za-z0-9_.\-/|]+$/, "letters, digits and _ . - / | only");

/** A plant (SAP's WERKS: at most four letters and digits). */
export const driftPlantSchema = z
  .string()
  .trim()
  .min(1)
  .max(4)
  .regex(/^[A-Za-z0-9]+$/, "letters and digits only");

/**
 * Most stock levels one check of a plant compares (and one plant resync writes); past it the
 * preview says it was cut short (`drift_run.total` > `checked`).
 */
export const DRIFT_PLANT_CAP = 5_000;

/**
 * The run states that hold an on-demand check's scope: a second check of the same scope while
 * one is in them is refused (DRIFT_CHECK_RUNNING) or, for a preview, joined. The partial unique
 * index `drift_run_one_active` says the same in the database.
 */
export const DRIFT_ACTIVE_RUN = ["QUEUED", "RUNNING"] as const;

export function stockKey(sku: string, plant: string): string {
  return `${sku}|${plant}`;
}

/** `<sku>|<plant>` → its parts, or null when it is not one. */
export function parseStockKey(key: string): { sku: string; plant: string } | null {
  const [sku, plant, ...rest] = key.split("|");
  return sku && plant && rest.length === 0 ? { sku, plant } : null;
}

export const DriftStates = ["OPEN", "REPAIRING", "REPAIRED", "RESOLVED"] as const;
export type DriftStateName = (typeof DriftStates)[number];

/**
 * `to` ← the states a finding may be reached from. One row per record (entity + key): a record
 * that drifts again reopens its row.
 */
export const DRIFT_MOVES: Readonly<Record<DriftStateName, readonly DriftStateName[]>> = {
  // A check saw it differ: first time, again, after a repair or a resolution, or a repair
  // that did not take (the re-check still differs).
  OPEN: ["OPEN", "REPAIRING", "REPAIRED", "RESOLVED"],
  // An operator asked for a repair; the worker took the job.
  REPAIRING: ["OPEN"],
  // The targeted resync wrote it and the re-check found SAP and the read model equal.
  REPAIRED: ["REPAIRING"],
  // A later check found them equal without a repair (an event or a resync caught up).
  RESOLVED: ["OPEN"],
};

/** Findings the operator still has to act on (the metric and the alert count these). */
export const UNSETTLED_DRIFT: readonly DriftStateName[] = ["OPEN", "REPAIRING"];

/** Why a check of one record could not answer: the console maps these to its typed errors. */
export const DRIFT_ERROR_CODES = ["NOT_IN_SAP", "SAP_UNAVAILABLE", "BAD_KEY", "INTERNAL"] as const;
export type DriftErrorCode = (typeof DRIFT_ERROR_CODES)[number];

const entity = z.enum(DRIFT_ENTITIES);

/** The BullMQ job id of a drift check run, and of a repair (the orphan reaper looks them up). */
export const driftCheckJobId = (runId: string): string => `drift-check-${runId}`;
export const driftRepairJobId = (repairId: string): string => `drift-repair-${repairId}`;

/** Runs: one attempt, kept a week (a failed check is started again as a new run). */
const runOptions = (): JobOptions => ({
  attempts: 1,
  backoff: { type: "exponential", delay: 1_000 },
  removeOnComplete: { age: 7 * 24 * 3600, count: 1_000 },
  removeOnFail: { age: 7 * 24 * 3600 },
});

/**
 * One drift check: a whole entity, one record (`key`: the single-record resync's preview), or
 * every stock level at one plant (`plant`, entity STOCK). The run id is made by whoever adds the
 * job: the console creates the run row QUEUED first (one active per scope), the worker moves it
 * to RUNNING (or creates it, for a job added without one).
 */
export const driftCheckJob = defineJob({
  queue: Queues.drift,
  name: JobNames.driftCheck,
  schema: z
    .object({
      runId: z.string().uuid(),
      entity,
      key: driftKeySchema.optional(),
      plant: driftPlantSchema.optional(),
      startedBy: z.string().min(1).max(200),
    })
    .refine((d) => d.entity !== "STOCK" || d.key === undefined || parseStockKey(d.key) !== null, {
      message: "a stock key is <sku>|<plant>",
      path: ["key"],
    })
    .refine((d) => d.plant === undefined || (d.entity === "STOCK" && d.key === undefined), {
      message: "a plant is checked as STOCK, without a key",
      path: ["plant"],
    }),
  jobId: (d) => driftCheckJobId(d.runId),
  options: runOptions,
});

/** The sampler's tick (a job scheduler): a bounded, rotating sample of each entity. */
export const driftSampleJob = defineJob({
  queue: Queues.drift,
  name: JobNames.driftSample,
  schema: z.object({ sampleSize: z.number().int().min(1).max(1_000) }),
  jobId: () => "drift-sample",
  options: () => ({ ...runOptions(), removeOnComplete: { age: 24 * 3600, count: 100 } }),
});

/** Most findings one repair takes (repair all of an entity is this many at a time). */
export const DRIFT_REPAIR_CAP = 500;

/**
 * A targeted resync of exactly these records (repair one, repair all of an entity, apply a
 * single-record resync): read from SAP now, written through the master-data write path,
 * checked again.
 */
export const driftRepairJob = defineJob({
  queue: Queues.drift,
  name: JobNames.driftRepair,
  schema: z.object({
    repairId: z.string().uuid(),
    entity,
    keys: z.array(driftKeySchema).min(1).max(DRIFT_REPAIR_CAP),
    requestedBy: z.string().min(1).max(200),
  }),
  jobId: (d) => driftRepairJobId(d.repairId),
  options: runOptions,
});
