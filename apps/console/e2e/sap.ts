import { randomUUID } from "node:crypto";
import { kafkaConnection, loadEnv } from "@icp/config";
import { type OrderSubmitted, orderSubmittedRecord, Topics } from "@icp/domain";
import { createKafka, createProducer } from "@icp/messaging";
import { DEFAULT_RESILIENCE, SapClient, unitPrice } from "@icp/sap-client";
import { expect, type Page } from "@playwright/test";
import type { Producer } from "kafkajs";
import { sameOrigin, sql, trpcBody } from "./fixtures";

/**
 * The two outside parties a browser test stages: SAP (the sandbox the Playwright config
 * starts, reached over its admin API for faults and over OData for master data) and the
 * storefront's order traffic on Kafka, encoded exactly as the storefront API encodes it.
 */
const SANDBOX = process.env.SAP_BASE_URL ?? "http://127.0.0.1:4004";
const ADMIN_TOKEN = process.env.SANDBOX_ADMIN_TOKEN ?? "local-sandbox-admin";

export async function sandboxFaults(config: Record<string, unknown> | null): Promise<void> {
  const res = await fetch(`${SANDBOX}/sandbox/admin/faults`, {
    method: config ? "PUT" : "DELETE",
    headers: { authorization: `Bearer ${ADMIN_TOKEN}`, "content-type": "application/json" },
    ...(config ? { body: JSON.stringify(config) } : {}),
  });
  if (!res.ok) throw new Error(`sandbox faults: ${res.status} ${await res.text()}`);
}

/** The sandbox over OData, as the worker reads SAP (its user and client): close it after use. */
function sandboxSap(): SapClient {
  return new SapClient({
    ...DEFAULT_RESILIENCE,
    baseUrl: SANDBOX,
    client: process.env.SAP_CLIENT ?? "100",
    language: "EN",
    auth: {
      kind: "basic",
      username: process.env.SAP_USERNAME ?? "ICP_RFC_USER",
      password: process.env.SAP_PASSWORD ?? "local-sandbox-password",
    },
  });
}

/** A customer SAP accepts orders for and materials with stock, read from SAP itself. */
export async function orderableMasterData(): Promise<{ customer: string; materials: string[] }> {
  const sap = sandboxSap();
  try {
    const bp = await sap.customers.page({ top: 40, skip: 0 });
    const customer = bp.items.find(
      (c) => !c.BusinessPartnerIsBlocked && !c.to_Customer?.OrderIsBlockedForCustomer,
    )?.Customer;
    const stock = await sap.stock.page({ top: 200, skip: 0 });
    const materials = [
      ...new Set(
        stock.items.filter((s) => Number(s.MatlWrhsStkQtyInMatlBaseUnit) > 50).map((s) => s.Material),
      ),
    ].slice(0, 3);
    if (!customer || materials.length === 0) throw new Error("the sandbox has no orderable master data");
    return { customer, materials };
  } finally {
    await sap.close();
  }
}

export class OrderTraffic {
  private constructor(private readonly producer: Producer) {}

  static async connect(): Promise<OrderTraffic> {
    const producer = createProducer(
      createKafka({ ...kafkaConnection(loadEnv()), clientId: `e2e-${randomUUID().slice(0, 6)}` }),
    );
    await producer.connect();
    return new OrderTraffic(producer);
  }

  /** Publishes orders to the `orders` topic as the storefront API does after its 202. */
  async submit(orders: OrderSubmitted[]): Promise<void> {
    await this.producer.send({
      topic: Topics.orders,
      acks: -1,
      messages: orders.map((o) => orderSubmittedRecord(o)),
    });
  }

  close(): Promise<void> {
    return this.producer.disconnect();
  }
}

export function order(orderId: string, customer: string, materials: string[]): OrderSubmitted {
  return {
    orderId,
    customerId: customer,
    currency: "EUR",
    lines: materials.slice(0, 2).map((sku, i) => ({ sku, quantity: i + 1 })),
    submittedAt: new Date().toISOString(),
    apiClientId: "e2e",
  };
}

/**
 * A pricing clerk's change in SAP (the sandbox's admin API): the product's current list price
 * times `factor`. Returns SAP's unit price afterwards, as the storefront would show it.
 */
export async function sandboxReprice(product: string, factor: number): Promise<string> {
  const res = await fetch(`${SANDBOX}/sandbox/admin/prices/${encodeURIComponent(product)}`, {
    method: "POST",
    headers: { authorization: `Bearer ${ADMIN_TOKEN}`, "content-type": "application/json" },
    body: JSON.stringify({ factor }),
  });
  if (!res.ok) throw new Error(`sandbox reprice ${product}: ${res.status} ${await res.text()}`);
  return sapListPrice(product);
}

