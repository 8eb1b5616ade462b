import { kafkaConnection } from "@icp/config";
import { EventTypes, type OrderSubmitted, orderSubmittedRecord, Topics } from "@icp/domain";
import { createKafka, createProducer } from "@icp/messaging";
import { timelineDefects } from "@icp/orders";
import { createSandbox, type Sandbox } from "@icp/sap-sandbox";
import { startWorker, type WorkerApp } from "@icp/worker";
import type { Producer } from "kafkajs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually, type TestStack, testStack } from "./harness";

/**
 * The order flow on the real stack: Kafka (orders) → worker bridge → BullMQ → SAP sandbox over
 * HTTP → PostgreSQL ledger and MongoDB read model.
 */
let stack: TestStack;
let sandbox: Sandbox;
let worker: WorkerApp;
let producer: Producer;
let customer: string;
let products: string[];

beforeAll(async () => {
  sandbox = await createSandbox({
    port: 0,
    logLevel: "silent",
    products: 120,
    customers: 40,
    tickMs: 0,
    adminToken: "it-admin",
  });
  stack = await testStack({ SAP_BASE_URL: sandbox.url, SAP_TIMEOUT_MS: "3000" });
  worker = await startWorker(stack.env, {
    groupSuffix: stack.groupSuffix,
    http: false,
    orderAttempts: 4,
    orderBackoffMs: 200,
  });
  producer = createProducer(createKafka({ ...kafkaConnection(stack.env), clientId: "it-order-flow" }));
  await producer.connect();
  const bp = await worker.sap.client.customers.page({ top: 40, skip: 0 });
  customer =
    bp.items.find((c) => !c.BusinessPartnerIsBlocked && !c.to_Customer?.OrderIsBlockedForCustomer)
      ?.Customer ?? "";
  const stock = await worker.sap.client.stock.page({ top: 200, skip: 0 });
  products = [
    ...new Set(stock.items.filter((s) => Number(s.MatlWrhsStkQtyInMatlBaseUnit) > 10).map((s) => s.Material)),
  ].slice(0, 5);
  expect(customer).not.toBe("");
  expect(products.length).toBeGreaterThan(1);
});

afterAll(async () => {
  await producer?.disconnect();
  await worker?.close();
  await sandbox?.close();
  await stack?.close();
});

function order(orderId: string, over: Partial<OrderSubmitted> = {}): OrderSubmitted {
  return {
    orderId,
    customerId: customer,
    currency: "EUR",
    lines: [
      { sku: products[0]!, quantity: 2 },
      { sku: products[1]!, quantity: 1 },
    ],
    submittedAt: new Date().toISOString(),
    apiClientId: "it-client",
    ...over,
  };
}

async function submit(o: OrderSubmitted) {
  const rec = orderSubmittedRecord(o);
  await producer.send({
    topic: Topics.orders,
    acks: -1,
    messages: [rec],
  });
  await worker.rm.orderReceived({
    _id: o.orderId,
    apiClientId: o.apiClientId,
    customerId: o.customerId,
    currency: o.currency,
    lines: o.lines,
    createdAt: new Date(),
  });
}

const salesOrdersFor = async (orderId: string) =>
  worker.sap.client.salesOrders.findByPurchaseOrderByCustomer(orderId);
const link = (orderId: string) => worker.db.orderLink.findUnique({ where: { storefrontOrderId: orderId } });

async function committedAndEnd(group: string) {
  const admin = createKafka({ ...kafkaConnection(stack.env), clientId: "it-offsets" }).admin();
  await admin.connect();
  try {
    const [committed] = await admin.fetchOffsets({ groupId: group, topics: [Topics.orders] });
    const ends = await admin.fetchTopicOffsets(Topics.orders);
    return (committed?.partitions ?? []).map((p) => ({
      partition: p.partition,
      committed: Number(p.offset),
      end: Number(ends.find((e) => e.partition === p.partition)?.high ?? -1),
    }));
  } finally {
    await admin.disconnect();
  }
}

