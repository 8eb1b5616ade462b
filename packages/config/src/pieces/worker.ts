import { z } from "zod";
import { envPiece } from "../piece";

/**
 * The youngest audit entry that may ever be purged, in days. The same floor is hard-coded in
 * the database (migration 20261202010000_audit_log_retention, `audit_log_retention_floor()`),
 * which refuses younger cutoffs whatever the application asks.
 */
export const AUDIT_RETENTION_FLOOR_DAYS = 30;

/** The worker's tuning: job locks, retries, back-pressure, schedules, its health server. */
export const workerTuning = envPiece({
  name: "worker",
  shape: {
    /** How long a worker holds an order job before another may take it over after a crash. */
    WORKER_LOCK_MS: z.coerce.number().int().min(1000).default(30_000),
    /** Scheduled master-data resyncs (delta products/customers/prices every RESYNC_EVERY_MIN, full stock nightly). */
    RESYNC_SCHEDULE: z.enum(["on", "off"]).default("on"),
    RESYNC_EVERY_MIN: z.coerce.number().int().min(1).default(15),
    /** The orders bridge stops reading Kafka above this many waiting jobs and resumes below the low mark. */
    ORDERS_BACKPRESSURE_HIGH: z.coerce.number().int().min(1).default(5_000),
    ORDERS_BACKPRESSURE_LOW: z.coerce.number().int().min(0).default(1_000),
    /**
     * An order QUEUED/SUBMITTING this long without a live job is re-driven from Kafka, and one
     * RECEIVED this long without a Kafka position is produced again from the ledger; the
     * reconcilers run every half of it (at most a minute apart). A minute: orders Redis lost
     * (a crash inside AOF's fsync second) reach SAP about a minute late, not five.
     */
    STRANDED_ORDER_AFTER_MS: z.coerce.number().int().min(10_000).default(60_000),
    /** How often the worker samples Kafka lag and queue counts for the console's charts. */
    SAMPLE_EVERY_MS: z.coerce.number().int().min(1_000).default(10_000),
    /**
     * Days the audit log is kept; the worker purges older entries nightly through the
     * database's `audit_log_purge()`. 0 (the default) keeps it for ever. Otherwise at least
     * AUDIT_RETENTION_FLOOR_DAYS: the database refuses to purge anything younger.
     */
    AUDIT_RETENTION_DAYS: z.coerce
      .number({ error: "AUDIT_RETENTION_DAYS is a whole number of days" })
      .int("AUDIT_RETENTION_DAYS is a whole number of days")
      .refine((d) => d === 0 || d >= AUDIT_RETENTION_FLOOR_DAYS, {
        message: `must be 0 (keep the audit log for ever) or at least ${AUDIT_RETENTION_FLOOR_DAYS} days (the database refuses to purge younger audit entries)`,
      })
      .default(0),
    /**
     * Days an order's timeline (order_event) is kept once nothing has happened to the order for
     * as long; the worker purges nightly (@icp/orders purgeOrderEvents). 0 (the default) keeps
     * it for ever; otherwise at least 30.
     */
    ORDER_EVENT_RETENTION_DAYS: z.coerce
      .number({ error: "ORDER_EVENT_RETENTION_DAYS is a whole number of days" })
      .int("ORDER_EVENT_RETENTION_DAYS is a whole number of days")
      .refine((d) => d === 0 || d >= 30, {
        message: "must be 0 (keep order timelines for ever) or at least 30 days",
      })
      .default(0),
    /** The worker's health/metrics server. */
    WORKER_HTTP_PORT: z.coerce.number().int().positive().default(4010),
  },
  check(env, fail) {
    if (env.ORDERS_BACKPRESSURE_LOW >= env.ORDERS_BACKPRESSURE_HIGH)
      fail("ORDERS_BACKPRESSURE_LOW", "must be below ORDERS_BACKPRESSURE_HIGH");
  },
});

/**
 * An order job's retry budget: the worker's Kafka bridge and the console's retry/replay give
 * order jobs the same options.
 */
export const orderJobs = envPiece({
  name: "order jobs",
  shape: {
    /** Attempts (with exponential backoff from ORDER_BACKOFF_MS) before an order push becomes a failure record. */
    ORDER_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(8),
    ORDER_BACKOFF_MS: z.coerce.number().int().min(10).default(2_000),
  },
});

/** Interface a process's HTTP server binds: loopback locally, 0.0.0.0 in a pod. */
export const httpBind = envPiece({
  name: "http bind",
  shape: {
    HTTP_HOST: z.string().default("127.0.0.1"),
  },
});
