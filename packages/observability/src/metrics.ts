import { timingSafeEqual } from "node:crypto";
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";

/**
 * The pipeline's Prometheus metrics, one registry per process. Names are what the alerts in
 * k8s/base/prometheusrule.yaml and the Grafana dashboard query; change them together.
 */
export function createMetrics(service: string) {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: registry, prefix: "icp_" });

  const flowEvents = new Counter({
    name: "icp_flow_events_total",
    help: "Events handled per flow and outcome (processed, failed, retried, stale, dead_lettered)",
    labelNames: ["flow", "outcome"] as const,
    registers: [registry],
  });
  const flowDuration = new Histogram({
    name: "icp_flow_duration_seconds",
    help: "Time to handle one job per flow",
    labelNames: ["flow"] as const,
    buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  });
  const sapRequests = new Counter({
    name: "icp_sap_requests_total",
    help: "SAP OData calls by service and outcome (success, error, timeout, rejected)",
    labelNames: ["service", "method", "outcome"] as const,
    registers: [registry],
  });
  const sapLatency = new Histogram({
    name: "icp_sap_request_duration_seconds",
    help: "SAP OData call latency",
    labelNames: ["service", "method"] as const,
    buckets: [0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 20],
    registers: [registry],
  });
  const sapCircuit = new Gauge({
    name: "icp_sap_circuit_state",
    help: "SAP circuit breaker: 0 closed, 1 half-open, 2 open",
    registers: [registry],
  });
  const jobsFailed = new Counter({
    name: "icp_jobs_failed_total",
    help: "BullMQ job attempts that failed, per queue",
    labelNames: ["queue"] as const,
    registers: [registry],
  });
  const deadLettered = new Counter({
    name: "icp_dlq_messages_total",
    help: "Messages sent to a dead-letter topic",
    labelNames: ["topic"] as const,
    registers: [registry],
  });
  const consumerLag = new Gauge({
    name: "icp_kafka_consumer_lag",
    help: "Consumer lag per group, topic and partition (end offset minus committed)",
    labelNames: ["group", "topic", "partition"] as const,
    registers: [registry],
  });
  const queueJobs = new Gauge({
    name: "icp_queue_jobs",
    help: "BullMQ jobs per queue and state",
    labelNames: ["queue", "state"] as const,
    registers: [registry],
  });
  const webhookDeliveries = new Counter({
    name: "icp_webhook_deliveries_total",
    help: "Webhook delivery attempts by result (succeeded, failed, dead, held)",
    labelNames: ["result"] as const,
    registers: [registry],
  });
  const httpRequests = new Counter({
    name: "icp_http_requests_total",
    help: "HTTP requests served, by route and status class",
    labelNames: ["route", "status"] as const,
    registers: [registry],
  });

  const httpDuration = new Histogram({
    name: "icp_http_request_duration_seconds",
    help: "HTTP request duration, by route",
    labelNames: ["route"] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const duplicateSalesOrders = new Counter({
    name: "icp_duplicate_sales_orders_total",
    help: "Second SAP sales orders found for one storefront order, by how found and outcome (cancelled, cancel_failed)",
    labelNames: ["how", "outcome"] as const,
    registers: [registry],
  });
  const ordersStuck = new Gauge({
    name: "icp_orders_stuck",
    help: "Ledger orders older than the stranded threshold still in a state before SAP (RECEIVED without a Kafka position, QUEUED, SUBMITTING), by state",
    labelNames: ["state"] as const,
    registers: [registry],
  });
  const orderReconciliations = new Counter({
    name: "icp_order_reconciliations_total",
    help: "Repairs made by the order reconcilers: outbox re-produce, read model levelled with the ledger",
    labelNames: ["kind"] as const,
    registers: [registry],
  });
  const kafkaBrokerUp = new Gauge({
    name: "icp_kafka_broker_up",
    help: "1 when the Kafka cluster answered the worker's last metadata probe in time, 0 when it is down or hung",
    registers: [registry],
  });
  const trpcErrors = new Counter({
    name: "icp_trpc_errors_total",
    help: "Console API (tRPC) errors, by procedure and error code",
    labelNames: ["path", "code"] as const,
    registers: [registry],
  });

  return {
    registry,
    trpcErrors,
    /** Count and time one HTTP exchange; status is reported as its class (2xx, 4xx, …). */
    observeHttp(route: string, status: number, seconds: number) {
      httpRequests.inc({ route, status: `${Math.floor(status / 100)}xx` });
      httpDuration.observe({ route }, seconds);
    },
    flowEvents,
    flowDuration,
    sapRequests,
    sapLatency,
    sapCircuit,
    jobsFailed,
    deadLettered,
    consumerLag,
    queueJobs,
    webhookDeliveries,
    httpRequests,
    duplicateSalesOrders,
    ordersStuck,
    orderReconciliations,
    kafkaBrokerUp,
    ...alertGauges(registry),
    ...driftGauges(registry),
    async render() {
      return { contentType: registry.contentType, body: await registry.metrics() };
    },
  };
}

/** What the alerts look at besides traffic: open failures (POISON = unhandled dead letters), SAP create errors, firing alerts, time to drain and the SAP slots. */
function alertGauges(registry: Registry) {
  const failuresOpen = new Gauge({
    name: "icp_failures_open",
    help: "Failure records an operator has not closed (OPEN or RETRYING), by flow and error class; error_class POISON is the unhandled dead-letter messages",
    labelNames: ["flow", "error_class"] as const,
    registers: [registry],
  });
  const sapCreateErrors = new Gauge({
    name: "icp_sap_create_errors_last_minute",
    help: "SAP order calls that failed for a technical reason (5xx, timeout, breaker open; not business refusals) in the last minute, from the ledger",
    registers: [registry],
  });
  const alertsFiring = new Gauge({
    name: "icp_alerts_firing",
    help: "Alerts the worker's evaluator holds firing, by rule",
    labelNames: ["rule"] as const,
    registers: [registry],
  });
  const timeToDrain = new Gauge({
    name: "icp_time_to_drain_seconds",
    help: "Seconds until a backlog is worked off at the throughput of the last minute, by kind (queue: BullMQ jobs ready or running; topic: a consumer group's lag) and name; +Inf when a backlog waits and nothing moved, absent while unknown",
    labelNames: ["kind", "name"] as const,
    registers: [registry],
  });
  const sapSlotsInUse = new Gauge({
    name: "icp_sap_slots_in_use",
    help: "SAP concurrency slots held now across every worker replica (live leases in Redis)",
    registers: [registry],
  });
  const sapSlotsLimit = new Gauge({
    name: "icp_sap_slots_limit",
    help: "The SAP concurrency cap shared by every worker replica (SAP_MAX_CONCURRENCY)",
    registers: [registry],
  });
  return { failuresOpen, sapCreateErrors, alertsFiring, timeToDrain, sapSlotsInUse, sapSlotsLimit };
}

/** The drift check's: records SAP and the read model disagree on that no one has repaired yet. */
function driftGauges(registry: Registry) {
  const driftOpen = new Gauge({
    name: "icp_drift_findings_open",
    help: "Records whose SAP and read-model values differ and that no one has repaired yet (drift findings OPEN or REPAIRING), by entity",
    labelNames: ["entity"] as const,
    registers: [registry],
  });
  return { driftOpen };
}

export type Metrics = ReturnType<typeof createMetrics>;

/**
 * May this request read /metrics? Open when no token is configured (local use); otherwise
 * only with `Authorization: Bearer <token>`, compared in constant time.
 */
export function scrapeAllowed(authorization: string | null | undefined, token: string | undefined): boolean {
  if (!token) return true;
  const m = /^Bearer (.+)$/.exec(authorization ?? "");
  if (!m?.[1]) return false;
  const a = Buffer.from(m[1]);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}
