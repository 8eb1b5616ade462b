import { kafkaConnection } from "@icp/config";
import { createPrisma, type Db, uuidv7 } from "@icp/db";
import { type OrderSubmitted, Topics, toSalesOrderDeepInsert } from "@icp/domain";
import { createKafka, createProducer } from "@icp/messaging";
import { createLogger } from "@icp/observability";
import { OrderLedger, StorefrontOrderStatus } from "@icp/orders";
import { ReadModel } from "@icp/read-model";
import { createSandbox, type Sandbox } from "@icp/sap-sandbox";
import { duplicateResolver } from "@icp/worker/orders/duplicates";
import {
  type DuplicateHandler,
  type OrderJob,
  pushOrderToSap,
  type SalesOrderPort,
} from "@icp/worker/orders/push-order";
import { OrderReconciler } from "@icp/worker/orders/reconcile";
import { CUSTOMER_CANCELLATION_REASON, createSapPorts, type SapPorts } from "@icp/worker/sap";
import { applyOrderStatus } from "@icp/worker/status/apply-status";
import type { Admin, Producer } from "kafkajs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestStack, testStack } from "./harness";

/**
 * Exactly once under the faults SIGKILL does not cover: a runner that freezes past its lock
 * and wakes up, a second SAP sales order that slips past everything, a read model that was
 * down while the ledger moved, an order whose Kafka position was never recorded. Real
 * PostgreSQL, MongoDB (FerretDB), Kafka and the SAP sandbox over HTTP.
 */
const logger = createLogger({ service: "it-exactly-once", level: "warn" });
let stack: TestStack;
let sandbox: Sandbox;
let db: Db;
let rm: ReadModel;
let sap: SapPorts;
let ledger: OrderLedger;
let storefront: StorefrontOrderStatus;
let producer: Producer;
let admin: Admin;
let customer = "";
let sku = "";

beforeAll(async () => {
  sandbox = await createSandbox({
    port: 0,
    logLevel: "silent",
    products: 40,
    customers: 20,
    tickMs: 0,
    adminToken: "it-admin",
  });
  stack = await testStack({ SAP_BASE_URL: sandbox.url, SAP_TIMEOUT_MS: "3000" });
  db = createPrisma(stack.env.DATABASE_URL);
  rm = await ReadModel.connect(stack.env.MONGODB_URL);
  sap = createSapPorts(stack.env, logger);
  ledger = new OrderLedger(db);
  storefront = new StorefrontOrderStatus(rm);
  const kafka = createKafka({ ...kafkaConnection(stack.env), clientId: "it-exactly-once" });
  producer = createProducer(kafka);
  await producer.connect();
  admin = kafka.admin();
  await admin.connect();
  const bp = await sap.client.customers.page({ top: 20, skip: 0 });
  customer =
    bp.items.find((c) => !c.BusinessPartnerIsBlocked && !c.to_Customer?.OrderIsBlockedForCustomer)
      ?.Customer ?? "";
  const stock = await sap.client.stock.page({ top: 100, skip: 0 });
  sku = stock.items.find((s) => Number(s.MatlWrhsStkQtyInMatlBaseUnit) > 10)?.Material ?? "";
  expect(customer).not.toBe("");
  expect(sku).not.toBe("");
});

afterAll(async () => {
  await producer?.disconnect();
  await admin?.disconnect();
  await sap?.close();
  await rm?.close();
  await db?.close();
  await sandbox?.close();
  await stack?.close();
});

const order = (orderId: string): OrderSubmitted => ({
  orderId,
  customerId: customer,
  currency: "EUR",
  lines: [{ sku, quantity: 1 }],
  submittedAt: new Date().toISOString(),
  apiClientId: "it-client",
});

const job = (o: OrderSubmitted, token: string, lockHeld = () => true): OrderJob => ({
  data: { order: o },
  attemptsMade: 0,
  opts: { attempts: 3 },
  timestamp: Date.now(),
  token,
  extendLock: async () => (lockHeld() ? 1 : 0),
});

/** The order reconcilers over this file's stores (an hour-old order counts as stuck after a minute). */
const reconcilerWith = (onDuplicate: DuplicateHandler) =>
  new OrderReconciler({
    db,
    ledger,
    storefront,
    producer,
    sap: sap.client,
    onDuplicate,
    logger,
    stuckAfterMs: 60_000,
  });

/** The order as the storefront API writes it to the read model at intake. */
const receivedDoc = (o: OrderSubmitted) => ({
  _id: o.orderId,
  apiClientId: "it-client",
  customerId: customer,
  currency: "EUR",
  lines: o.lines,
  createdAt: new Date(),
});

const salesOrdersFor = async (orderId: string) =>
  (await sap.client.salesOrders.findByPurchaseOrderByCustomer(orderId)).map((s) => s.SalesOrder);

