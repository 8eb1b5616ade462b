/**
 * The console's tRPC procedures as the console serves them, for the benchmarks: the services
 * the console builds (consoleApiServices in apps/console/src/server/api-services.ts) over
 * connections of their own — a Kafka admin, BullMQ queues on Redis, Prisma on PostgreSQL, the
 * SAP health check — behind `appRouter.createCaller`, as a viewer. No Next build and no HTTP.
 * The importing process must run with `--conditions=react-server` (the adapters import
 * "server-only").
 */
import { randomUUID } from "node:crypto";
import { appRouter, createCallerFactory, PRESETS } from "@icp/api";
import { kafkaConnection, type LocalEnv } from "@icp/config";
import { createPrisma } from "@icp/db";
import { closeQueues, createKafka, createProducer, openQueues, redisConnection } from "@icp/messaging";
import { Redis } from "ioredis";
import type { Producer } from "kafkajs";
import { consoleApiServices } from "../apps/console/src/server/api-services";

export async function openConsoleCaller(
  env: LocalEnv,
  opts: { groupSuffix?: string; poolSize?: number } = {},
) {
  const kafka = createKafka({ ...kafkaConnection(env), clientId: `${env.KAFKA_CLIENT_ID}-console` });
  const admin = kafka.admin();
  await admin.connect();
  const queues = openQueues(redisConnection(env.REDIS_URL));
  const db = createPrisma(env.DATABASE_URL, { poolSize: opts.poolSize ?? 5 });
  const redis = new Redis(env.REDIS_URL, { maxRetriesPerRequest: 2 });
  let producer: Promise<Producer> | undefined;
  const connections = { kafka, kafkaAdmin: Promise.resolve(admin), queues, db, redis };
  const services = consoleApiServices({
    env,
    connections: () => connections,
    producer: () => {
      producer ??= (async () => {
        const p = createProducer(kafka);
        await p.connect();
        return p;
      })();
      return producer;
    },
    auth: { roleGroups: [], rolesClaim: "groups", devUsers: [] },
    ...(opts.groupSuffix ? { groupSuffix: `.${opts.groupSuffix}` } : {}),
  });
  const caller = createCallerFactory(appRouter)({
    user: { id: "bench", email: "viewer@example.com", role: "viewer", permissions: PRESETS.viewer },
    requestId: randomUUID(),
    services,
  });
  return {
    caller,
    db,
    async close() {
      await Promise.allSettled([
        admin.disconnect(),
        producer?.then((p) => p.disconnect()),
        closeQueues(queues),
        db.close(),
      ]);
      redis.disconnect();
    },
  };
}
