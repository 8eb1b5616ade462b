import { randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";
import { type AddressInfo, createServer as createTcpServer } from "node:net";
import { kafkaConnection, loadEnv } from "@icp/config";
import {
  EventTypes,
  encodeCloudEvent,
  newCloudEvent,
  newWebhookSecret,
  STOREFRONT_EVENT_SOURCE,
  Topics,
  verifyWebhook,
} from "@icp/domain";
import { createKafka, createProducer } from "@icp/messaging";
import { parseTraceparent } from "@icp/observability";
import { timelineDefects } from "@icp/orders";
import { createSandbox, KafkaEventPublisher, type Sandbox } from "@icp/sap-sandbox";
import { startWorker, type WorkerApp } from "@icp/worker";
import { Redis } from "ioredis";
import type { Producer } from "kafkajs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually, resyncNow, type TestStack, testStack } from "./harness";
import { clientCredentialsToken, createApiClient, startStorefrontServer } from "./storefront-server";

/**
 * Flows 1–3 driven end to end the way production drives them: a storefront order over HTTP,
 * SAP's business events published to Kafka by the sandbox (as SAP's event middleware would),
 * the worker turning them into read-model updates and signed webhooks to a receiving
 * storefront — and the trace id the storefront sent found on every hop.
 */
let stack: TestStack;
let sandbox: Sandbox;
let worker: WorkerApp;
let producer: Producer;
let redis: Redis;
let storefront: { url: string; close(): void };
let receiver: Server;
let sku: string;
let customer: string;
let metricsPort: number;
let otlp: Server;
/** Spans the worker and the storefront API exported over OTLP/HTTP (JSON), as a collector gets them. */
const exported: { traceId: string; spanId: string; parentSpanId?: string; name: string; kind: number }[] = [];
const secret = newWebhookSecret();
const received: { headers: Record<string, string>; body: string; verified: boolean }[] = [];

beforeAll(async () => {
  process.env.WEBHOOK_SECRET_IT_EVENTS = secret;
  sandbox = await createSandbox({
    port: 0,
    logLevel: "silent",
    products: 30,
    customers: 10,
    tickMs: 0,
    adminToken: "it-admin",
    systemId: "S4E",
    publisher: new KafkaEventPublisher(
      createKafka({
        ...kafkaConnection(loadEnv()),
        clientId: `it-sap-events-${randomBytes(3).toString("hex")}`,
        retries: 3,
      }),
    ),
    // Deterministic back office: each tick moves every open order one stage, nothing else.
    simulation: {
      advanceProbability: 1,
      modifyProbability: 0,
      cancelProbability: 0,
      receiptsPerTick: 0,
      masterDataChangeProbability: 0,
    },
  });
  metricsPort = await freePort();
  otlp = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    if (req.url === "/v1/traces") {
      const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as {
        resourceSpans: { scopeSpans: { spans: (typeof exported)[number][] }[] }[];
      };
      for (const rs of body.resourceSpans) for (const ss of rs.scopeSpans) exported.push(...ss.spans);
    }
    res.writeHead(200, { "content-type": "application/json" }).end("{}");
  });
  await new Promise<void>((r) => otlp.listen(0, "127.0.0.1", r));
  stack = await testStack({
    SAP_BASE_URL: sandbox.url,
    WORKER_HTTP_PORT: String(metricsPort),
    SAMPLE_EVERY_MS: "1000",
    OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${(otlp.address() as AddressInfo).port}`,
  });
  worker = await startWorker(stack.env, { groupSuffix: stack.groupSuffix, orderBackoffMs: 200 });
  for (const entity of ["PRODUCTS", "STOCK", "CUSTOMERS"] as const)
    await resyncNow(worker.db, stack.env.REDIS_URL, entity);
  producer = createProducer(createKafka({ ...kafkaConnection(stack.env), clientId: "it-sap-events" }));
  await producer.connect();
  redis = new Redis(stack.env.REDIS_URL);
  storefront = await startStorefrontServer({
    db: worker.db,
    rm: worker.rm,
    producer,
    redis,
    rateLimitPrefix: `it:${stack.groupSuffix}:`,
  });
  await createApiClient(worker.db, {
    clientId: "web",
    name: "Web shop",
    secret: "s3cret-web",
    scopes: ["catalog:read", "orders:read", "orders:write"],
    rateLimitPerMinute: 1000,
  });

  receiver = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks).toString("utf8");
    const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)]));
    received.push({ headers, body, verified: verifyWebhook(secret, headers, body).ok });
    res.writeHead(204).end();
  });
  await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", r));
  await worker.db.webhookEndpoint.create({
    data: {
      name: "storefront (test)",
      url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`,
      secretRef: "env:WEBHOOK_SECRET_IT_EVENTS",
      events: ["order.status_changed", "stock.changed"],
      createdBy: "test",
    },
  });
  const stocked = await worker.rm.stock
    .aggregate<{ _id: string; q: number }>([
      { $group: { _id: "$sku", q: { $sum: "$quantity" } } },
      { $match: { q: { $gt: 20 } } },
      { $sort: { _id: 1 } },
      { $limit: 1 },
    ])
    .toArray();
  sku = stocked[0]!._id;
  customer = (await worker.rm.customers.findOne({ blocked: false }))!._id;
}, 180_000);

