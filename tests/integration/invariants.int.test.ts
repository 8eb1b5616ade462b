import { type ChildProcess, spawn } from "node:child_process";
import { kafkaConnection } from "@icp/config";
import { createPrisma } from "@icp/db";
import { EventTypes, type OrderSubmitted, orderSubmittedRecord, Topics } from "@icp/domain";
import { createKafka, createProducer, KafkaPrincipals } from "@icp/messaging";
import { createLogger } from "@icp/observability";
import { OrderLedger, StorefrontOrderStatus } from "@icp/orders";
import { DEFAULT_RESILIENCE, SapClient } from "@icp/sap-client";
import { createSandbox, type Sandbox } from "@icp/sap-sandbox";
import { startWorker, type WorkerApp } from "@icp/worker";
import { applyStock } from "@icp/worker/inventory/apply-stock";
import { applyOrderStatus, type SalesOrderSnapshot } from "@icp/worker/status/apply-status";
import type { Job } from "bullmq";
import { Redis } from "ioredis";
import type { Producer } from "kafkajs";
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from "vitest";
import { principalEnv } from "../../scripts/stack/principals";
import { eventually, type TestStack, testStack } from "./harness";

let stack: TestStack;
let sandbox: Sandbox;
let worker: WorkerApp;
let producer: Producer;
let customer: string;
let material: string;
const logger = createLogger({ service: "it", level: "silent" });

beforeAll(async () => {
  sandbox = await createSandbox({
    port: 0,
    logLevel: "silent",
    products: 40,
    customers: 20,
    tickMs: 0,
    adminToken: "it-admin",
  });
  stack = await testStack({ SAP_BASE_URL: sandbox.url });
  worker = await startWorker(stack.env, { groupSuffix: stack.groupSuffix, http: false });
  producer = createProducer(createKafka({ ...kafkaConnection(stack.env), clientId: "it-invariants" }));
  await producer.connect();
  const bp = await worker.sap.client.customers.page({ top: 20, skip: 0 });
  customer = bp.items.find((c) => !c.BusinessPartnerIsBlocked && !c.to_Customer?.OrderIsBlockedForCustomer)!
    .Customer!;
  material = (await worker.sap.client.stock.page({ top: 50, skip: 0 })).items.find(
    (s) => Number(s.MatlWrhsStkQtyInMatlBaseUnit) > 10,
  )!.Material;
}, 120_000);

afterAll(async () => {
  await producer?.disconnect();
  await worker?.close();
  await sandbox?.close();
  await stack?.close();
});

const fakeJob = <T>(data: T) => ({ data, attemptsMade: 0, opts: { attempts: 3 } }) as unknown as Job<T>;

describe("invariant 4: status and stock never go backwards", () => {
  it("an out-of-order (older) SAP status is ignored in the ledger and the read model", async () => {
    const orderId = `IT-OOO-${Date.now()}`;
    const link = await worker.db.orderLink.create({
      data: {
        storefrontOrderId: orderId,
        customerId: "C1",
        currency: "EUR",
        sapSalesOrder: `9${String(Date.now()).slice(-8)}`,
        state: "CREATED",
      },
    });
    await worker.rm.orderReceived({
      _id: orderId,
      apiClientId: "web",
      customerId: "C1",
      currency: "EUR",
      lines: [{ sku: "X", quantity: 1 }],
      createdAt: new Date(),
    });
    const states: SalesOrderSnapshot[] = [
      {
        salesOrder: link.sapSalesOrder!,
        purchaseOrderByCustomer: orderId,
        lastChange: new Date(2_000),
        OverallDeliveryStatus: "C",
        OverallTotalDeliveryStatus: "C",
        items: [{ SalesDocumentRjcnReason: null }],
      },
      {
        salesOrder: link.sapSalesOrder!,
        purchaseOrderByCustomer: orderId,
        lastChange: new Date(1_000),
        OverallSDProcessStatus: "B",
        items: [{ SalesDocumentRjcnReason: null }],
      },
    ];
    const notified: string[] = [];
    let next = 0;
    const apply = applyOrderStatus({
      ledger: new OrderLedger(worker.db),
      storefront: new StorefrontOrderStatus(worker.rm),
      readSalesOrder: async () => states[next++] ?? null,
      notify: async (e) => notified.push(String(e.data.status)),
      onDuplicate: async (d) => {
        throw new Error(`unexpected duplicate ${JSON.stringify(d)}`);
      },
      logger,
    });
    const job = (eventId: string) =>
      fakeJob({
        salesOrder: link.sapSalesOrder!,
        eventId,
        eventType: EventTypes.salesOrderChanged,
        eventTime: new Date().toISOString(),
      });
    expect(await apply(job("e-new"))).toEqual({ outcome: "applied", status: "DELIVERED" });
    expect(await apply(job("e-old"))).toEqual({ outcome: "stale", status: "PROCESSING" });
    expect((await worker.rm.orders.findOne({ _id: orderId }))?.status).toBe("DELIVERED");
    expect((await worker.db.orderLink.findUniqueOrThrow({ where: { id: link.id } })).sapStatus).toBe(
      "DELIVERED",
    );
    expect(notified).toEqual(["DELIVERED"]);
  });

  it("an older stock reading never overwrites a newer one", async () => {
    const redis = new Redis(stack.env.REDIS_URL);
    const readings = [7, 3];
    let i = 0;
    const apply = applyStock({
      rm: worker.rm,
      redis,
      readStocks: async (pairs) =>
        new Map(pairs.map((p) => [`${p.material}|${p.plant}`, readings[i++] ?? 0])),
      notify: async () => 1,
      logger,
    });
    const job = (version: number) =>
      fakeJob({ material: "IT-STOCK", plant: "1010", eventId: `s-${version}`, version });
    expect(await apply(job(2_000))).toMatchObject({ outcome: "applied", quantity: 7 });
    expect(await apply(job(1_000))).toMatchObject({ outcome: "coalesced" });
    await redis.del("icp:stock:applied:IT-STOCK|1010");
    expect(await apply(job(1_500))).toMatchObject({ outcome: "stale" });
    expect((await worker.rm.stockFor(["IT-STOCK"])).get("IT-STOCK")?.available).toBe(7);
    redis.disconnect();
  });
});

