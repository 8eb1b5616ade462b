/**
 * Demo data for `make up`: a storefront API client (the reference storefront's and the traffic
 * generator's), a webhook endpoint (the reference storefront receives and verifies the
 * webhooks), and a first full resync of products, stock and customers from the SAP sandbox,
 * with a progress bar per entity. Idempotent: running it again keeps the client and endpoint
 * and starts fresh resyncs.
 */

import { writeFileSync } from "node:fs";
import { loadEnv } from "@icp/config";
import { createPrisma } from "@icp/db";
import { jobOf, NO_SETTINGS, Queues, resyncJob } from "@icp/domain";
import { redisConnection } from "@icp/messaging";
import { ReadModel } from "@icp/read-model";
import { hashClientSecret, SCOPES } from "@icp/storefront-api";
import { Queue } from "bullmq";

const env = loadEnv();
const db = createPrisma(env.DATABASE_URL);
const clientId = process.env.DEMO_CLIENT_ID ?? "demo-storefront";
const clientSecret = process.env.DEMO_CLIENT_SECRET ?? "demo-storefront-secret-local-only";
const webhookUrl = process.env.DEMO_WEBHOOK_URL ?? "http://127.0.0.1:3100/api/webhooks";
/**
 * What to load (comma list, default all): "client", "resync", "webhook". The webhook endpoint is
 * registered once its receiver (the reference storefront) is up: deliveries to a receiver that
 * is not there yet would fail and auto-disable the endpoint (make up and the browser spec load
 * "client,resync" first, build and start the storefront, then "webhook").
 */
const parts = new Set(
  (process.env.DEMO_SEED_PARTS ?? "client,resync,webhook").split(",").map((p) => p.trim()),
);

function bar(label: string, done: number, total: number) {
  const width = 30;
  const pct = total > 0 ? Math.min(1, done / total) : 0;
  const fill = Math.round(pct * width);
  process.stdout.write(
    `\r  ${label.padEnd(10)} [${"#".repeat(fill)}${".".repeat(width - fill)}] ${String(Math.round(pct * 100)).padStart(3)}%  ${done}/${total || "?"}   `,
  );
}

/** The reference storefront (apps/storefront) receives them at /api/webhooks and revalidates its static pages. */
async function registerWebhookEndpoint() {
  const events = ["order.status_changed", "stock.changed", "product.changed"];
  const endpoint = await db.webhookEndpoint.findFirst({ where: { url: webhookUrl, deletedAt: null } });
  if (!endpoint) {
    await db.webhookEndpoint.create({
      data: {
        name: "Demo storefront",
        url: webhookUrl,
        secretRef: "env:WEBHOOK_SECRET_DEMO",
        events,
        createdBy: "seed",
      },
    });
    console.log(`  webhook endpoint ${webhookUrl} created`);
  } else if (events.some((e) => !endpoint.events.includes(e))) {
    await db.webhookEndpoint.update({ where: { id: endpoint.id }, data: { events } });
    console.log(`  webhook endpoint ${webhookUrl} now subscribed to ${events.join(", ")}`);
  }
}

async function main() {
  if (parts.has("client") && !(await db.apiClient.findUnique({ where: { clientId } }))) {
    await db.apiClient.create({
      data: {
        clientId,
        name: "Demo storefront",
        secretHash: await hashClientSecret(clientSecret),
        scopes: [...SCOPES],
        rateLimitPerMinute: 1200,
        createdBy: "seed",
      },
    });
    console.log(`  API client ${clientId} created`);
  }
  if (parts.has("webhook")) await registerWebhookEndpoint();
  if (!parts.has("resync")) {
    await db.close();
    return;
  }
  const queue = new Queue(Queues.masterData, { connection: redisConnection(env.REDIS_URL) });
  try {
    for (const entity of ["PRODUCTS", "STOCK", "CUSTOMERS"] as const) {
      const active = await db.syncRun.findFirst({ where: { entity, state: { in: ["QUEUED", "RUNNING"] } } });
      const run = active ?? (await db.syncRun.create({ data: { entity, mode: "FULL", startedBy: "seed" } }));
      if (!active)
        await queue.add(
          resyncJob.name,
          { runId: run.id },
          jobOf(resyncJob, { runId: run.id }, NO_SETTINGS).opts,
        );
      for (;;) {
        const r = await db.syncRun.findUniqueOrThrow({ where: { id: run.id } });
        bar(entity.toLowerCase(), r.processed, r.total ?? 0);
        if (r.state === "SUCCEEDED") break;
        if (r.state === "FAILED" || r.state === "CANCELLED")
          throw new Error(`${entity} resync ${r.state.toLowerCase()}: ${r.error ?? ""}`);
        await new Promise((res) => setTimeout(res, 500));
      }
      process.stdout.write("\n");
    }
    // The demo storefront shops as these customers (a real storefront knows its own).
    const rm = await ReadModel.connect(env.MONGODB_URL, { appName: "seed" });
    const customers = await rm.customers
      .find({ blocked: false }, { projection: { _id: 1 } })
      .limit(50)
      .toArray();
    await rm.close();
    writeFileSync(
      new URL("../.local/demo-customers.txt", import.meta.url),
      customers.map((c) => c._id).join(","),
    );
    console.log(`  ${customers.length} demo customers for the traffic generator`);
  } finally {
    await queue.close();
    await db.close();
  }
}

main().catch((e) => {
  console.error(`\nseed failed: ${(e as Error).message}`);
  process.exit(1);
});
