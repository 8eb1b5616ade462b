import { randomUUID } from "node:crypto";
import { type AddressInfo, createServer as createNetServer, type Socket } from "node:net";
import { kafkaConnection } from "@icp/config";
import { createPrisma } from "@icp/db";
import { decodeCloudEvent, orderTopicSchemas, Topics } from "@icp/domain";
import { createKafka, createProducer, scanRanges } from "@icp/messaging";
import { createLogger } from "@icp/observability";
import { ReadModel } from "@icp/read-model";
import { createSandbox, type Sandbox } from "@icp/sap-sandbox";
import { groupCommitStats, hashClientSecret } from "@icp/storefront-api";
import { startWorker, type WorkerApp } from "@icp/worker";
import { Redis } from "ioredis";
import { KafkaJSConnectionError, type Producer, type ProducerRecord } from "kafkajs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually, resyncNow, type TestStack, testStack } from "./harness";
import { STOREFRONT_BASE as BASE, startStorefrontServer } from "./storefront-server";

/**
 * The storefront public API over real HTTP, on the real stack, with the worker and the SAP
 * sandbox behind it: what a storefront sees, including every way a request can be wrong.
 */
let stack: TestStack;
let sandbox: Sandbox;
let worker: WorkerApp;
let producer: Producer;
let redis: Redis;
let server: { close(): void };
let url: string;
let sku: string;
let sku2: string;
let customer: string;

const resync = (entity: "PRODUCTS" | "STOCK" | "CUSTOMERS") =>
  resyncNow(worker.db, stack.env.REDIS_URL, entity);

beforeAll(async () => {
  sandbox = await createSandbox({
    port: 0,
    logLevel: "silent",
    products: 60,
    customers: 30,
    tickMs: 0,
    adminToken: "it-admin",
  });
  stack = await testStack({ SAP_BASE_URL: sandbox.url });
  worker = await startWorker(stack.env, {
    groupSuffix: stack.groupSuffix,
    http: false,
    orderAttempts: 3,
    orderBackoffMs: 200,
  });
  const runs = [await resync("PRODUCTS"), await resync("STOCK"), await resync("CUSTOMERS")];
  expect(runs.map((r) => [r.processed, r.total])).toEqual([
    [60, 60],
    [180, 180],
    [30, 30],
  ]);
  producer = createProducer(createKafka({ ...kafkaConnection(stack.env), clientId: "it-storefront" }));
  await producer.connect();
  redis = new Redis(stack.env.REDIS_URL);
  const db = worker.db;
  const secret = await hashClientSecret("s3cret-web");
  await db.apiClient.create({
    data: {
      clientId: "web",
      name: "Web shop",
      secretHash: secret,
      scopes: ["catalog:read", "customers:read", "carts:write", "orders:read", "orders:write"],
      rateLimitPerMinute: 1000,
      createdBy: "test",
    },
  });
  await db.apiClient.create({
    data: {
      clientId: "app",
      name: "Mobile app",
      secretHash: secret,
      scopes: ["catalog:read", "orders:read", "orders:write"],
      rateLimitPerMinute: 1000,
      createdBy: "test",
    },
  });
  await db.apiClient.create({
    data: {
      clientId: "reader",
      name: "Catalog only",
      secretHash: secret,
      scopes: ["catalog:read"],
      rateLimitPerMinute: 3,
      createdBy: "test",
    },
  });
  await db.apiClient.create({
    data: {
      clientId: "limited",
      name: "Rate-limited",
      secretHash: secret,
      scopes: ["catalog:read"],
      rateLimitPerMinute: 3,
      createdBy: "test",
    },
  });
  await db.apiClient.create({
    data: {
      clientId: "gone",
      name: "Revoked",
      secretHash: secret,
      scopes: ["catalog:read"],
      rateLimitPerMinute: 100,
      createdBy: "test",
      revokedAt: new Date(),
    },
  });
  const sf = await startStorefrontServer({
    db,
    rm: worker.rm,
    producer,
    redis,
    rateLimitPrefix: `it:${stack.groupSuffix}:`,
  });
  url = sf.url;
  server = sf;
  const stocked = await worker.rm.stock
    .aggregate<{ _id: string; q: number }>([
      { $group: { _id: "$sku", q: { $sum: "$quantity" } } },
      { $match: { q: { $gt: 20 } } },
      { $sort: { _id: 1 } },
      { $limit: 2 },
    ])
    .toArray();
  sku = stocked[0]!._id;
  sku2 = stocked[1]!._id;
  customer = (await worker.rm.customers.findOne({ blocked: false }))!._id;
}, 180_000);

afterAll(async () => {
  server?.close();
  redis?.disconnect();
  await producer?.disconnect();
  await worker?.close();
  await sandbox?.close();
  await stack?.close();
});