describe("invariant 1 under a crash: the worker dies between SAP's create and our bookkeeping", () => {
  let child: ChildProcess | undefined;
  afterAll(() => child?.kill("SIGKILL"));

  it("a worker killed with SIGKILL while SAP commits the order leaves exactly one sales order once another worker recovers the job", async () => {
    // The test's in-process worker must not take this order: stop it, and run the victim as a real process.
    await worker.close();
    const sap = new SapClient({
      baseUrl: sandbox.url,
      client: "100",
      language: "EN",
      auth: { kind: "basic", username: stack.env.SAP_USERNAME, password: stack.env.SAP_PASSWORD },
      ...DEFAULT_RESILIENCE,
    });
    const db = createPrisma(stack.env.DATABASE_URL);
    onTestFinished(async () => {
      await sap.close();
      await db.close();
    });
    const orderId = `IT-CRASH-${Date.now()}`;
    // SAP takes 4 s to create: long enough to kill the worker mid-request; SAP completes anyway.
    await fetch(`${sandbox.url}/sandbox/admin/faults`, {
      method: "PUT",
      headers: { "content-type": "application/json", authorization: "Bearer it-admin" },
      body: JSON.stringify({ latencyMs: 4000, scope: { method: "POST" } }),
    });
    const env = {
      ...process.env,
      ...Object.fromEntries(
        Object.entries(stack.env).map(([k, v]) => [k, Array.isArray(v) ? v.join(",") : String(v)]),
      ),
      KAFKA_GROUP_SUFFIX: stack.groupSuffix,
      WORKER_HTTP_PORT: String(4600 + Math.floor(Math.random() * 300)),
      LOG_LEVEL: "warn",
      WORKER_LOCK_MS: "5000",
      ...principalEnv(KafkaPrincipals.worker),
    };
    child = spawn("npx", ["tsx", "apps/worker/src/main.ts"], {
      env,
      stdio: ["ignore", "ignore", "pipe"],
      detached: true,
    });
    let stderr = "";
    child.stderr?.on("data", (c) => {
      stderr = (stderr + String(c)).slice(-4000);
    });
    child.on("exit", (code) => {
      if (code !== null && code !== 0) console.error(`victim worker exited with ${code}: ${stderr}`);
    });
    const o: OrderSubmitted = {
      orderId,
      customerId: customer,
      currency: "EUR",
      lines: [{ sku: material, quantity: 1 }],
      submittedAt: new Date().toISOString(),
      apiClientId: "it",
    };
    const rec = orderSubmittedRecord(o);
    await producer.send({
      topic: Topics.orders,
      acks: -1,
      messages: [rec],
    });
    await eventually(
      async () =>
        (await db.orderLink.findUnique({ where: { storefrontOrderId: orderId } }))?.state === "SUBMITTING",
      "the victim to start the SAP create",
      60_000,
    );
    await new Promise((r) => setTimeout(r, 1_000));
    process.kill(-child.pid!, "SIGKILL");
    child = undefined;
    await eventually(
      async () => (await sap.salesOrders.findByPurchaseOrderByCustomer(orderId)).length === 1,
      "SAP to finish the create the dead worker started",
      20_000,
    );
    expect((await db.orderLink.findUniqueOrThrow({ where: { storefrontOrderId: orderId } })).state).toBe(
      "SUBMITTING",
    );
    await fetch(`${sandbox.url}/sandbox/admin/faults`, {
      method: "DELETE",
      headers: { authorization: "Bearer it-admin" },
    });
    // A new worker finds the stalled job once its lock expires, and the lookup finds the order.
    worker = await startWorker(stack.env, {
      groupSuffix: stack.groupSuffix,
      http: false,
      lockDurationMs: 5_000,
    });
    const link = await eventually(
      async () => {
        const l = await worker.db.orderLink.findUnique({ where: { storefrontOrderId: orderId } });
        return l?.state === "CREATED" ? l : undefined;
      },
      "the recovered job to book the order",
      90_000,
    );
    const inSap = await worker.sap.client.salesOrders.findByPurchaseOrderByCustomer(orderId);
    expect(inSap).toHaveLength(1);
    expect(link.sapSalesOrder).toBe(inSap[0]!.SalesOrder);
    const created = await worker.db.orderEvent.findMany({
      where: { orderLinkId: link.id, kind: "SAP_CREATED" },
    });
    expect(created.map((e) => (e.detail as { createdNow: boolean }).createdNow)).toEqual([false]);
  }, 180_000);
});