afterAll(async () => {
  storefront?.close();
  receiver?.close();
  otlp?.close();
  redis?.disconnect();
  await producer?.disconnect();
  await worker?.close();
  await sandbox?.close();
  await stack?.close();
});

async function freePort(): Promise<number> {
  const server = createTcpServer();
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  await new Promise((r) => server.close(r));
  return port;
}

const webhooks = (type: string) =>
  received
    .map((r) => ({ ...r, payload: JSON.parse(r.body) as { type: string; data: Record<string, unknown> } }))
    .filter((r) => r.payload.type === type);

async function sandboxAdmin<T>(path: string, method = "GET"): Promise<T> {
  const res = await fetch(`${sandbox.url}/sandbox/admin/${path}`, {
    method,
    headers: { authorization: "Bearer it-admin" },
  });
  expect(res.status).toBe(200);
  return (await res.json()) as T;
}

describe("SAP events through Kafka, with one trace from the storefront to the webhook", () => {
  const traceId = randomBytes(16).toString("hex");
  let orderId = "";
  let salesOrder = "";

  it("an order submitted with a traceparent carries its trace id into Kafka, the ledger and SAP", async () => {
    const access_token = await clientCredentialsToken(storefront.url, "web", "s3cret-web");
    const res = await fetch(`${storefront.url}/orders`, {
      method: "POST",
      headers: {
        authorization: `Bearer ${access_token}`,
        "content-type": "application/json",
        "idempotency-key": `it-events-${traceId}`,
        traceparent: `00-${traceId}-${randomBytes(8).toString("hex")}-01`,
      },
      body: JSON.stringify({ customerId: customer, currency: "EUR", lines: [{ sku, quantity: 3 }] }),
    });
    expect(res.status).toBe(202);
    expect(parseTraceparent(res.headers.get("traceresponse"))?.traceId).toBe(traceId);
    orderId = ((await res.json()) as { orderId: string }).orderId;

    const link = await eventually(async () => {
      const l = await worker.db.orderLink.findUnique({ where: { storefrontOrderId: orderId } });
      return l?.sapSalesOrder ? l : undefined;
    }, "the sales order to be created");
    salesOrder = link.sapSalesOrder!;
    // The worker learnt the trace id only from the Kafka record's ce_traceparent header.
    expect(link.traceId).toBe(traceId);
    const sapCalls = await sandboxAdmin<{ method: string; path: string; status: number }[]>(
      `requests?traceId=${traceId}`,
    );
    expect(sapCalls.filter((c) => c.method === "POST" && c.path === "A_SalesOrder")).toEqual([
      expect.objectContaining({ status: 201 }),
    ]);
  });

  it("SAP's created event reaches the read model and a signed webhook in the order's trace", async () => {
    const accepted = await eventually(
      async () =>
        webhooks("order.status_changed").find(
          (w) => w.payload.data.orderId === orderId && w.payload.data.status === "ACCEPTED",
        ),
      "the ACCEPTED webhook",
    );
    expect(accepted.verified).toBe(true);
    expect(accepted.payload.data.salesOrder).toBe(salesOrder);
    expect(parseTraceparent(accepted.headers.traceparent)?.traceId).toBe(traceId);
  });

  it("each stage SAP moves the order to arrives in order, and shipping lowers the stock the storefront sees", async () => {
    const stockBefore = (await worker.rm.stockFor([sku])).get(sku)?.available ?? 0;
    for (const status of ["PROCESSING", "SHIPPED", "DELIVERED", "BILLED"]) {
      await sandboxAdmin("simulation/tick", "POST");
      await eventually(
        async () => (await worker.rm.orders.findOne({ _id: orderId }))?.status === status,
        `the read model to show ${status}`,
      );
    }
    await eventually(
      async () =>
        webhooks("order.status_changed").filter((w) => w.payload.data.orderId === orderId).length === 5,
      "five status webhooks",
    );
    const all = webhooks("order.status_changed").filter((w) => w.payload.data.orderId === orderId);
    expect(all.map((w) => w.payload.data.status)).toEqual([
      "ACCEPTED",
      "PROCESSING",
      "SHIPPED",
      "DELIVERED",
      "BILLED",
    ]);
    expect(all.every((w) => w.verified)).toBe(true);
    expect(all.every((w) => parseTraceparent(w.headers.traceparent)?.traceId === traceId)).toBe(true);
    const history = (await worker.rm.orders.findOne({ _id: orderId }))?.history?.map((h) => h.status);
    expect(history).toEqual(expect.arrayContaining(["PROCESSING", "SHIPPED", "DELIVERED", "BILLED"]));

    // Goods issue at shipping: SAP's stock event → inventory topic → worker → read model + webhook.
    const stockAfter = await eventually(async () => {
      const now = (await worker.rm.stockFor([sku])).get(sku)?.available;
      return now !== undefined && now === stockBefore - 3 ? now : undefined;
    }, "the read model's stock to drop by the shipped quantity");
    expect(stockAfter).toBe(stockBefore - 3);
    const stockHook = await eventually(
      async () => webhooks("stock.changed").find((w) => w.payload.data.sku === sku),
      "the stock.changed webhook",
    );
    expect(stockHook.verified).toBe(true);
    expect(stockHook.payload.data.available).toBe(stockBefore - 3);

    const deliveries = await worker.db.webhookDelivery.findMany({
      where: { orderLink: { storefrontOrderId: orderId } },
    });
    expect(deliveries.map((d) => d.status)).toEqual(Array(5).fill("SUCCEEDED"));
    const events = await worker.db.orderEvent.findMany({
      where: { orderLink: { storefrontOrderId: orderId }, kind: "SAP_STATUS" },
    });
    expect(events.length).toBeGreaterThanOrEqual(5);
    expect(events.every((e) => e.traceId === traceId)).toBe(true);
  });

  it("a cancellation SAP refuses (the order is already billed) fails once, leaves one failure on the order and tells the storefront", async () => {
    // As if the storefront's request overtook the status that made it too late: straight to Kafka.
    const request = newCloudEvent({
      source: STOREFRONT_EVENT_SOURCE,
      type: EventTypes.orderCancellationRequested,
      subject: orderId,
      data: { orderId, reason: "too late", requestedAt: new Date().toISOString(), apiClientId: "it" },
    });
    await producer.send({ topic: Topics.orders, acks: -1, messages: [encodeCloudEvent(orderId, request)] });
    const failure = await eventually(
      () =>
        worker.db.failureRecord.findFirst({
          where: {
            entityKey: orderId,
            flow: "ORDERS",
            state: "OPEN",
            message: { contains: "cancellation refused" },
          },
        }),
      "a failure for the refused cancellation",
    );
    expect(failure.sapErrorCode).toBe("V1/113");
    expect(failure.attempts).toBe(1);
    const refusal = await eventually(
      async () =>
        webhooks("order.status_changed").find(
          (w) => w.payload.data.orderId === orderId && w.payload.data.cancellation === "REFUSED",
        ),
      "the storefront told of the refusal",
    );
    expect(refusal.verified).toBe(true);
    expect(refusal.payload.data.status).toBe("BILLED");
    expect((await worker.rm.orders.findOne({ _id: orderId }))?.status).toBe("BILLED");
    const kinds = (
      await worker.db.orderEvent.findMany({ where: { orderLink: { storefrontOrderId: orderId } } })
    ).map((e) => e.kind);
    expect(kinds.filter((k) => k === "FAILURE_RECORDED")).toHaveLength(1);
  });

  it("the order's timeline shows no event before its cause, and every event carries the order's trace id", async () => {
    const defects = await timelineDefects(worker.db, [orderId]);
    expect(defects.orders).toBe(1);
    expect(defects.events).toBeGreaterThanOrEqual(8);
    expect(defects.outOfOrder).toEqual([]);
    expect(defects.eventsWithoutTrace).toBe(0);
    // The order's own route carries the storefront request's trace; other work on it (the
    // cancellation published above without one) carries its own.
    const route = await worker.db.orderEvent.findMany({
      where: {
        orderLink: { storefrontOrderId: orderId },
        kind: {
          in: ["API_RECEIVED", "KAFKA_PRODUCED", "JOB_ENQUEUED", "JOB_ATTEMPT", "SAP_CREATED", "SAP_STATUS"],
        },
      },
    });
    expect(route.length).toBeGreaterThanOrEqual(8);
    expect(new Set(route.map((e) => e.traceId))).toEqual(new Set([traceId]));
  });

  it("the worker's /metrics shows the flows this order went through, with SAP calls and webhook results", async () => {
    const scrape = async () => {
      const res = await fetch(`http://127.0.0.1:${metricsPort}/metrics`);
      expect(res.status).toBe(200);
      return res.text();
    };
    const value = (text: string, line: RegExp) =>
      text
        .split("\n")
        .filter((l) => line.test(l))
        .reduce((sum, l) => sum + Number(l.split(" ").pop()), 0);
    const text = await eventually(async () => {
      const t = await scrape();
      return /^icp_queue_jobs\{/m.test(t) ? t : undefined;
    }, "the sampler's first queue gauges");
    expect(value(text, /^icp_flow_events_total\{.*flow="orders"/)).toBeGreaterThanOrEqual(1);
    expect(
      value(text, /^icp_flow_events_total\{.*flow="order_status".*outcome="applied"/),
    ).toBeGreaterThanOrEqual(4);
    expect(value(text, /^icp_flow_events_total\{.*flow="inventory"/)).toBeGreaterThanOrEqual(1);
    expect(value(text, /^icp_flow_duration_seconds_count\{.*flow="orders"/)).toBeGreaterThanOrEqual(1);
    expect(
      value(text, /^icp_sap_requests_total\{.*service="API_SALES_ORDER_SRV".*outcome="success"/),
    ).toBeGreaterThanOrEqual(2);
    expect(value(text, /^icp_sap_request_duration_seconds_count\{/)).toBeGreaterThanOrEqual(2);
    expect(text).toMatch(/^icp_sap_circuit_state\{.*\} 0$/m);
    expect(value(text, /^icp_webhook_deliveries_total\{.*result="succeeded"/)).toBeGreaterThanOrEqual(6);
    expect(text).toMatch(/^icp_kafka_consumer_lag\{/m);
  });

  it("exports one OpenTelemetry trace: storefront request → order job → SAP create, and the webhook job → its POST", async () => {
    await worker.tracing.flush();
    const spans = exported.filter((sp) => sp.traceId === traceId);
    const one = (name: RegExp) => {
      const found = spans.filter((sp) => name.test(sp.name));
      expect(found.length, `${name}: ${spans.map((sp) => sp.name).join(", ")}`).toBeGreaterThan(0);
      return found[0]!;
    };
    const server = one(/^POST \/api\/storefront\/v1\/orders$/);
    const job = one(/^orders-to-sap create-sales-order$/);
    const sapCreate = one(/^SAP POST API_SALES_ORDER_SRV\/A_SalesOrder$/);
    const hookJob = one(/^webhook-deliveries /);
    const hookPost = one(/^webhook POST order\.status_changed$/);
    // OTLP kinds: 2 server, 3 client, 5 consumer.
    expect([server.kind, job.kind, sapCreate.kind, hookJob.kind, hookPost.kind]).toEqual([2, 5, 3, 5, 3]);
    expect(job.parentSpanId).toBe(server.spanId);
    expect(sapCreate.parentSpanId).toBe(job.spanId);
    expect(
      spans.some((sp) => sp.spanId === hookPost.parentSpanId && /^webhook-deliveries /.test(sp.name)),
    ).toBe(true);
    // The ACCEPTED webhook was queued by the order job: its delivery job hangs under that span.
    // (Status webhooks join the order's trace id from SAP events, which carry traces of their own.)
    const hookJobs = spans.filter((sp) => /^webhook-deliveries /.test(sp.name));
    expect(hookJobs.some((h) => h.parentSpanId === job.spanId)).toBe(true);
    expect(hookJob.kind).toBe(5);
  });
});