async function token(client = "web", scope?: string): Promise<string> {
  const res = await fetch(`${url}/oauth/token`, {
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      authorization: `Basic ${Buffer.from(`${client}:s3cret-web`).toString("base64")}`,
    },
    body: new URLSearchParams({ grant_type: "client_credentials", ...(scope ? { scope } : {}) }),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { access_token: string }).access_token;
}

const api = async (path: string, init: RequestInit & { token?: string } = {}) => {
  const { token: t, ...rest } = init;
  const res = await fetch(`${url}${path}`, {
    ...rest,
    headers: { ...(t ? { authorization: `Bearer ${t}` } : {}), ...(rest.headers as Record<string, string>) },
  });
  const text = await res.text();
  return {
    status: res.status,
    headers: res.headers,
    body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
  };
};
const post = (path: string, body: unknown, t: string, headers: Record<string, string> = {}) =>
  api(path, {
    method: "POST",
    token: t,
    headers: { "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });

/** Rows and messages that a refused request must not have created. */
async function sideEffects() {
  const admin = createKafka({ ...kafkaConnection(stack.env), clientId: "it-count" }).admin();
  await admin.connect();
  const ends = await admin.fetchTopicOffsets(Topics.orders);
  await admin.disconnect();
  return {
    links: await worker.db.orderLink.count(),
    orders: await worker.rm.orders.countDocuments(),
    kafka: ends.reduce((n, p) => n + Number(p.high), 0),
    keys: await worker.db.idempotencyKey.count({ where: { responseStatus: { not: null } } }),
  };
}

describe("storefront API: authentication", () => {
  it("issues short-lived tokens only to clients that prove their secret, with granted scopes only", async () => {
    const bad = await fetch(`${url}/oauth/token`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "grant_type=client_credentials&client_id=web&client_secret=nope",
    });
    expect(bad.status).toBe(401);
    expect(await bad.json()).toMatchObject({ error: "invalid_client" });
    const revoked = await fetch(`${url}/oauth/token`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "grant_type=client_credentials&client_id=gone&client_secret=s3cret-web",
    });
    expect(revoked.status).toBe(401);
    const overreach = await fetch(`${url}/oauth/token`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "grant_type=client_credentials&client_id=reader&client_secret=s3cret-web&scope=orders:write",
    });
    expect(overreach.status).toBe(400);
    expect(await overreach.json()).toMatchObject({ error: "invalid_scope" });
    const jwks = await api("/.well-known/jwks.json");
    expect((jwks.body.keys as unknown[]).length).toBeGreaterThan(0);
    expect(JSON.stringify(jwks.body)).not.toMatch(/"d":/);
  });

  it("refuses missing, forged and under-scoped tokens with problem details", async () => {
    const none = await api("/products");
    expect(none.status).toBe(401);
    expect(none.headers.get("content-type")).toContain("application/problem+json");
    expect(none.headers.get("www-authenticate")).toContain("Bearer");
    const forged = await api("/products", { token: `${(await token()).slice(0, -4)}AAAA` });
    expect(forged.status).toBe(401);
    const reader = await token("reader");
    const denied = await post("/orders", { customerId: customer, lines: [{ sku, quantity: 1 }] }, reader, {
      "idempotency-key": "reader-try-0001",
    });
    expect(denied.status).toBe(403);
    expect(denied.body.title).toBe("Insufficient scope");
  });
});

describe("storefront API: catalog", () => {
  it("pages products with prices, features, images and stock, and honours ETags", async () => {
    const t = await token();
    const page = await api("/products?pageSize=5&page=1", { token: t });
    expect(page.status).toBe(200);
    expect(page.body.total).toBe(60);
    const first = (
      page.body.items as { id: string; price: unknown; images: unknown[]; stock: { available: number } }[]
    )[0]!;
    expect(first.price).toMatchObject({ currency: expect.any(String) });
    expect(first.images.length).toBeGreaterThan(0);
    const etag = page.headers.get("etag")!;
    const again = await fetch(`${url}/products?pageSize=5&page=1`, {
      headers: { authorization: `Bearer ${t}`, "if-none-match": etag },
    });
    expect(again.status).toBe(304);
    const one = await api(`/products/${sku}`, { token: t });
    expect(one.body.id).toBe(sku);
    const stock = await api(`/stock?skus=${sku},${sku2}`, { token: t });
    expect((stock.body.items as { available: number }[]).every((s) => s.available > 20)).toBe(true);
    expect((await api("/products/NOPE-404", { token: t })).status).toBe(404);
  });
});

