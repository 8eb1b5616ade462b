import { sapLogon } from "@icp/config/pieces/sap";
import { toSalesOrderDeepInsert } from "@icp/domain";
import { DEFAULT_RESILIENCE, SapClient } from "@icp/sap-client";
import { createSandbox, type Sandbox } from "@icp/sap-sandbox";
import { hashClientSecret } from "@icp/storefront-api";
import { startWorker, type WorkerApp } from "@icp/worker";
import { Redis } from "ioredis";
import type { Producer } from "kafkajs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resyncNow, type TestStack, testStack } from "./harness";
import { startStorefrontServer } from "./storefront-server";

/**
 * Issue 22: 5 on the real stack: the worker resyncs SAP's PR00 records (customers' records and
 * scales too) into the read model, the storefront API quotes from them, and SAP — the sandbox's
 * own order pricing — books the same net amount for an order of that customer and quantity.
 */
let stack: TestStack;
let sandbox: Sandbox;
let worker: WorkerApp;
let sap: SapClient;
let redis: Redis;
let server: { close(): void };
let url: string;
let token: string;
/** Product 5 of the sandbox: per 10 PC, list scales from 10 and 50, customer 17100001's own record with a scale from 20. */
let material: string;
let listPrice: number;

beforeAll(async () => {
  sandbox = await createSandbox({
    port: 0,
    logLevel: "silent",
    products: 20,
    customers: 5,
    tickMs: 0,
    adminToken: "it",
  });
  stack = await testStack({ SAP_BASE_URL: sandbox.url });
  worker = await startWorker(stack.env, { groupSuffix: stack.groupSuffix, http: false });
  for (const entity of ["PRODUCTS", "CUSTOMERS"] as const)
    await resyncNow(worker.db, stack.env.REDIS_URL, entity);
  material = sandbox.store.catalog.product(5).id;
  listPrice = sandbox.store.catalog.product(5).price;
  sap = new SapClient({
    baseUrl: sandbox.url,
    client: stack.env.SAP_CLIENT,
    language: "EN",
    ...sapLogon(stack.env),
    ...DEFAULT_RESILIENCE,
  });
  redis = new Redis(stack.env.REDIS_URL);
  await worker.db.apiClient.create({
    data: {
      clientId: "shop",
      name: "Shop",
      secretHash: await hashClientSecret("s3cret"),
      scopes: ["catalog:read"],
      rateLimitPerMinute: 1000,
      createdBy: "test",
    },
  });
  const sf = await startStorefrontServer({
    db: worker.db,
    rm: worker.rm,
    // the price route produces nothing
    producer: {} as Producer,
    redis,
    rateLimitPrefix: `it:${stack.groupSuffix}:`,
  });
  server = sf;
  url = sf.url;
  const res = await fetch(`${url}/oauth/token`, {
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      authorization: `Basic ${Buffer.from("shop:s3cret").toString("base64")}`,
    },
    body: new URLSearchParams({ grant_type: "client_credentials" }),
  });
  token = ((await res.json()) as { access_token: string }).access_token;
}, 180_000);

afterAll(async () => {
  server?.close();
  redis?.disconnect();
  await sap?.close();
  await worker?.close();
  await sandbox?.close();
  await stack?.close();
});

interface QuotedItem {
  sku: string;
  quantity: number;
  unitPrice: string;
  lineAmount: string;
  rule: string;
  scaleFrom: number | null;
}

async function quote(customer: string, items: [string, number][]): Promise<QuotedItem[]> {
  const qs = new URLSearchParams({ customer, items: items.map(([s, q]) => `${s}:${q}`).join(",") });
  const res = await fetch(`${url}/prices?${qs}`, { headers: { authorization: `Bearer ${token}` } });
  const body = (await res.json()) as { items: QuotedItem[] };
  expect(res.status, JSON.stringify(body)).toBe(200);
  return body.items;
}

/** SAP's net amount of a one-item order of `quantity` of the material for `customer`, as SAP prices it. */
async function sapNet(customer: string, quantity: number): Promise<number> {
  const { salesOrder } = await sap.createSalesOrderOnce(
    toSalesOrderDeepInsert({
      orderId: `IT-PRICE-${customer}-${quantity}-${Date.now()}`,
      customerId: customer,
      currency: "EUR",
      lines: [{ sku: material, quantity }],
      submittedAt: new Date().toISOString(),
      apiClientId: "shop",
    }),
    { mayExist: false },
  );
  const res = await sap.transport.request({
    service: "API_SALES_ORDER_SRV",
    method: "GET",
    path: `A_SalesOrder('${salesOrder}')/to_Item`,
  });
  const [item] = (res.json() as { d: { results: { NetAmount: string }[] } }).d.results;
  return Number(item?.NetAmount);
}

/** The seed's rounding of a rate (round2 of price × factor). */
const seeded = (factor: number) => Math.round(listPrice * factor * 100) / 100;

describe("price quotes from resynced condition records equal SAP's order pricing (issue 22: 5)", () => {
  const cases: [customer: string, quantity: number, rule: string, scaleFrom: number, factor: number][] = [
    ["17100001", 3, "customer", 1, 0.7], // the customer's own record (table 305, −30 %)
    ["17100001", 20, "customer", 20, 0.65], // its scale from 20 PC (−35 %)
    ["17100003", 7, "list", 1, 1], // another customer: the list price
    ["17100003", 50, "list", 50, 0.9], // the list price's scale from 50 PC (−10 %)
  ];

  it("after a product resync: the customer's price and the scale price, each equal to SAP's net amount", async () => {
    const items = await quote(
      "17100001",
      cases.slice(0, 2).map(([, q]) => [material, q]),
    );
    items.push(
      ...(await quote(
        "17100003",
        cases.slice(2).map(([, q]) => [material, q]),
      )),
    );
    for (const [i, [customer, quantity, rule, scaleFrom, factor]] of cases.entries()) {
      const item = items[i];
      const unit = seeded(factor);
      expect([customer, quantity, item?.rule, item?.scaleFrom, Number(item?.unitPrice)]).toEqual([
        customer,
        quantity,
        rule,
        scaleFrom,
        unit,
      ]);
      expect([customer, quantity, Number(item?.lineAmount)]).toEqual([
        customer,
        quantity,
        await sapNet(customer, quantity),
      ]);
    }
  });

  it("a price resync writes the same records: quotes unchanged after the product's records were dropped and read again", async () => {
    const before = await quote("17100001", [[material, 20]]);
    await worker.rm.products.updateOne({ _id: material }, { $unset: { pricing: "" } });
    // without its records the product quotes its list price only: no customer price, no scale
    expect((await quote("17100001", [[material, 20]]))[0]).toMatchObject({ rule: "list", scaleFrom: null });
    await resyncNow(worker.db, stack.env.REDIS_URL, "PRICES");
    expect(await quote("17100001", [[material, 20]])).toEqual(before);
  });
});
