/**
 * Kafka topics, consumer groups and BullMQ queues: one place, so nothing spells them twice.
 * Every business topic has a dead-letter twin that receives messages that could not be
 * parsed or validated (with the reason in headers), so a poison message never blocks a
 * partition.
 */
export const Topics = {
  orders: "orders",
  orderStatus: "order-status",
  inventory: "inventory",
} as const;
export type Topic = (typeof Topics)[keyof typeof Topics];

export const deadLetterTopic = (topic: Topic): `${Topic}.dlq` => `${topic}.dlq`;

export interface TopicSpec {
  name: string;
  partitions: number;
  /** Why the key is what it is: one entity's events must stay in order on one partition. */
  key: string;
}

export const TOPIC_SPECS: readonly TopicSpec[] = [
  { name: Topics.orders, partitions: 6, key: "storefront order id" },
  { name: Topics.orderStatus, partitions: 6, key: "SAP sales order" },
  { name: Topics.inventory, partitions: 6, key: "product/plant" },
  { name: deadLetterTopic(Topics.orders), partitions: 1, key: "as the source message" },
  { name: deadLetterTopic(Topics.orderStatus), partitions: 1, key: "as the source message" },
  { name: deadLetterTopic(Topics.inventory), partitions: 1, key: "as the source message" },
];

export const ConsumerGroups = {
  ordersToSap: "icp.orders-to-sap",
  orderStatusToStorefront: "icp.order-status-to-storefront",
  inventoryToStorefront: "icp.inventory-to-storefront",
} as const;

export const Queues = {
  orders: "orders-to-sap",
  orderStatus: "order-status-to-storefront",
  inventory: "inventory-to-storefront",
  masterData: "master-data-resync",
  webhooks: "webhook-deliveries",
  replay: "replay-runs",
  /** Housekeeping on a schedule (audit retention). */
  maintenance: "maintenance",
  /** The alert evaluator's ticks (one evaluation per tick across workers). */
  alerts: "alerts",
  /** Drift checks (sampled and on demand) and their repairs. */
  drift: "drift-checks",
} as const;

/** BullMQ job names, per queue. */
export const JobNames = {
  createSalesOrder: "create-sales-order",
  cancelSalesOrder: "cancel-sales-order",
  applyOrderStatus: "apply-order-status",
  applyStock: "apply-stock",
  resync: "resync",
  scheduledResync: "scheduled-resync",
  replay: "replay",
  deliverWebhook: "deliver",
  auditPurge: "audit-purge",
  orderEventPurge: "order-event-purge",
  evaluateAlerts: "evaluate-alerts",
  driftCheck: "drift-check",
  driftSample: "drift-sample",
  driftRepair: "drift-repair",
} as const;
export type QueueName = (typeof Queues)[keyof typeof Queues];

/** The BullMQ job id of a resync run (one job per run; a run without a recorded job id has this one). */
export const resyncJobId = (runId: string): string => `resync-${runId}`;