describe("storefront API: orders", () => {
  it("accepts an order with 202, replays the same answer for the same key, and books exactly one SAP sales order", async () => {
    const t = await token();
    const body = { orderId: `SF-IT-${Date.now()}`, customerId: customer, lines: [{ sku, quantity: 2 }] };
    const first = await post("/orders", body, t, { "idempotency-key": `key-${body.orderId}` });
    expect(first.status).toBe(202);
    expect(first.headers.get("location")).toBe(`${BASE}/orders/${body.orderId}`);
    const again = await post("/orders", body, t, { "idempotency-key": `key-${body.orderId}` });
    expect(again.status).toBe(202);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(again.body).toEqual(first.body);
    const reused = await post("/orders", { ...body, lines: [{ sku, quantity: 3 }] }, t, {
      "idempotency-key": `key-${body.orderId}`,
    });
    expect(reused.status).toBe(422);
    const dup = await post("/orders", body, t, { "idempotency-key": `other-${body.orderId}` });
    expect(dup.status).toBe(409);
    const status = await eventually(async () => {
      const s = await api(`/orders/${body.orderId}`, { token: t });
      return s.body.status === "ACCEPTED" ? s : undefined;
    }, "the order to be accepted by SAP");
    expect(status.body.salesOrder).toBeTruthy();
    expect(await worker.sap.client.salesOrders.findByPurchaseOrderByCustomer(body.orderId)).toHaveLength(1);
    // Another client cannot see it: indistinguishable from a missing order.
    expect((await api(`/orders/${body.orderId}`, { token: await token("app") })).status).toBe(404);
    // The console's "last used" for the client follows its requests.
    const used = await eventually(
      async () =>
        (await worker.db.apiClient.findUnique({ where: { clientId: "web" } }))?.lastUsedAt ?? undefined,
      "the client's last use recorded",
    );
    expect(Date.now() - used.getTime()).toBeLessThan(120_000);
  });

  it("takes concurrent orders together and still answers each alone: every ledger row points at its own Kafka record", async () => {
    const t = await token();
    const stamp = Date.now();
    const bodies = Array.from({ length: 30 }, (_, i) => ({
      orderId: `SF-GC-${stamp}-${i}`,
      customerId: customer,
      lines: [{ sku, quantity: 1 + (i % 3) }],
    }));
    const dupId = `SF-GC-${stamp}-dup`;
    const dupBody = { orderId: dupId, customerId: customer, lines: [{ sku, quantity: 1 }] };
    const results = await Promise.all([
      ...bodies.map((b) => post("/orders", b, t, { "idempotency-key": `gc-${b.orderId}` })),
      // One order id under two keys in the same moment: one is taken, the other is a duplicate.
      post("/orders", dupBody, t, { "idempotency-key": `gc-${dupId}-a` }),
      post("/orders", dupBody, t, { "idempotency-key": `gc-${dupId}-b` }),
      // An unknown product among them fails alone.
      post(
        "/orders",
        { ...bodies[0], orderId: `SF-GC-${stamp}-bad`, lines: [{ sku: "NO-SUCH-SKU", quantity: 1 }] },
        t,
        {
          "idempotency-key": `gc-${stamp}-bad`,
        },
      ),
    ]);
    expect(results.slice(0, 30).map((r) => r.status)).toEqual(bodies.map(() => 202));
    expect(
      results
        .slice(30, 32)
        .map((r) => r.status)
        .sort(),
    ).toEqual([202, 409]);
    expect(results[32]?.status).toBe(422);
    const ids = [...bodies.map((b) => b.orderId), dupId];
    const links = await worker.db.orderLink.findMany({
      where: { storefrontOrderId: { in: ids } },
      include: { events: { select: { kind: true } } },
    });
    expect(links).toHaveLength(31);
    for (const l of links) {
      expect(
        l.events
          .map((e) => e.kind)
          .filter((k) => k === "API_RECEIVED" || k === "KAFKA_PRODUCED")
          .sort(),
      ).toEqual(["API_RECEIVED", "KAFKA_PRODUCED"]);
    }
    expect(await worker.rm.orders.countDocuments({ _id: { $in: ids } })).toBe(31);
    // The duplicate's key was given back (nothing of its request is durable), the winner's holds
    // its 202; the refused unknown product's key was never kept.
    const keys = await worker.db.idempotencyKey.findMany({
      where: { key: { in: [`gc-${dupId}-a`, `gc-${dupId}-b`, `gc-${stamp}-bad`] } },
      select: { orderId: true, responseStatus: true },
    });
    expect(keys).toEqual([{ orderId: dupId, responseStatus: 202 }]);
    // Read back the record at each ledger position: it is that order.
    const at = new Map(links.map((l) => [`${l.kafkaPartition}:${l.kafkaOffset}`, l.storefrontOrderId]));
    const byPartition = new Map<number, number[]>();
    for (const l of links) {
      const p = l.kafkaPartition ?? -1;
      byPartition.set(p, [...(byPartition.get(p) ?? []), Number(l.kafkaOffset ?? -1)]);
    }
    const ranges = [...byPartition].map(([partition, offsets]) => ({
      partition,
      from: String(Math.min(...offsets)),
      to: String(Math.max(...offsets) + 1),
    }));
    const found = new Map<string, string>();
    const kafka = createKafka({ ...kafkaConnection(stack.env), clientId: "it-positions" });
    const scan = await scanRanges(kafka, Topics.orders, ranges, (partition, messages) => {
      for (const m of messages) {
        const want = at.get(`${partition}:${m.offset}`);
        if (!want) continue;
        const decoded = decodeCloudEvent({ value: m.value, headers: m.headers }, orderTopicSchemas);
        found.set(
          want,
          decoded.ok ? String((decoded.event.data as { orderId?: string }).orderId) : "undecodable",
        );
      }
      return undefined;
    });
    expect(scan.complete).toBe(true);
    expect(found).toEqual(new Map(ids.map((id) => [id, id])));
  });

  it("checks stock against the read model's answer of at most a second ago", async () => {
    const t = await token();
    const available = (await worker.rm.stockFor([sku2])).get(sku2)?.available ?? 0;
    const body = {
      orderId: `SF-STOCK-${Date.now()}`,
      customerId: customer,
      lines: [{ sku: sku2, quantity: available + 5 }],
    };
    const refused = await post("/orders", body, t, { "idempotency-key": `stock-${body.orderId}` });
    expect(refused.status).toBe(422);
    expect(refused.body.available).toBe(available);
    // Stock arrives in the read model; the intake's answer is kept for up to 1 s (the default).
    const [doc] = await worker.rm.stock.find({ sku: sku2 }).limit(1).toArray();
    await worker.rm.stock.updateOne({ _id: doc!._id }, { $inc: { quantity: 10 } });
    await new Promise((r) => setTimeout(r, 1_100));
    const accepted = await post("/orders", body, t, { "idempotency-key": `stock-${body.orderId}` });
    expect(accepted.status).toBe(202);
  });

  it("submits from a cart and cancels on request", async () => {
    const t = await token();
    const cart = await post("/carts", { customerId: customer, lines: [{ sku, quantity: 1 }] }, t);
    expect(cart.status).toBe(201);
    const put = await api(`/carts/${cart.body.id}/lines/${sku2}`, {
      method: "PUT",
      token: t,
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ quantity: 2 }),
    });
    expect((put.body.lines as unknown[]).length).toBe(2);
    const order = await post("/orders", { customerId: customer, cartId: cart.body.id }, t, {
      "idempotency-key": `cart-${cart.body.id}`,
    });
    expect(order.status).toBe(202);
    const id = order.body.orderId as string;
    const cancel = await post(`/orders/${id}/cancellation`, { reason: "changed my mind" }, t);
    expect(cancel.status).toBe(202);
    await eventually(
      async () =>
        (await worker.db.orderLink.findUnique({ where: { storefrontOrderId: id } }))?.state === "CANCELLED",
      "the order to be cancelled in SAP",
    );
    const so = (await worker.sap.client.salesOrders.findByPurchaseOrderByCustomer(id))[0]!;
    const full = await worker.sap.client.salesOrders.get(so.SalesOrder, { expandItems: true });
    expect(full?.to_Item?.every((i) => Boolean(i.SalesDocumentRjcnReason))).toBe(true);
  });

  it.each([
    ["malformed JSON", "{oops", { "idempotency-key": "bad-0000001" }, 400, "Malformed JSON"],
    [
      "wrong types",
      { customerId: 42, lines: "many" },
      { "idempotency-key": "bad-0000002" },
      400,
      "Invalid request",
    ],
    [
      "a negative quantity",
      { customerId: "C", lines: [{ sku: "X", quantity: -1 }] },
      { "idempotency-key": "bad-0000003" },
      400,
      "Invalid request",
    ],
    [
      "an unknown product",
      { customerId: "__CUSTOMER__", lines: [{ sku: "NO-SUCH-SKU", quantity: 1 }] },
      { "idempotency-key": "bad-0000004" },
      422,
      "Unknown product",
    ],
    [
      "more than is in stock",
      { customerId: "__CUSTOMER__", lines: [{ sku: "__SKU__", quantity: 9999 }] },
      { "idempotency-key": "bad-0000005" },
      422,
      "Insufficient stock",
    ],
    [
      "no Idempotency-Key",
      { customerId: "__CUSTOMER__", lines: [{ sku: "__SKU__", quantity: 1 }] },
      {},
      400,
      "Idempotency-Key required",
    ],
    [
      "unknown fields",
      { customerId: "__CUSTOMER__", lines: [{ sku: "__SKU__", quantity: 1 }], discount: 100 },
      { "idempotency-key": "bad-0000006" },
      400,
      "Invalid request",
    ],
    [
      "an oversized body",
      { customerId: "C", lines: [{ sku: "X", quantity: 1 }], pad: "x".repeat(70_000) },
      { "idempotency-key": "bad-0000007" },
      413,
      "Payload too large",
    ],
    [
      "the wrong media type",
      "customerId=C",
      { "idempotency-key": "bad-0000008", "content-type": "text/plain" },
      415,
      "Unsupported media type",
    ],
  ])("refuses %s with a specific problem and changes nothing", async (_name, raw, headers, status, title) => {
    const t = await token();
    const body =
      typeof raw === "string"
        ? raw
        : JSON.parse(JSON.stringify(raw).replaceAll("__CUSTOMER__", customer).replaceAll("__SKU__", sku));
    const before = await sideEffects();
    const res = await post("/orders", body, t, headers as Record<string, string>);
    expect(res.status).toBe(status);
    expect(res.body.title).toBe(title);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    expect(JSON.stringify(res.body)).not.toMatch(/at .*\.ts:\d+/);
    expect(await sideEffects()).toEqual(before);
  });

  it("limits each client's request rate with RateLimit headers and Retry-After", async () => {
    const t = await token("limited");
    const statuses: number[] = [];
    let last: Headers | undefined;
    for (let i = 0; i < 5; i++) {
      const r = await api("/products?pageSize=1", { token: t });
      statuses.push(r.status);
      last = r.headers;
    }
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    expect(Number(last?.get("retry-after"))).toBeGreaterThan(0);
    expect(last?.get("ratelimit-limit")).toBe("3");
  });

  it("serves an OpenAPI 3.1 document generated from the validating schemas", async () => {
    const doc = await api("/openapi.json");
    expect(doc.body.openapi).toBe("3.1.0");
    const post = (
      doc.body.paths as Record<
        string,
        {
          post?: {
            requestBody?: { content: Record<string, { schema: { properties: Record<string, unknown> } }> };
          };
        }
      >
    )["/orders"]?.post;
    expect(Object.keys(post?.requestBody?.content["application/json"]?.schema.properties ?? {})).toEqual(
      expect.arrayContaining(["customerId", "lines", "cartId"]),
    );
  });
});