const noDuplicateExpected = async (d: unknown) => {
  throw new Error(`unexpected duplicate ${JSON.stringify(d)}`);
};

function push(port: SalesOrderPort = sap.salesOrders, workerId = "it") {
  return pushOrderToSap({
    sap: port,
    ledger,
    storefront: { accepted: async () => {}, failed: async () => {} },
    classify: sap.classify,
    onDuplicate: noDuplicateExpected,
    logger,
    workerId,
    lockDurationMs: 30_000,
  });
}

describe("the fence around SAP's create", () => {
  it("a worker frozen before its create wakes to find the order taken over and sends nothing: one sales order", async () => {
    const o = order(`SF-FZ-${uuidv7().slice(-8)}`);
    let reached!: () => void;
    const atFence = new Promise<void>((r) => {
      reached = r;
    });
    let wake!: () => void;
    const frozen = new Promise<void>((r) => {
      wake = r;
    });
    // Runner A stops right before its create would be sent, as a SIGSTOPped process would.
    const freezing: SalesOrderPort = {
      createSalesOrderOnce: (body, opts) =>
        sap.salesOrders.createSalesOrderOnce(body, {
          ...opts,
          beforeCreate: async () => {
            reached();
            await frozen;
            return await opts.beforeCreate?.();
          },
        }),
    };
    const a = push(freezing, "worker-a")(job(o, "token-a"));
    await atFence;
    // Its lock expired meanwhile: another worker runs the job again and books the order.
    const b = await push(sap.salesOrders, "worker-b")(job(o, "token-b"));
    expect(b).toMatchObject({ outcome: "booked", createdNow: true });
    wake();
    expect(await a).toMatchObject({ outcome: "fenced-out" });
    expect(await salesOrdersFor(o.orderId)).toEqual([b.salesOrder]);
    const link = await db.orderLink.findUniqueOrThrow({ where: { storefrontOrderId: o.orderId } });
    expect(link).toMatchObject({ sapSalesOrder: b.salesOrder, state: "CREATED", submitEpoch: 2 });
  });

  it("a runner that lost its BullMQ lock sends nothing", async () => {
    const o = order(`SF-LK-${uuidv7().slice(-8)}`);
    expect(await push()(job(o, "token-lost", () => false))).toMatchObject({ outcome: "fenced-out" });
    expect(await salesOrdersFor(o.orderId)).toEqual([]);
  });

  it("a runner whose create SAP refuses as a duplicate purchase order reads it as booked", async () => {
    const o = order(`SF-DP-${uuidv7().slice(-8)}`);
    // Another runner's create reached SAP, but the ledger has not heard of it yet.
    const first = await sap.client.salesOrders.create(toSalesOrderDeepInsert(o));
    // This runner believes nothing was sent before (no lookup), so only SAP's check stops it.
    const r = await push()(job(o, "token-c"));
    expect(r).toMatchObject({ outcome: "booked", salesOrder: first.SalesOrder, createdNow: false });
    expect(await salesOrdersFor(o.orderId)).toEqual([first.SalesOrder]);
  });
});

describe("duplicates that slip through are found and cancelled", () => {
  it("without SAP's duplicate check, the reconciler cancels the sales order the ledger does not hold, audited", async () => {
    await fetch(`${sandbox.url}/sandbox/admin/faults`, {
      method: "PUT",
      headers: { authorization: "Bearer it-admin", "content-type": "application/json" },
      body: JSON.stringify({ purchaseOrderCheck: "off" }),
    });
    try {
      const o = order(`SF-DU-${uuidv7().slice(-8)}`);
      const kept = await push()(job(o, "token-d"));
      const orphan = await sap.client.salesOrders.create(toSalesOrderDeepInsert(o));
      expect(await salesOrdersFor(o.orderId)).toHaveLength(2);
      const reconciler = reconcilerWith(
        duplicateResolver({
          db,
          ledger,
          rejectSalesOrder: sap.rejectSalesOrder,
          rejectionReason: CUSTOMER_CANCELLATION_REASON,
          logger,
        }),
      );
      expect(await reconciler.findDuplicates()).toBeGreaterThanOrEqual(1);
      const cancelled = await sap.client.salesOrders.get(orphan.SalesOrder, { expandItems: true });
      expect(cancelled?.to_Item?.every((i) => i.SalesDocumentRjcnReason)).toBe(true);
      const keptSo = await sap.client.salesOrders.get(kept.salesOrder ?? "", { expandItems: true });
      expect(keptSo?.to_Item?.some((i) => i.SalesDocumentRjcnReason)).toBe(false);
      const audit = await db.auditLog.findMany({
        where: { action: "order.duplicate_cancel", targetId: o.orderId },
      });
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({ actorRole: "SYSTEM" });
      const kinds = (
        await db.orderEvent.findMany({
          where: { orderLink: { storefrontOrderId: o.orderId } },
          orderBy: { at: "asc" },
        })
      ).map((e) => e.kind);
      expect(kinds).toEqual(expect.arrayContaining(["DUPLICATE_SALES_ORDER", "RECONCILED"]));
      // A second look finds the orphan cancelled already and changes nothing more.
      await reconciler.findDuplicates();
      expect(
        await db.auditLog.count({ where: { action: "order.duplicate_cancel", targetId: o.orderId } }),
      ).toBe(1);
    } finally {
      await fetch(`${sandbox.url}/sandbox/admin/faults`, {
        method: "DELETE",
        headers: { authorization: "Bearer it-admin" },
      });
    }
  });
});