describe("order flow on the real stack", () => {
  it("an order on Kafka becomes exactly one SAP sales order, recorded in the ledger and the read model", async () => {
    const id = `IT-${Date.now()}-A`;
    await submit(order(id));
    const created = await eventually(async () => {
      const l = await link(id);
      return l?.state === "CREATED" ? l : undefined;
    }, "the order link to reach CREATED");
    const inSap = await salesOrdersFor(id);
    expect(inSap).toHaveLength(1);
    expect(created.sapSalesOrder).toBe(inSap[0]?.SalesOrder);
    const doc = await worker.rm.orders.findOne({ _id: id });
    expect(doc).toMatchObject({ status: "ACCEPTED", salesOrder: created.sapSalesOrder });
    // Invariant 2: the offset is committed once the effect (the job in Redis) is durable.
    const group = `icp.orders-to-sap.${stack.groupSuffix}`;
    await eventually(
      async () => (await committedAndEnd(group)).every((p) => p.committed === p.end),
      "the consumer group to commit up to the end of the topic",
    );
    const kinds = (
      await worker.db.orderEvent.findMany({ where: { orderLinkId: created.id }, orderBy: { at: "asc" } })
    ).map((e) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(["JOB_ENQUEUED", "JOB_ATTEMPT", "SAP_CREATED"]));
  });

  it("an order published without a trace still has one timeline: every event carries one trace id, none before its cause", async () => {
    const id = `IT-${Date.now()}-T`;
    await submit(order(id));
    await eventually(async () => ((await link(id))?.state === "CREATED" ? true : undefined), "CREATED");
    const defects = await timelineDefects(worker.db, [id]);
    expect(defects.orders).toBe(1);
    expect(defects.outOfOrder).toEqual([]);
    expect(defects.eventsWithoutTrace).toBe(0);
    const traces = await worker.db.orderEvent.findMany({ where: { orderLink: { storefrontOrderId: id } } });
    expect(new Set(traces.map((e) => e.traceId)).size).toBe(1);
    expect((await link(id))?.traceId).toBe(traces[0]?.traceId);
  });

  it("the same order delivered twice (redelivery, client retry) still makes one sales order", async () => {
    const id = `IT-${Date.now()}-B`;
    await submit(order(id));
    await submit(order(id));
    await eventually(async () => (await link(id))?.state === "CREATED", "CREATED");
    await new Promise((r) => setTimeout(r, 1000));
    expect(await salesOrdersFor(id)).toHaveLength(1);
  });

  it("an order retried after SAP created it but the answer was lost makes one sales order", async () => {
    const id = `IT-${Date.now()}-C`;
    await fetch(`${sandbox.url}/sandbox/admin/faults`, {
      method: "PUT",
      headers: { "content-type": "application/json", authorization: "Bearer it-admin" },
      body: JSON.stringify({ lostResponseRate: 1, scope: { method: "POST" } }),
    }).then(async (r) => expect(r.status, await r.text()).toBeLessThan(300));
    try {
      await submit(order(id));
      await eventually(async () => (await salesOrdersFor(id)).length > 0, "SAP to hold the sales order");
    } finally {
      await fetch(`${sandbox.url}/sandbox/admin/faults`, {
        method: "DELETE",
        headers: { authorization: "Bearer it-admin" },
      });
    }
    const l = await eventually(async () => {
      const x = await link(id);
      return x?.state === "CREATED" ? x : undefined;
    }, "CREATED after the lost answer");
    expect(await salesOrdersFor(id)).toHaveLength(1);
    expect(l.sapSalesOrder).toBe((await salesOrdersFor(id))[0]?.SalesOrder);
  });

  it("an order SAP refuses for a business reason becomes one visible failure, not retried", async () => {
    const id = `IT-${Date.now()}-D`;
    await submit(order(id, { lines: [{ sku: "NO-SUCH-MATERIAL", quantity: 1 }] }));
    const failure = await eventually(
      () => worker.db.failureRecord.findFirst({ where: { entityKey: id, flow: "ORDERS" } }),
      "a failure record",
    );
    expect(failure).toMatchObject({ errorClass: "BUSINESS", state: "OPEN" });
    expect(failure.sapErrorCode).toBeTruthy();
    expect((await link(id))?.state).toBe("FAILED");
    expect(await salesOrdersFor(id)).toHaveLength(0);
    // The storefront's status follows the failure record (written first, in the ledger).
    await eventually(
      async () => (await worker.rm.orders.findOne({ _id: id }))?.status === "FAILED",
      "the read model to show FAILED",
    );
  });

  it("a poison message goes to the dead-letter topic with a failure record, and later orders still flow", async () => {
    await producer.send({
      topic: Topics.orders,
      messages: [
        {
          key: "poison",
          value: "{not json",
          headers: {
            ce_specversion: "1.0",
            ce_id: `p-${Date.now()}`,
            ce_source: "/it",
            ce_type: EventTypes.orderSubmitted,
          },
        },
      ],
    });
    const id = `IT-${Date.now()}-E`;
    await submit(order(id));
    await eventually(async () => (await link(id))?.state === "CREATED", "the order after the poison message");
    const poison = await worker.db.failureRecord.findFirst({
      where: { flow: "ORDERS", errorClass: "POISON", entityKey: "poison" },
    });
    expect(poison?.message).toContain("body is not JSON");
  });
});