/** A loopback port nothing listens on: a store that is down. */
async function closedPort(): Promise<number> {
  const s = createNetServer();
  await new Promise<void>((r) => s.listen(0, "127.0.0.1", r));
  const { port } = s.address() as AddressInfo;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

/**
 * The test's real producer, with a switch: "hang" holds every send until `pass()` (a broker
 * that stopped answering), "fail" rejects it as kafkajs does when no broker can be reached.
 */
function switchableProducer(real: Producer) {
  let mode: "pass" | "hang" | "fail" = "pass";
  const held: (() => void)[] = [];
  const producer = new Proxy(real, {
    get(target, prop, receiver) {
      if (prop !== "send") return Reflect.get(target, prop, receiver);
      return async (record: ProducerRecord) => {
        if (mode === "fail")
          throw new KafkaJSConnectionError("Connection error: connect ECONNREFUSED 127.0.0.1:9092");
        if (mode === "hang") await new Promise<void>((r) => held.push(r));
        return target.send(record);
      };
    },
  });
  return {
    producer,
    set(m: "pass" | "hang" | "fail") {
      mode = m;
    },
    pass() {
      mode = "pass";
      for (const r of held.splice(0)) r();
    },
  };
}

/** Log lines a server wrote, parsed. */
function capturedLogger() {
  const lines: Record<string, unknown>[] = [];
  const logger = createLogger({
    service: "it",
    level: "info",
    destination: { write: (s: string) => lines.push(JSON.parse(s) as Record<string, unknown>) },
  });
  return { logger, lines };
}

async function startWith(
  stores: Partial<Parameters<typeof startStorefrontServer>[0]>,
  opts: Parameters<typeof startStorefrontServer>[1] = {},
) {
  const sf = await startStorefrontServer(
    {
      db: worker.db,
      rm: worker.rm,
      producer,
      redis,
      rateLimitPrefix: `it:${stack.groupSuffix}:${randomUUID()}:`,
      ...stores,
    },
    opts,
  );
  extraServers.push(sf);
  return sf.url;
}
const extraServers: { close(): void }[] = [];
afterAll(() => {
  for (const s of extraServers) s.close();
});

const postTo = async (base: string, body: unknown, t: string, key: string) => {
  const res = await fetch(`${base}/orders`, {
    method: "POST",
    headers: { authorization: `Bearer ${t}`, "content-type": "application/json", "idempotency-key": key },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  return {
    status: res.status,
    headers: res.headers,
    body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
  };
};

/** The ledger rows and their receipt/produce events for orders received under one Idempotency-Key. */
async function ledgerFor(key: string) {
  const links = await worker.db.orderLink.findMany({
    where: { events: { some: { kind: "API_RECEIVED", detail: { path: ["idempotencyKey"], equals: key } } } },
    include: { events: { select: { kind: true } } },
  });
  return links.map((l) => ({
    orderId: l.storefrontOrderId,
    received: l.events.filter((e) => e.kind === "API_RECEIVED").length,
    produced: l.events.filter((e) => e.kind === "KAFKA_PRODUCED").length,
  }));
}

const expectUnavailable = (
  res: { status: number; headers: Headers; body: Record<string, unknown> },
  dependency: string,
) => {
  expect(res.status).toBe(503);
  expect(res.headers.get("content-type")).toContain("application/problem+json");
  expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
  expect(res.body).toMatchObject({
    type: "https://errors.icp.example.com/storefront/dependency-unavailable",
    status: 503,
    dependency,
  });
  // Which store, never where it is or how the driver put it.
  expect(JSON.stringify(res.body)).not.toMatch(/127\.0\.0\.1|ECONN|icp:icp|Prisma|Mongo|KafkaJS/);
};

describe("storefront API: one order per Idempotency-Key, however slow or failed the first attempt", () => {
  it("a retry after the first attempt's lease lapsed takes over the same order id, and one order is booked", async () => {
    const kafka = switchableProducer(producer);
    const base = await startWith({ producer: kafka.producer }, { idempotencyLeaseMs: 300 });
    const t = await token();
    const key = `slow-${randomUUID()}`;
    const body = { customerId: customer, lines: [{ sku, quantity: 1 }] }; // no orderId: the API mints one
    // An order just before keeps the checks' answers, so the first attempt's key and ledger row
    // go in together (receive), with the lease the server was configured with.
    expect((await postTo(base, body, t, `warm-${key}`)).status).toBe(202);
    const keyedBatches = () => groupCommitStats()["intake.key+ledger"]?.batches ?? 0;
    const keyedBefore = keyedBatches();
    kafka.set("hang");
    const first = postTo(base, body, t, key);
    // The first attempt is in the ledger and waits for Kafka; its key holds the minted id.
    const bound = await eventually(async () => {
      const k = await worker.db.idempotencyKey.findFirst({ where: { key } });
      return k?.orderId && (await worker.db.orderLink.count({ where: { storefrontOrderId: k.orderId } }))
        ? k.orderId
        : undefined;
    }, "the first attempt to reach the ledger");
    const firstRow = await worker.db.idempotencyKey.findFirst({ where: { key } });
    const firstLease = firstRow?.leaseUntil;
    expect(keyedBatches()).toBeGreaterThan(keyedBefore);
    expect((firstLease?.getTime() ?? 0) - (firstRow?.createdAt.getTime() ?? 0)).toBe(300);
    await new Promise((r) => setTimeout(r, 400)); // past the lease
    const retry = postTo(base, body, t, key);
    // The retry took the key over (a new lease), keeping its order id.
    await eventually(async () => {
      const k = await worker.db.idempotencyKey.findFirst({ where: { key } });
      return (k?.leaseUntil?.getTime() ?? 0) > (firstLease?.getTime() ?? 0) && k?.orderId === bound;
    }, "the retry to take the key over");
    kafka.pass();
    const [a, b] = await Promise.all([first, retry]);
    expect([a.status, b.status]).toEqual([202, 202]);
    expect(a.body.orderId).toBe(bound);
    expect(b.body.orderId).toBe(bound);
    expect(await ledgerFor(key)).toEqual([{ orderId: bound, received: 1, produced: 2 }]);
    const again = await postTo(base, body, t, key);
    expect(again.status).toBe(202);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(again.body.orderId).toBe(bound);
    await eventually(
      async () => (await api(`/orders/${bound}`, { token: t })).body.status === "ACCEPTED",
      "the order to be accepted by SAP",
    );
    expect(await worker.sap.client.salesOrders.findByPurchaseOrderByCustomer(String(bound))).toHaveLength(1);
  });

  it("an error after the ledger insert (Kafka refusing) answers 503, keeps the key bound, and the retry resumes the same order", async () => {
    const kafka = switchableProducer(producer);
    const { logger, lines } = capturedLogger();
    const base = await startWith({ producer: kafka.producer }, { logger });
    const t = await token();
    const key = `kafka-down-${randomUUID()}`;
    const body = { customerId: customer, lines: [{ sku, quantity: 1 }] };
    kafka.set("fail");
    const failed = await postTo(base, body, t, key);
    expectUnavailable(failed, "kafka");
    const k = await worker.db.idempotencyKey.findFirst({ where: { key } });
    expect(k).toMatchObject({ responseStatus: null, orderId: expect.stringMatching(/^SF-/) });
    expect(await ledgerFor(key)).toEqual([{ orderId: k?.orderId, received: 1, produced: 0 }]);
    // One warning naming Kafka, no error with a stack.
    expect(lines.filter((l) => l["log.level"] === "warn" && l.dependency === "kafka")).toHaveLength(1);
    expect(lines.filter((l) => l["log.level"] === "error")).toEqual([]);
    kafka.set("pass");
    // At once: the failed attempt gave its lease back.
    const retried = await postTo(base, body, t, key);
    expect(retried.status).toBe(202);
    expect(retried.body.orderId).toBe(k?.orderId);
    expect(await ledgerFor(key)).toEqual([{ orderId: k?.orderId, received: 1, produced: 1 }]);
  });

  it("a hung broker holds a request only for the produce timeout; the order completes when Kafka answers and the retry gets it", async () => {
    const kafka = switchableProducer(producer);
    const base = await startWith({ producer: kafka.producer }, { kafkaSendTimeoutMs: 500 });
    const t = await token();
    const key = `kafka-hung-${randomUUID()}`;
    const body = { customerId: customer, lines: [{ sku, quantity: 1 }] };
    kafka.set("hang");
    const started = Date.now();
    const res = await postTo(base, body, t, key);
    expect(Date.now() - started).toBeLessThan(3_000);
    expectUnavailable(res, "kafka");
    const bound = (await worker.db.idempotencyKey.findFirst({ where: { key } }))?.orderId;
    expect(bound).toBeTruthy();
    // The broker answers after all: the record lands and the answer is stored for the key.
    kafka.pass();
    await eventually(
      async () => (await worker.db.idempotencyKey.findFirst({ where: { key } }))?.responseStatus === 202,
      "the late produce to record the key's answer",
    );
    const retried = await postTo(base, body, t, key);
    expect(retried.status).toBe(202);
    expect(retried.headers.get("idempotent-replayed")).toBe("true");
    expect(retried.body.orderId).toBe(bound);
    expect(await ledgerFor(key)).toEqual([{ orderId: bound, received: 1, produced: 1 }]);
  });

  it("concurrent requests with one key make one order id: 202s carry it, the rest are told it is in progress", async () => {
    const t = await token();
    const key = `concurrent-${randomUUID()}`;
    const body = { customerId: customer, lines: [{ sku, quantity: 1 }] };
    const results = await Promise.all(Array.from({ length: 8 }, () => postTo(url, body, t, key)));
    const accepted = results.filter((r) => r.status === 202);
    expect(accepted.length).toBeGreaterThanOrEqual(1);
    expect(results.every((r) => r.status === 202 || r.status === 409)).toBe(true);
    const ids = new Set([
      ...accepted.map((r) => r.body.orderId),
      ...results.filter((r) => r.status === 409).map((r) => r.body.orderId),
    ]);
    expect(ids.size).toBe(1);
    const [orderId] = [...ids];
    for (const r of results.filter((x) => x.status === 409)) expect(r.headers.get("retry-after")).toBe("1");
    expect(await ledgerFor(key)).toEqual([{ orderId, received: 1, produced: 1 }]);
    const replay = await postTo(url, body, t, key);
    expect(replay.body.orderId).toBe(orderId);
  });

  it("gives a refused order's key back: the fixed retry with the same key is a new order", async () => {
    const t = await token();
    const key = `refused-${randomUUID()}`;
    const refused = await postTo(
      url,
      { customerId: customer, lines: [{ sku: "NO-SUCH-SKU", quantity: 1 }] },
      t,
      key,
    );
    expect(refused.status).toBe(422);
    expect(await worker.db.idempotencyKey.count({ where: { key } })).toBe(0);
    expect(await ledgerFor(key)).toEqual([]);
  });
});

describe("storefront API: a dependency down answers 503 with Retry-After", () => {
  const order = () => ({ customerId: customer, lines: [{ sku, quantity: 1 }] });

  it("PostgreSQL unreachable: 503 naming postgresql, for tokens, reads and orders", async () => {
    const { logger, lines } = capturedLogger();
    const db = createPrisma(`postgresql://icp:icp@127.0.0.1:${await closedPort()}/icp`);
    try {
      const base = await startWith({ db }, { logger });
      const t = await token();
      const tokenRes = await fetch(`${base}/oauth/token`, {
        method: "POST",
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          authorization: `Basic ${Buffer.from("web:s3cret-web").toString("base64")}`,
        },
        body: new URLSearchParams({ grant_type: "client_credentials" }),
      });
      const text = await tokenRes.text();
      expectUnavailable(
        { status: tokenRes.status, headers: tokenRes.headers, body: JSON.parse(text) },
        "postgresql",
      );
      const read = await fetch(`${base}/products?pageSize=1`, { headers: { authorization: `Bearer ${t}` } });
      expectUnavailable(
        { status: read.status, headers: read.headers, body: (await read.json()) as Record<string, unknown> },
        "postgresql",
      );
      expectUnavailable(await postTo(base, order(), t, `pg-down-${randomUUID()}`), "postgresql");
      expect(lines.filter((l) => l["log.level"] === "error")).toEqual([]);
      expect(lines.filter((l) => l["log.level"] === "warn" && l.dependency === "postgresql").length).toBe(3);
      expect(JSON.stringify(lines)).not.toContain("icp:icp@");
    } finally {
      await db.close();
    }
  });

  it("PostgreSQL hung (accepts connections, never answers): 503 naming postgresql after the statement timeout, not a request held for ever", async () => {
    const sockets: Socket[] = [];
    const hung = createNetServer((s) => sockets.push(s)); // a server that was SIGSTOPped
    await new Promise<void>((r) => hung.listen(0, "127.0.0.1", r));
    const db = createPrisma(`postgresql://icp:icp@127.0.0.1:${(hung.address() as AddressInfo).port}/icp`);
    try {
      const base = await startWith({ db }, { postgresTimeoutMs: 500 });
      const t = await token();
      const started = Date.now();
      const res = await postTo(base, order(), t, `pg-hung-${randomUUID()}`);
      expect(Date.now() - started).toBeLessThan(3_000);
      expectUnavailable(res, "postgresql");
    } finally {
      for (const s of sockets) s.destroy();
      hung.close();
      await db.close();
    }
  });

  it("the read model unreachable: 503 naming read-model for catalog reads and order checks, and the key is given back", async () => {
    const rm = await ReadModel.connect(stack.env.MONGODB_URL, { appName: "it-closed" });
    await rm.close(); // a read model this server can no longer talk to
    const base = await startWith({ rm });
    const t = await token();
    const read = await fetch(`${base}/products?pageSize=1`, { headers: { authorization: `Bearer ${t}` } });
    expectUnavailable(
      { status: read.status, headers: read.headers, body: (await read.json()) as Record<string, unknown> },
      "read-model",
    );
    const key = `rm-down-${randomUUID()}`;
    expectUnavailable(await postTo(base, order(), t, key), "read-model");
    // Nothing durable happened: the key is free for the retry.
    expect(await worker.db.idempotencyKey.count({ where: { key } })).toBe(0);
  });

  it("Kafka unreachable: 503 naming kafka for orders and cancellations", async () => {
    const kafka = switchableProducer(producer);
    const base = await startWith({ producer: kafka.producer });
    const t = await token();
    const placed = await postTo(base, order(), t, `kafka-cancel-${randomUUID()}`);
    expect(placed.status).toBe(202);
    kafka.set("fail");
    expectUnavailable(await postTo(base, order(), t, `kafka-down2-${randomUUID()}`), "kafka");
    const cancel = await fetch(`${base}/orders/${placed.body.orderId}/cancellation`, {
      method: "POST",
      headers: { authorization: `Bearer ${t}`, "content-type": "application/json" },
      body: JSON.stringify({ reason: "changed my mind" }),
    });
    expectUnavailable(
      {
        status: cancel.status,
        headers: cancel.headers,
        body: (await cancel.json()) as Record<string, unknown>,
      },
      "kafka",
    );
  });

  it("Redis unreachable: the API keeps serving, each client limited per process with the same budget", async () => {
    const { logger, lines } = capturedLogger();
    const down = new Redis(await closedPort(), "127.0.0.1", {
      maxRetriesPerRequest: 1,
      retryStrategy: () => 200,
    });
    down.on("error", () => {}); // refused, again and again: the point of this test
    try {
      const base = await startWith({ redis: down }, { logger });
      const t = await token("limited");
      const statuses: number[] = [];
      let last: Headers | undefined;
      for (let i = 0; i < 5; i++) {
        const r = await fetch(`${base}/products?pageSize=1`, { headers: { authorization: `Bearer ${t}` } });
        await r.arrayBuffer();
        statuses.push(r.status);
        last = r.headers;
      }
      expect(statuses).toEqual([200, 200, 200, 429, 429]);
      expect(last?.get("ratelimit-limit")).toBe("3");
      expect(Number(last?.get("retry-after"))).toBeGreaterThan(0);
      expect(lines.filter((l) => l["log.level"] === "warn" && l.dependency === "redis")).toHaveLength(1);
    } finally {
      down.disconnect();
    }
  });
});

describe("storefront API: OpenAPI names the 503", () => {
  it("documents dependency-unavailable with Retry-After on every operation", async () => {
    const doc = await api("/openapi.json");
    const paths = doc.body.paths as Record<string, Record<string, { responses: Record<string, unknown> }>>;
    for (const [path, ops] of Object.entries(paths))
      for (const [method, op] of Object.entries(ops)) {
        const r = op.responses["503"] as { headers?: Record<string, unknown> } | undefined;
        expect(r, `${method} ${path}`).toBeDefined();
        expect(r?.headers?.["Retry-After"], `${method} ${path}`).toBeDefined();
        expect(JSON.stringify(r)).toContain(
          "https://errors.icp.example.com/storefront/dependency-unavailable",
        );
      }
  });
});
