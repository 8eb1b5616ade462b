import type { Db } from "@icp/db";
import { AWAITING_SAP, type CloudEvent, decodeCloudEvent, orderTopicSchemas, Topics } from "@icp/domain";
import { type PartitionRange, scanRanges } from "@icp/messaging";
import type { Logger } from "@icp/observability";
import type { Admin, Kafka } from "kafkajs";
import type { KafkaCoordinates } from "../bridge/topic-to-queue";

const ALIVE = new Set(["waiting", "active", "delayed", "prioritized", "waiting-children"]);

/**
 * Orders the ledger has held as QUEUED or SUBMITTING for longer than `olderThanMs` whose
 * BullMQ job is gone, or ended without booking them: re-driven from the Kafka record the
 * ledger points at. Kafka's offset was committed once the job was in Redis, so a Redis that
 * loses acknowledged writes (a crash inside AOF's one-second fsync window, a failover to a
 * replica that lagged) would otherwise leave the order silently stuck. PostgreSQL's ledger and
 * Kafka's log are the durable pair; Redis holds only work in progress. The push is idempotent
 * (ledger + SAP lookup), so re-driving an order that did reach SAP books it, once.
 */
export async function redriveStrandedOrders(deps: {
  db: Db;
  kafka: Kafka;
  admin: Admin;
  /** BullMQ state of the order's job (job id = order id), undefined if there is none. */
  jobState(jobId: string): Promise<string | undefined>;
  /** Drops an ended job so a new one with the same id can be added. */
  removeJob(jobId: string): Promise<void>;
  enqueue(event: CloudEvent, at: KafkaCoordinates): Promise<void>;
  logger: Logger;
  olderThanMs?: number;
  now?: Date;
}): Promise<string[]> {
  const now = deps.now ?? new Date();
  const links = await deps.db.orderLink.findMany({
    where: {
      state: { in: [...AWAITING_SAP] },
      updatedAt: { lt: new Date(now.getTime() - (deps.olderThanMs ?? 5 * 60_000)) },
      kafkaTopic: Topics.orders,
      kafkaPartition: { not: null },
      kafkaOffset: { not: null },
    },
    select: { storefrontOrderId: true, kafkaPartition: true, kafkaOffset: true },
    orderBy: { updatedAt: "asc" },
    take: 500,
  });
  const stranded = new Map<string, string>(); // "partition:offset" → order id
  for (const link of links) {
    const state = await deps.jobState(link.storefrontOrderId);
    if (state && ALIVE.has(state)) continue;
    if (state) await deps.removeJob(link.storefrontOrderId);
    stranded.set(`${link.kafkaPartition}:${link.kafkaOffset}`, link.storefrontOrderId);
  }
  if (stranded.size === 0) return [];

  const byPartition = new Map<number, bigint[]>();
  for (const key of stranded.keys()) {
    const [p, o] = key.split(":") as [string, string];
    byPartition.set(Number(p), [...(byPartition.get(Number(p)) ?? []), BigInt(o)]);
  }
  const ranges: PartitionRange[] = [...byPartition].map(([partition, offsets]) => {
    const sorted = [...offsets].sort((a, b) => Number(a - b));
    return {
      partition,
      from: String(sorted[0]),
      to: String((sorted[sorted.length - 1] ?? 0n) + 1n),
    };
  });
  const redriven: string[] = [];
  await scanRanges(
    deps.kafka,
    Topics.orders,
    ranges,
    async (partition, messages): Promise<undefined> => {
      for (const m of messages) {
        const orderId = stranded.get(`${partition}:${m.offset}`);
        if (!orderId) continue;
        const decoded = decodeCloudEvent({ value: m.value, headers: m.headers }, orderTopicSchemas);
        if (!decoded.ok || (decoded.event.data as { orderId?: string }).orderId !== orderId) {
          deps.logger.error(
            { "labels.order_id": orderId, "kafka.partition": partition, "kafka.offset": m.offset },
            "stranded order: the ledger's Kafka record is not this order; left for an operator",
          );
          continue;
        }
        await deps.enqueue(decoded.event, {
          topic: Topics.orders,
          partition,
          offset: m.offset,
          key: m.key?.toString() ?? null,
        });
        redriven.push(orderId);
      }
      return undefined;
    },
    { groupPrefix: "icp-redrive", admin: deps.admin, timeoutMs: 60_000 },
  );
  for (const orderId of redriven)
    deps.logger.warn({ "labels.order_id": orderId }, "stranded order re-driven from its Kafka record");
  return redriven;
}
