import "server-only";
import type { ApiServices, Role } from "@icp/api";
import { createPrisma, type Db } from "@icp/db";
import { ConsumerGroups, Topics } from "@icp/domain";
import {
  closeQueues,
  consumerLag,
  createKafka,
  createProducer,
  openQueues,
  queueCounts,
  redisConnection,
} from "@icp/messaging";
import { hashClientSecret, newClientSecret } from "@icp/storefront-api";
import { Redis } from "ioredis";
import type { Admin, Kafka, Producer } from "kafkajs";
import { DEV_USERS } from "./auth";
import { DEV_LOGIN_AVAILABLE, env } from "./env";
import { failureActions } from "./failure-actions";
import { kafkaBrowser } from "./kafka-browser";
import { queueOps } from "./queue-ops";
import { sapHealth } from "./sap-health";

/**
 * Long-lived connections for the console's server side, created on first use and kept on
 * globalThis so dev-mode reloads do not leak a Kafka admin or Redis connections per edit.
 */
interface ConsoleServices {
  kafka: Kafka;
  kafkaAdmin: Promise<Admin>;
  producer?: Promise<Producer>;
  queues: ReturnType<typeof openQueues>;
  db: Db;
  redis: Redis;
}

const g = globalThis as typeof globalThis & { __icpServices?: ConsoleServices };

function services(): ConsoleServices {
  if (!g.__icpServices) {
    const kafka = createKafka({ brokers: env.KAFKA_BROKERS, clientId: `${env.KAFKA_CLIENT_ID}-console` });
    const admin = kafka.admin();
    const connected = admin.connect().then(() => admin);
    connected.catch(() => {
      // A failed connect must not poison the process: drop the admin so the next call retries.
      if (g.__icpServices) g.__icpServices.kafkaAdmin = reconnectAdmin(kafka);
    });
    g.__icpServices = {
      kafka,
      kafkaAdmin: connected,
      queues: openQueues(redisConnection(env.REDIS_URL)),
      db: createPrisma(env.DATABASE_URL, { poolSize: 5 }),
      redis: new Redis(env.REDIS_URL, { maxRetriesPerRequest: 2 }),
    };
  }
  return g.__icpServices;
}

function reconnectAdmin(kafka: Kafka): Promise<Admin> {
  const admin = kafka.admin();
  return admin.connect().then(() => admin);
}

function producer(): Promise<Producer> {
  const s = services();
  if (!s.producer) {
    const p = createProducer(s.kafka);
    s.producer = p.connect().then(() => p);
    s.producer.catch(() => {
      s.producer = undefined;
    });
  }
  return s.producer;
}

const LAG_GROUPS: { group: string; topics: string[] }[] = [
  { group: ConsumerGroups.ordersToSap, topics: [Topics.orders] },
  { group: ConsumerGroups.orderStatusToStorefront, topics: [Topics.orderStatus] },
  { group: ConsumerGroups.inventoryToStorefront, topics: [Topics.inventory] },
];

export const apiServices: ApiServices = {
  get db() {
    return services().db;
  },
  async consumerLag() {
    const admin = await services().kafkaAdmin;
    const all = await Promise.all(LAG_GROUPS.map(({ group, topics }) => consumerLag(admin, group, topics)));
    return all.flat();
  },
  async queueCounts() {
    return Promise.all([...services().queues.values()].map((q) => queueCounts(q)));
  },
  sapHealth: () => sapHealth(env, services().redis),
  kafka: kafkaBrowser(
    () => services().kafka,
    () => services().kafkaAdmin,
  ),
  queues: queueOps(() => services().queues),
  failures: failureActions({ db: () => services().db, queues: () => services().queues, producer }),
  auth: {
    roleGroups: env.OIDC_ROLE_GROUPS.split(",")
      .map((pair) => pair.trim().split(":"))
      .filter(
        (p): p is [Role, string] => p.length === 2 && ["viewer", "operator", "admin"].includes(p[0] ?? ""),
      )
      .map(([role, group]) => ({ role, group })),
    rolesClaim: env.OIDC_ROLES_CLAIM,
    ...(env.OIDC_ISSUER ? { oidcIssuer: env.OIDC_ISSUER } : {}),
    devUsers: DEV_LOGIN_AVAILABLE ? [...DEV_USERS] : [],
  },
  clientSecrets: { generate: newClientSecret, hash: hashClientSecret },
};

export async function closeServices() {
  const s = g.__icpServices;
  g.__icpServices = undefined;
  if (!s) return;
  await Promise.allSettled([
    s.kafkaAdmin.then((a) => a.disconnect()),
    s.producer?.then((p) => p.disconnect()),
    closeQueues(s.queues),
    s.db.close(),
  ]);
}
