import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { loadEnv, type Secrets } from "@icp/config";
import { createPrisma, type Db } from "@icp/db";
import { migrate } from "@icp/db/migrate";
import { createTestDatabase, MIGRATIONS_DIR, type TestDatabase } from "@icp/db/test-database";
import { deliverWebhookJob, newWebhookSecret, Queues, verifyWebhook } from "@icp/domain";
import { redisConnection } from "@icp/messaging";
import { createLogger, createMetrics } from "@icp/observability";
import { Worker } from "bullmq";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAlertFlow } from "../flows/alerts";
import type { WorkerContext } from "../flows/context";
import { processorFor } from "../flows/runtime";
import { deliverWebhook } from "../webhooks/webhooks";

/**
 * The alert flow end to end on the real PostgreSQL and Redis: the scheduler ticks, one worker
 * evaluates, an open breaker fires, and a chat-style receiver gets a signed webhook it can
 * verify; closing the breaker resolves it and the receiver hears that too.
 */
const logger = createLogger({ service: "it", level: "silent" });
let database: TestDatabase;
let db: Db;
let redisUrl: string;
let receiver: Server;
const received: { body: Record<string, unknown>; verified: boolean }[] = [];
const secret = newWebhookSecret();

beforeAll(async () => {
  database = await createTestDatabase();
  await migrate(database.url, MIGRATIONS_DIR);
  db = createPrisma(database.url, { poolSize: 4 });
  const url = new URL(loadEnv().REDIS_URL);
  url.pathname = "/1";
  redisUrl = url.toString();
  const redis = new Redis(redisUrl);
  await redis.flushdb();
  redis.disconnect();
  receiver = createServer((req, res) => {
    let body = "";
    req.on("data", (c) => {
      body += c;
    });
    req.on("end", () => {
      const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)]));
      received.push({ body: JSON.parse(body), verified: verifyWebhook(secret, headers, body).ok });
      res.writeHead(200).end("ok");
    });
  });
  await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", r));
}, 60_000);

afterAll(async () => {
  receiver.close();
  await db.close();
  await database.drop();
});

describe("the alert flow", () => {
  it("an open breaker fires, is delivered signed to the channel, and resolves when the breaker closes", async () => {
    const { port } = receiver.address() as AddressInfo;
    await db.webhookEndpoint.create({
      data: {
        name: "chat",
        url: `http://127.0.0.1:${port}/hook`,
        secretRef: "env:ALERT_CHANNEL_SECRET",
        events: ["alert.state_changed"],
        createdBy: "test",
      },
    });
    const health = { breaker: "open" };
    const connection = redisConnection(redisUrl);
    const ctx = {
      env: { SAMPLE_EVERY_MS: 1_000 },
      db,
      connection,
      sap: { client: { health } },
      admin: {
        fetchOffsets: async () => {
          throw new Error("no Kafka here");
        },
      },
      logger,
      metrics: createMetrics("worker"),
      jobSettings: { orderAttempts: 3, orderBackoffMs: 300 },
    } as unknown as WorkerContext;
    const secrets = { get: async () => secret } as unknown as Secrets;
    const deliveries = new Worker(
      Queues.webhooks,
      processorFor(deliverWebhookJob, deliverWebhook({ db, secrets, logger })),
      { connection: redisConnection(redisUrl) },
    );
    const flows = [startAlertFlow(ctx), startAlertFlow(ctx)];
    try {
      await expect.poll(() => received.length, { timeout: 20_000 }).toBeGreaterThanOrEqual(1);
      expect(received[0]?.verified).toBe(true);
      expect(String(received[0]?.body.text)).toContain("[FIRING] SAP circuit breaker is open");
      expect((await db.alertState.findUnique({ where: { key: "breaker_open" } }))?.state).toBe("FIRING");

      health.breaker = "closed";
      await expect.poll(() => received.length, { timeout: 20_000 }).toBeGreaterThanOrEqual(2);
      expect(String(received[1]?.body.text)).toContain("[RESOLVED] SAP circuit breaker is open");
      expect(received.every((r) => r.verified)).toBe(true);
      // Two workers ran the flow: still one FIRING and one RESOLVED event.
      const events = await db.alertEvent.findMany({ where: { key: "breaker_open" }, orderBy: { at: "asc" } });
      expect(events.map((e) => `${e.state}:${e.notified}`)).toEqual(["FIRING:1", "RESOLVED:1"]);
      expect(received).toHaveLength(2);
    } finally {
      await Promise.all(flows.map((f) => f.close()));
      await deliveries.close();
    }
  }, 60_000);
});
