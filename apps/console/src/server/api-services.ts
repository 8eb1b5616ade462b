import "server-only";
import type { ApiServices } from "@icp/api";
import type { ConsoleEnv } from "@icp/config";
import type { Db } from "@icp/db";
import { ConsumerGroups, Topics } from "@icp/domain";
import { consumerLag, type openQueues, queueCounts } from "@icp/messaging";
import { hashClientSecret, newClientSecret } from "@icp/storefront-api";
import type { Redis } from "ioredis";
import type { Admin, Kafka, Producer } from "kafkajs";
import { failFastOnRedis, rethrowRedisUnavailable } from "./fail-fast";
import { failureActions } from "./failure-actions";
import { kafkaBrowser } from "./kafka-browser";
import { queueOps } from "./queue-ops";
import { sapHealth } from "./sap-health";

/** The long-lived connections the console's API works over. */
export interface ConsoleConnections {
  kafka: Kafka;
  kafkaAdmin: Promise<Admin>;
  queues: ReturnType<typeof openQueues>;
  db: Db;
  redis: Redis;
}

/**
 * The tRPC API's services over the console's connections: the console wires them this way
 * (services.ts, connections made on first use), and so does bench/console-sampler.ts, so the
 * benchmark measures the console's own adapters. `groupSuffix` names consumer groups with a
 * suffix (a worker started with KAFKA_GROUP_SUFFIX).
 */
export function consoleApiServices(opts: {
  env: ConsoleEnv;
  connections: () => ConsoleConnections;
  producer: () => Promise<Producer>;
  auth: ApiServices["auth"];
  groupSuffix?: string;
}): ApiServices {
  const conns = opts.connections;
  const suffix = opts.groupSuffix ?? "";
  const lagGroups: { group: string; topics: string[] }[] = [
    { group: `${ConsumerGroups.ordersToSap}${suffix}`, topics: [Topics.orders] },
    { group: `${ConsumerGroups.orderStatusToStorefront}${suffix}`, topics: [Topics.orderStatus] },
    { group: `${ConsumerGroups.inventoryToStorefront}${suffix}`, topics: [Topics.inventory] },
  ];
  return {
    get db() {
      return conns().db;
    },
    async consumerLag() {
      const admin = await conns().kafkaAdmin;
      const all = await Promise.all(lagGroups.map(({ group, topics }) => consumerLag(admin, group, topics)));
      return all.flat();
    },
    async queueCounts() {
      return Promise.all([...conns().queues.values()].map((q) => queueCounts(q))).catch(
        rethrowRedisUnavailable,
      );
    },
    sapHealth: () => sapHealth(opts.env, conns().redis),
    kafka: kafkaBrowser(
      () => conns().kafka,
      () => conns().kafkaAdmin,
    ),
    // Operator actions on BullMQ: refused at once, typed, while Redis is down.
    queues: failFastOnRedis(queueOps(() => conns().queues)),
    failures: failFastOnRedis(
      failureActions({
        db: () => conns().db,
        queues: () => conns().queues,
        producer: opts.producer,
        jobSettings: { orderAttempts: opts.env.ORDER_ATTEMPTS, orderBackoffMs: opts.env.ORDER_BACKOFF_MS },
      }),
    ),
    auth: opts.auth,
    clientSecrets: { generate: newClientSecret, hash: hashClientSecret },
  };
}
