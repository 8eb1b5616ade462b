import "server-only";
import type { ApiServices } from "@icp/api";
import { ConsumerGroups, Topics } from "@icp/domain";
import {
  closeQueues,
  consumerLag,
  createKafka,
  openQueues,
  queueCounts,
  redisConnection,
} from "@icp/messaging";
import type { Admin } from "kafkajs";
import { env } from "./env";

/**
 * Long-lived connections for the console's server side, created on first use and kept on
 * globalThis so dev-mode reloads do not leak a Kafka admin or Redis connections per edit.
 */
interface ConsoleServices {
  kafkaAdmin: Promise<Admin>;
  queues: ReturnType<typeof openQueues>;
}

const g = globalThis as typeof globalThis & { __icpServices?: ConsoleServices };

function services(): ConsoleServices {
  if (!g.__icpServices) {
    const admin = createKafka({
      brokers: env.KAFKA_BROKERS,
      clientId: `${env.KAFKA_CLIENT_ID}-console`,
    }).admin();
    const connected = admin.connect().then(() => admin);
    connected.catch(() => {
      // A failed connect must not poison the process: drop the cache so the next call retries.
      g.__icpServices = undefined;
    });
    g.__icpServices = { kafkaAdmin: connected, queues: openQueues(redisConnection(env.REDIS_URL)) };
  }
  return g.__icpServices;
}

const LAG_GROUPS: { group: string; topics: string[] }[] = [
  { group: ConsumerGroups.ordersToSap, topics: [Topics.orders] },
  { group: ConsumerGroups.orderStatusToStorefront, topics: [Topics.orderStatus] },
  { group: ConsumerGroups.inventoryToStorefront, topics: [Topics.inventory] },
];

export const apiServices: ApiServices = {
  async consumerLag() {
    const admin = await services().kafkaAdmin;
    const all = await Promise.all(LAG_GROUPS.map(({ group, topics }) => consumerLag(admin, group, topics)));
    return all.flat();
  },
  async queueCounts() {
    return Promise.all([...services().queues.values()].map((q) => queueCounts(q)));
  },
};

export async function closeServices() {
  const s = g.__icpServices;
  g.__icpServices = undefined;
  if (!s) return;
  await Promise.allSettled([s.kafkaAdmin.then((a) => a.disconnect()), closeQueues(s.queues)]);
}
