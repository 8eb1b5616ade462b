import { randomBytes } from "node:crypto";
import { type Env, kafkaConnection, loadEnv, parseEnv } from "@icp/config";
import type { Db } from "@icp/db";
import { migrate } from "@icp/db";
import { createTestDatabase, MIGRATIONS_DIR, type TestDatabase } from "@icp/db/test-database";
import { ConsumerGroups, jobOf, NO_SETTINGS, Queues, resyncJob, TOPIC_SPECS } from "@icp/domain";
import { createKafka, groupsToEnd, redisConnection } from "@icp/messaging";
import { Queue } from "bullmq";
import { Redis } from "ioredis";
import { MongoClient } from "mongodb";

/**
 * One isolated slice of the real local stack per test file: a fresh PostgreSQL database with
 * the migrations applied, a fresh MongoDB database, a Redis database emptied for the file, and
 * consumer-group suffixes whose offsets start at the current end of each topic — so a test
 * sees only the messages it produced, on the same brokers and servers everything else uses.
 */
export interface TestStack {
  env: Env;
  groupSuffix: string;
  close(): Promise<void>;
}

let redisDb = 2;

export async function testStack(overrides: Partial<Record<keyof Env, string>> = {}): Promise<TestStack> {
  const base = loadEnv();
  const db: TestDatabase = await createTestDatabase();
  await migrate(db.url, MIGRATIONS_DIR);
  const mongoUrl = new URL(base.MONGODB_URL);
  mongoUrl.pathname = `/storefront_it_${randomBytes(4).toString("hex")}`;
  const redisUrl = new URL(base.REDIS_URL);
  // Each file gets its own Redis database (BullMQ queue names are fixed), flushed first.
  redisUrl.pathname = `/${(redisDb++ % 14) + 2}`;
  const redis = new Redis(redisUrl.toString());
  await redis.flushdb();
  redis.disconnect();
  const groupSuffix = `it-${randomBytes(4).toString("hex")}`;
  await startGroupsAtEnd(base, groupSuffix);
  const env: Env = parseEnv({
    ...process.env,
    DATABASE_URL: db.url,
    MONGODB_URL: mongoUrl.toString(),
    REDIS_URL: redisUrl.toString(),
    LOG_LEVEL: "warn",
    RESYNC_SCHEDULE: "off",
    // The sandbox commits at once unless a test asks otherwise: a short commit window keeps an
    // ambiguous create (a timeout on a loaded machine) from holding a test for SAP's minute.
    SAP_COMMIT_WINDOW_MS: "2000",
    ...overrides,
  });
  return {
    env,
    groupSuffix,
    async close() {
      await db.drop();
      const m = new MongoClient(env.MONGODB_URL);
      try {
        await m.db().dropDatabase();
      } finally {
        await m.close();
      }
      await deleteGroups(base, groupSuffix);
    },
  };
}

/** Commit the test's consumer groups at the current end offsets, so they skip older messages. */
async function startGroupsAtEnd(env: Env, suffix: string) {
  const admin = createKafka({ ...kafkaConnection(env), clientId: "icp-test-harness" }).admin();
  await admin.connect();
  try {
    const pairs: [string, string][] = [
      [ConsumerGroups.ordersToSap, "orders"],
      [ConsumerGroups.orderStatusToStorefront, "order-status"],
      [ConsumerGroups.inventoryToStorefront, "inventory"],
    ];
    await groupsToEnd(
      admin,
      pairs
        .filter(([, topic]) => TOPIC_SPECS.some((t) => t.name === topic))
        .map(([group, topic]) => ({ groupId: `${group}.${suffix}`, topic })),
    );
  } finally {
    await admin.disconnect();
  }
}

/**
 * Delete the test's consumer groups, so the console's Kafka page does not list a lagging
 * group for every test run ever made. A group that still has members (a worker a test left
 * running) cannot be deleted and is left.
 */
async function deleteGroups(env: Env, suffix: string) {
  const admin = createKafka({ ...kafkaConnection(env), clientId: "icp-test-harness" }).admin();
  await admin.connect();
  try {
    const { groups } = await admin.listGroups();
    const ours = groups.map((g) => g.groupId).filter((id) => id.endsWith(`.${suffix}`));
    if (ours.length) await admin.deleteGroups(ours).catch(() => undefined);
  } finally {
    await admin.disconnect();
  }
}

export async function eventually<T>(
  fn: () => Promise<T | undefined | null | false>,
  what: string,
  timeoutMs = 30_000,
  everyMs = 200,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline)
      throw new Error(
        `timed out after ${timeoutMs} ms waiting for ${what}${last ? ` (last error: ${(last as Error).message})` : ""}`,
      );
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** Starts a full resync of one entity through the worker's queue and waits for it to succeed. */
export async function resyncNow(
  db: Db,
  redisUrl: string,
  entity: "PRODUCTS" | "PRICES" | "STOCK" | "CUSTOMERS",
) {
  const run = await db.syncRun.create({ data: { entity, mode: "FULL", startedBy: "test" } });
  const q = new Queue(Queues.masterData, { connection: redisConnection(redisUrl) });
  await q.add(resyncJob.name, { runId: run.id }, jobOf(resyncJob, { runId: run.id }, NO_SETTINGS).opts);
  await q.close();
  return eventually(
    async () => {
      const r = await db.syncRun.findUniqueOrThrow({ where: { id: run.id } });
      if (r.state === "FAILED") throw new Error(r.error ?? "failed");
      return r.state === "SUCCEEDED" ? r : undefined;
    },
    `${entity} resync`,
    60_000,
  );
}