/** The product's list price in SAP now (PR00, per one unit), as the worker reads it. */
export async function sapListPrice(product: string): Promise<string> {
  const sap = sandboxSap();
  try {
    const page = await sap.prices.page({ top: 10, skip: 0, materials: [product] });
    const price = page.items.map((v) => unitPrice(v.to_SlsPrcgConditionRecord)).find(Boolean);
    if (!price) throw new Error(`SAP has no list price for ${product}`);
    return String(Number(price.amount));
  } finally {
    await sap.close();
  }
}

/** The storefront read model (MONGODB_URL): one product's stored list price, and products to pick from. */
export async function readModel<T>(fn: (db: import("mongodb").Db) => Promise<T>): Promise<T> {
  const { MongoClient } = await import("mongodb");
  const client = new MongoClient(process.env.MONGODB_URL ?? "mongodb://127.0.0.1:57017/storefront");
  await client.connect();
  try {
    return await fn(client.db());
  } finally {
    await client.close();
  }
}

export async function storedPrice(product: string): Promise<string | null> {
  const p = await readModel((db) =>
    db.collection<{ _id: string; price?: { amount: string } | null }>("products").findOne({ _id: product }),
  );
  return p?.price ? String(Number(p.price.amount)) : null;
}

/**
 * A stock count correction in SAP at one plant whose stock event is lost (the sandbox's admin
 * API, `emit: false`): the read model keeps the old level until a resync or a drift repair.
 */
export async function sandboxSetStock(product: string, plant: string, quantity: number): Promise<void> {
  const res = await fetch(
    `${SANDBOX}/sandbox/admin/stock/${encodeURIComponent(product)}/${encodeURIComponent(plant)}`,
    {
      method: "POST",
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, "content-type": "application/json" },
      body: JSON.stringify({ quantity, emit: false }),
    },
  );
  if (!res.ok) throw new Error(`sandbox stock ${product}/${plant}: ${res.status} ${await res.text()}`);
}

/** The read model's stock level of a SKU at a plant (0 when it has none). */
export async function storedStock(sku: string, plant: string): Promise<number> {
  const s = await readModel((db) =>
    db.collection<{ _id: string; quantity: number }>("stock").findOne({ _id: `${sku}|${plant}` }),
  );
  return s?.quantity ?? 0;
}

/**
 * A full resync of `entity` started as an operator starts one (resync.start, audited, `page`
 * signed in with that right) and waited for: afterwards the read model holds what SAP holds,
 * whatever the stack had before (a fresh one has no master data; a sandbox started again holds
 * its seed, not the changes an earlier run made). A run of the entity already active (a
 * schedule's) is waited for first: one active run per entity.
 */
export async function fullResync(page: Page, entity: "PRODUCTS" | "STOCK" | "CUSTOMERS", reason: string) {
  let runId: string | undefined;
  for (const until = Date.now() + 120_000; !runId; ) {
    const res = await page.request.post("/api/trpc/resync.start", {
      data: trpcBody({ entity, mode: "FULL", reason }),
      headers: sameOrigin(),
    });
    const body = (await res.json()) as {
      result?: { data?: { json?: { id?: string } } };
      error?: { json?: { data?: { appCode?: string } } };
    };
    runId = body.result?.data?.json?.id;
    const busy = body.error?.json?.data?.appCode === "SYNC_ALREADY_RUNNING";
    if (!runId && (!busy || Date.now() > until))
      throw new Error(`resync.start ${entity} FULL: ${res.status()} ${JSON.stringify(body)}`);
    if (!runId) await new Promise((r) => setTimeout(r, 1_000));
  }
  await expect
    .poll(
      async () =>
        (await sql<{ state: string }>("select state from sync_run where id = $1", [runId]))[0]?.state,
      { message: `the ${entity} resync ${runId}`, timeout: 120_000, intervals: [1_000] },
    )
    .toBe("SUCCEEDED");
}

/** SKUs the read model holds stock of at a plant, `n` of them from `skip` (specs must not share one). */
export async function stockedSkus(plant: string, skip: number, n: number): Promise<string[]> {
  const rows = await readModel((db) =>
    db
      .collection<{ _id: string; sku: string }>("stock")
      .find({ plant }, { projection: { sku: 1 } })
      .sort({ _id: 1 })
      .skip(skip)
      .limit(n)
      .toArray(),
  );
  if (rows.length < n)
    throw new Error(`the read model holds no stock at plant ${plant}: run a STOCK resync first`);
  return rows.map((r) => r.sku);
}

/** A product the read model lists with a price, different each call (specs must not share one). */
export async function pricedProduct(skip: number): Promise<string> {
  const p = await readModel((db) =>
    db
      .collection<{ _id: string }>("products")
      .find({ "price.amount": { $exists: true } }, { projection: { _id: 1 } })
      .sort({ _id: 1 })
      .skip(skip)
      .limit(1)
      .toArray(),
  );
  if (!p[0]) throw new Error("the read model holds no priced product: run a PRODUCTS resync first");
  return p[0]._id;
}
