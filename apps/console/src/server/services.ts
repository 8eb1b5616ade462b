import { kafkaConnection } from "@icp/config";
import "server-only";
import { type ApiServices, parseRoleGroups } from "@icp/api";
import { createPrisma } from "@icp/db";
import { closeQueues, createKafka, createProducer, openProducerQueues } from "@icp/messaging";
import { kafkajsLogCreator } from "@icp/observability";
import { Redis } from "ioredis";
import type { Admin, Kafka, Producer } from "kafkajs";
import { type ConsoleConnections, consoleApiServices } from "./api-services";
import { DEV_USERS } from "./dev-users";
import { DEV_LOGIN_AVAILABLE, env } from "./env";
import { logger } from "./logger";

/**
 * Long-lived connections for the console's server side, created on first use and kept on
 * globalThis so dev-mode reloads do not leak a Kafka admin or Redis connections per edit.
 */
interface ConsoleServices extends ConsoleConnections {
  producer?: Promise<Producer>;
}

const g = globalThis as typeof globalThis & { __icpServices?: ConsoleServices };

function services(): ConsoleServices {
  if (!g.__icpServices) {
    const kafka = createKafka({
      ...kafkaConnection(env),
      clientId: `${env.KAFKA_CLIENT_ID}-console`,
      logCreator: kafkajsLogCreator(logger),
    });
    const admin = kafka.admin();
    const connected = admin.connect().then(() => admin);
    connected.catch(() => {
      // A failed connect must not poison the process: drop the admin so the next call retries.
      if (g.__icpServices) g.__icpServices.kafkaAdmin = reconnectAdmin(kafka);
    });
    g.__icpServices = {
      kafka,
      kafkaAdmin: connected,
      // Producers fail fast: a click while Redis is down is refused within seconds (workers wait).
      queues: openProducerQueues(env.REDIS_URL),
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

export const apiServices: ApiServices = consoleApiServices({
  env,
  connections: services,
  producer,
  auth: {
    roleGroups: parseRoleGroups(env.OIDC_ROLE_GROUPS),
    rolesClaim: env.OIDC_ROLES_CLAIM,
    ...(env.OIDC_ISSUER ? { oidcIssuer: env.OIDC_ISSUER } : {}),
    devUsers: DEV_LOGIN_AVAILABLE ? [...DEV_USERS] : [],
  },
});

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
