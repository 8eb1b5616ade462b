import { z } from "zod";
import { orderIdSchema, orderSubmittedSchema } from "./events";
import { replayMarkSchema } from "./replay";
import { JobNames, type QueueName, Queues, resyncJobId } from "./topics";

/**
 * BullMQ jobs as data: one definition per job — its queue, name, payload schema, job id and
 * options — shared by every producer (the worker's Kafka bridges, the console's retry, replay,
 * the stranded-order redrive) and by its processor, whose first line parses the payload with
 * the same schema. Names, payloads and options cannot drift between them.
 */
export interface JobOptions {
  attempts: number;
  backoff: { type: "exponential" | "capped"; delay: number };
  removeOnComplete?: { age: number; count?: number };
  removeOnFail?: false | { age: number };
}

/** The job settings that come from configuration (env), passed in by each deployable. */
export interface JobSettings {
  orderAttempts: number;
  orderBackoffMs: number;
}

export interface JobDefinition<S extends z.ZodType> {
  queue: QueueName;
  name: string;
  schema: S;
  jobId(data: z.infer<S>): string;
  options(settings: JobSettings): JobOptions;
}

/** For jobs whose options come from no configuration (runs, ticks). */
export const NO_SETTINGS: JobSettings = { orderAttempts: 1, orderBackoffMs: 1_000 };

/** A definition with its payload type inferred from its schema. */
export function defineJob<S extends z.ZodType, N extends string>(def: JobDefinition<S> & { name: N }) {
  return def;
}

const traceparent = z.string().max(128).optional();
/** Set on a job a replay sent (the run and the message's position): its outcome is counted for the run. */
const replay = replayMarkSchema.optional();

/** Status and stock jobs keep their outcome a day, failures a week. */
const retain = { removeOnComplete: { age: 24 * 3600, count: 20_000 }, removeOnFail: { age: 7 * 24 * 3600 } };

const orderJob = (s: JobSettings): JobOptions => ({
  attempts: s.orderAttempts,
  backoff: { type: "exponential", delay: s.orderBackoffMs },
});

export const createSalesOrderJob = defineJob({
  queue: Queues.orders,
  name: JobNames.createSalesOrder,
  schema: z.object({ order: orderSubmittedSchema, eventId: z.string().min(1), traceparent, replay }),
  // The order id: one job per order, whoever adds it (a redelivered message adds nothing).
  jobId: (d) => d.order.orderId,
  options: (s) => ({
    ...orderJob(s),
    removeOnComplete: { age: 7 * 24 * 3600, count: 50_000 },
    // A failed order job stays until an operator acts on its failure record.
    removeOnFail: false,
  }),
});

const changeRequest = z.object({
  orderId: orderIdSchema,
  reason: z.string().max(200).optional(),
});

/** A storefront cancellation of an order; the only change to a booked order the system makes. */
export const cancelSalesOrderJob = defineJob({
  queue: Queues.orders,
  name: JobNames.cancelSalesOrder,
  schema: z.object({
    request: changeRequest,
    eventId: z.string().min(1),
    type: z.string(),
    traceparent,
    replay,
  }),
  jobId: (d) => `${d.request.orderId}-${d.eventId}`,
  options: (s) => ({ ...orderJob(s), ...retain }),
});

export const applyOrderStatusJob = defineJob({
  queue: Queues.orderStatus,
  name: JobNames.applyOrderStatus,
  schema: z.object({
    salesOrder: z.string().min(1).max(10),
    eventId: z.string().min(1),
    eventType: z.string(),
    eventTime: z.string(),
    traceparent,
    replay,
  }),
  jobId: (d) => `status-${d.eventId}`,
  // Status jobs only read SAP and write the read model: retry quickly, at most every 30 s.
  options: () => ({ attempts: 10, backoff: { type: "capped", delay: 1_000 }, ...retain }),
});

export const applyStockJob = defineJob({
  queue: Queues.inventory,
  name: JobNames.applyStock,
  schema: z.object({
    material: z.string().min(1),
    plant: z.string().min(1),
    eventId: z.string().min(1),
    /** SAP's event time (ms, SAP's clock): the version of what the job will read. */
    version: z.number(),
    traceparent,
    replay,
  }),
  jobId: (d) => `stock-${d.eventId}`,
  options: () => ({ attempts: 10, backoff: { type: "capped", delay: 500 }, ...retain }),
});