describe("ledger and read model never diverge silently", () => {
  it("a status the ledger took while the read model was down reaches the read model on the job's retry", async () => {
    const o = order(`SF-RM-${uuidv7().slice(-8)}`);
    await storefront.received([receivedDoc(o)]);
    const booked = await push()(job(o, "token-e"));
    let down = true;
    const notified: string[] = [];
    const apply = applyOrderStatus({
      ledger,
      storefront: {
        applySap: async (id, s) => {
          if (down) throw new Error("read model unreachable");
          return storefront.applySap(id, s);
        },
      },
      readSalesOrder: async (so) => ({
        salesOrder: so,
        purchaseOrderByCustomer: o.orderId,
        lastChange: new Date(Date.now() - 1_000),
        OverallDeliveryStatus: "C",
        items: [{ SalesDocumentRjcnReason: null }],
      }),
      notify: async (e) => notified.push(String(e.data.status)),
      onDuplicate: noDuplicateExpected,
      logger,
    });
    const statusJob = {
      data: {
        salesOrder: booked.salesOrder ?? "",
        eventId: "e1",
        eventType: "changed",
        eventTime: new Date().toISOString(),
      },
    };
    await expect(apply(statusJob)).rejects.toThrow("read model unreachable");
    expect(
      (await db.orderLink.findUniqueOrThrow({ where: { storefrontOrderId: o.orderId } })).sapStatus,
    ).toBe("SHIPPED");
    down = false;
    expect(await apply(statusJob)).toEqual({ outcome: "applied", status: "SHIPPED" });
    expect((await rm.orders.findOne({ _id: o.orderId }))?.status).toBe("SHIPPED");
    expect(notified).toEqual(["SHIPPED"]);
  });

  it("the reconciler levels a read model left behind the ledger", async () => {
    const o = order(`SF-LV-${uuidv7().slice(-8)}`);
    await storefront.received([receivedDoc(o)]);
    const booked = await push()(job(o, "token-f"));
    const link = await db.orderLink.findUniqueOrThrow({ where: { storefrontOrderId: o.orderId } });
    await ledger.applySapStatus(link.id, {
      status: "BILLED",
      version: Date.now(),
      sapChangedAt: new Date(),
      salesOrder: booked.salesOrder ?? "",
    });
    const reconciler = reconcilerWith(noDuplicateExpected);
    expect(await reconciler.levelReadModel()).toContain(o.orderId);
    expect((await rm.orders.findOne({ _id: o.orderId }))?.status).toBe("BILLED");
    expect(await reconciler.levelReadModel()).not.toContain(o.orderId);
  });
});

describe("the ledger is the outbox", () => {
  it("an order recorded without a Kafka position is produced again from the ledger, and only once", async () => {
    const o = order(`SF-OB-${uuidv7().slice(-8)}`);
    await db.$executeRaw`
      INSERT INTO order_link (id, storefront_order_id, customer_id, currency, item_count, payload, received_at, updated_at)
      VALUES (${uuidv7()}::uuid, ${o.orderId}, ${o.customerId}, 'EUR', 1, ${JSON.stringify(o)}::jsonb,
              now() - interval '10 minutes', now() - interval '10 minutes')`;
    const reconciler = reconcilerWith(noDuplicateExpected);
    const stuck = await reconciler.countStuck();
    expect(stuck).toMatchObject({ RECEIVED: expect.any(Number) });
    expect(stuck.RECEIVED).toBeGreaterThanOrEqual(1);
    expect(await reconciler.reproduceUnpositioned()).toContain(o.orderId);
    const link = await db.orderLink.findUniqueOrThrow({ where: { storefrontOrderId: o.orderId } });
    expect(link.kafkaTopic).toBe(Topics.orders);
    const ends = await admin.fetchTopicOffsets(Topics.orders);
    const end = ends.find((p) => p.partition === link.kafkaPartition);
    expect(BigInt(end?.high ?? "0")).toBeGreaterThan(link.kafkaOffset ?? -1n);
    expect(await reconciler.reproduceUnpositioned()).not.toContain(o.orderId);
  });
});