export const deliverWebhookJob = defineJob({
  queue: Queues.webhooks,
  name: JobNames.deliverWebhook,
  schema: z.object({ deliveryId: z.string().uuid(), traceparent }),
  jobId: (d) => d.deliveryId,
  // ~17 minutes of retries (2 s doubling, 10 attempts) before the delivery is declared dead.
  options: () => ({
    attempts: 10,
    backoff: { type: "exponential", delay: 2_000 },
    removeOnComplete: { age: 24 * 3600 },
    removeOnFail: { age: 7 * 24 * 3600 },
  }),
});

/** Runs started by an operator or a schedule: one attempt (a failed run is started again, as a new run). */
const runJob = (): JobOptions => ({
  attempts: 1,
  backoff: { type: "exponential", delay: 1_000 },
  removeOnComplete: { age: 7 * 24 * 3600 },
  removeOnFail: false,
});

/** One resync run (its SyncRun row holds what to read). */
export const resyncJob = defineJob({
  queue: Queues.masterData,
  name: JobNames.resync,
  schema: z.object({ runId: z.string().min(1).max(64) }),
  jobId: (d) => resyncJobId(d.runId),
  options: runJob,
});

/** A scheduler's tick: start a run of this entity unless one is active. */
export const scheduledResyncJob = defineJob({
  queue: Queues.masterData,
  name: JobNames.scheduledResync,
  schema: z.object({
    entity: z.enum(["PRODUCTS", "PRICES", "STOCK", "CUSTOMERS"]),
    mode: z.enum(["FULL", "DELTA"]),
  }),
  jobId: (d) => `scheduled-${d.entity}-${d.mode}`,
  options: runJob,
});

/** One replay run (its ReplayRun row holds the range). */
export const replayJob = defineJob({
  queue: Queues.replay,
  name: JobNames.replay,
  schema: z.object({ runId: z.string().min(1).max(64) }),
  jobId: (d) => `replay-${d.runId}`,
  options: runJob,
});

/** The nightly audit purge. */
export const auditPurgeJob = defineJob({
  queue: Queues.maintenance,
  name: JobNames.auditPurge,
  schema: z.object({ retentionDays: z.number().int().min(0) }),
  jobId: () => "audit-purge",
  options: () => ({
    ...runJob(),
    removeOnComplete: { age: 30 * 24 * 3600, count: 100 },
    removeOnFail: { age: 30 * 24 * 3600 },
  }),
});

/** The nightly purge of old order timelines (ORDER_EVENT_RETENTION_DAYS). */
export const orderEventPurgeJob = defineJob({
  queue: Queues.maintenance,
  name: JobNames.orderEventPurge,
  schema: z.object({ retentionDays: z.number().int().min(0) }),
  jobId: () => "order-event-purge",
  options: () => ({
    ...runJob(),
    removeOnComplete: { age: 30 * 24 * 3600, count: 100 },
    removeOnFail: { age: 30 * 24 * 3600 },
  }),
});

/** One tick of the alert evaluator. */
export const evaluateAlertsJob = defineJob({
  queue: Queues.alerts,
  name: JobNames.evaluateAlerts,
  schema: z.object({}).passthrough(),
  jobId: () => "evaluate-alerts",
  options: () => ({
    ...runJob(),
    removeOnComplete: { age: 3600, count: 100 },
    removeOnFail: { age: 24 * 3600, count: 100 },
  }),
});

export type JobData<D extends JobDefinition<z.ZodType>> = z.infer<D["schema"]>;

/** A job ready to add: name, parsed payload, options with its id. */
export function jobOf<D extends JobDefinition<z.ZodType>>(
  def: D,
  data: JobData<D>,
  settings: JobSettings,
  override: { jobId?: string } = {},
): { name: string; data: JobData<D>; opts: JobOptions & { jobId: string } } {
  const parsed = def.schema.parse(data) as JobData<D>;
  return {
    name: def.name,
    data: parsed,
    opts: { ...def.options(settings), jobId: override.jobId ?? def.jobId(parsed) },
  };
}

/** A job whose payload does not match its definition: retrying cannot help. */
export class InvalidJobPayload extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InvalidJobPayload";
  }
}

/** The processor's first line: the payload as its definition says, or a clear error. */
export function payloadOf<D extends JobDefinition<z.ZodType>>(def: D, data: unknown): JobData<D> {
  const r = def.schema.safeParse(data);
  if (!r.success)
    throw new InvalidJobPayload(
      `job ${def.name}: payload does not match its definition: ${r.error.issues[0]?.message ?? ""}`,
    );
  return r.data as JobData<D>;
}
