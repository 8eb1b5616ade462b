import { randomBytes, randomUUID } from "node:crypto";
import { appRouter, createCallerFactory } from "@icp/api";
import { COUNT_CAP } from "@icp/api/routers/list";
import { contextFor, fakeServices, untouchableDb } from "@icp/api/testing";
import { loadEnv } from "@icp/config";
import { createPrisma, type Db } from "@icp/db";
import { migrate } from "@icp/db/migrate";
import { createTestDatabase, MIGRATIONS_DIR, type TestDatabase } from "@icp/db/test-database";
import { type QueueName, Queues } from "@icp/domain";
import { redisConnection } from "@icp/messaging";
import { TRPCError } from "@trpc/server";
import { Queue } from "bullmq";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("server-only", () => ({}));
const { queueOps } = await import("./queue-ops");

/**
 * Search by business key (issue 16) on the real PostgreSQL and Redis: orders by order id, SAP
 * document, customer and SKU (order lines), failures by the same keys, BullMQ jobs by what their
 * data holds (with the scan cap reported), the audit log by free text — and each PostgreSQL
 * search answered by its index.
 */
let database: TestDatabase;
let db: Db;
const prefix = `icp-it-search-${randomBytes(4).toString("hex")}`;
const queues = new Map<QueueName, Queue>();
const tagged = randomBytes(3).toString("hex").toUpperCase();
const SKU = `SKU-${tagged}`;
const ORDER = `SF-${tagged}-1`;

beforeAll(async () => {
  database = await createTestDatabase();
  await migrate(database.url, MIGRATIONS_DIR);
  db = createPrisma(database.url, { poolSize: 4 });
  const connection = redisConnection(loadEnv().REDIS_URL);
  for (const name of Object.values(Queues)) queues.set(name, new Queue(name, { connection, prefix }));
}, 120_000);

afterAll(async () => {
  for (const q of queues.values()) {
    await q.obliterate({ force: true }).catch(() => undefined);
    await q.close();
  }
  await db?.close();
  await database?.drop();
});

const caller = () =>
  createCallerFactory(appRouter)(contextFor("viewer", fakeServices({ db, queues: queueOps(() => queues) })));

async function order(
  id: string,
  over: { sap?: string; customer?: string; sapCustomer?: string; skus: string[] },
) {
  const payload = {
    orderId: id,
    customerId: over.customer ?? "C-1",
    currency: "EUR",
    lines: over.skus.map((sku) => ({ sku, quantity: 1 })),
  };
  await db.$executeRaw`
    INSERT INTO order_link (id, storefront_order_id, sap_sales_order, customer_id, sap_customer, currency, item_count, payload, updated_at)
    VALUES (${randomUUID()}::uuid, ${id}, ${over.sap ?? null}, ${over.customer ?? "C-1"}, ${over.sapCustomer ?? null}, 'EUR',
            ${over.skus.length}, ${JSON.stringify(payload)}::jsonb, now())`;
}

async function refusal(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return "OK";
  } catch (e) {
    if (!(e instanceof TRPCError)) throw e;
    return e.code;
  }
}

/** The plan of a query with sequential scans priced out, so a usable index is chosen. */
async function planOf(sql: string, ...params: unknown[]): Promise<string> {
  return db.$transaction(async (tx) => {
    await tx.$executeRawUnsafe("SET LOCAL enable_seqscan = off");
    const rows = await tx.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(`EXPLAIN ${sql}`, ...params);
    return rows.map((r) => r["QUERY PLAN"]).join("\n");
  });
}

describe("orders by business key", () => {
  beforeAll(async () => {
    await order(ORDER, {
      sap: "71000001",
      customer: `C-${tagged}`,
      sapCustomer: "17100001",
      skus: ["A-1", SKU],
    });
    await order(`SF-${tagged}-2`, { sap: "71000002", skus: [SKU.toLowerCase()] });
    await order(`SF-${tagged}-3`, { sap: "71000003", skus: ["B-2"] });
  });

  it("finds an order by SKU on one of its lines, not by a SKU of another case or line", async () => {
    const res = await caller().orders.list({ q: SKU });
    expect(res.rows.map((r) => [r.storefrontOrderId, r.matchedBy])).toEqual([[ORDER, "sku"]]);
    expect(res.total).toBe(1);
  });

  it("finds by order id (exact and prefix = purchase order), SAP document and customer", async () => {
    const list = caller().orders.list;
    expect((await list({ q: ORDER })).rows.map((r) => r.matchedBy)).toEqual(["order"]);
    expect(
      (await list({ q: `SF-${tagged}`, sort: "storefrontOrderId", dir: "asc" })).rows.map(
        (r) => r.storefrontOrderId,
      ),
    ).toEqual([ORDER, `SF-${tagged}-2`, `SF-${tagged}-3`]);
    expect((await list({ q: "71000002" })).rows.map((r) => [r.storefrontOrderId, r.matchedBy])).toEqual([
      [`SF-${tagged}-2`, "sapDocument"],
    ]);
    expect((await list({ q: `C-${tagged}` })).rows.map((r) => r.storefrontOrderId)).toEqual([ORDER]);
    expect((await list({ q: "17100001" })).rows.map((r) => r.matchedBy)).toEqual(["customer"]);
    // SAP's internal form, as an IDoc, an event or a table export shows it (docs/sap-fidelity.md §18)
    expect((await list({ q: "0071000002" })).rows.map((r) => [r.storefrontOrderId, r.matchedBy])).toEqual([
      [`SF-${tagged}-2`, "sapDocument"],
    ]);
    expect((await list({ q: "0017100001" })).rows.map((r) => r.matchedBy)).toEqual(["customer"]);
    expect((await list({ q: "nothing-like-it" })).total).toBe(0);
  });

  it("pages, and a LIKE character in the term is literal", async () => {
    const p2 = await caller().orders.list({ q: `SF-${tagged}`, page: 2, pageSize: 2 });
    expect([p2.total, p2.pages, p2.rows.length]).toEqual([3, 2, 1]);
    expect((await caller().orders.list({ q: "SF-%" })).total).toBe(0);
  });

  it("refuses a bad term with a typed error, reading nothing", async () => {
    const touched: string[] = [];
    const refusing = createCallerFactory(appRouter)(
      contextFor("viewer", fakeServices({ db: untouchableDb(touched) })),
    );
    expect(await refusal(refusing.orders.list({ q: "   " }))).toBe("BAD_REQUEST");
    expect(await refusal(refusing.orders.list({ q: "x".repeat(101) }))).toBe("BAD_REQUEST");
    expect(await refusal(refusing.orders.list({ q: "a\u0000b" }))).toBe("BAD_REQUEST");
    expect(touched).toEqual([]);
  });

  it("the SKU search is answered by the GIN index on the payload", async () => {
    const plan = await planOf(
      `SELECT id FROM order_link WHERE payload @> $1::jsonb`,
      JSON.stringify({ lines: [{ sku: SKU }] }),
    );
    expect(plan).toContain("order_link_payload_idx");
  });
});

describe("orders at scale", () => {
  const bulk = `BULK-${tagged}`;
  beforeAll(async () => {
    await db.$executeRaw`
      INSERT INTO order_link (id, storefront_order_id, customer_id, currency, item_count, payload, updated_at)
      SELECT gen_random_uuid(), ${bulk} || '-' || n, 'C-bulk', 'EUR', 1, '{}'::jsonb, now()
        FROM generate_series(1, ${COUNT_CAP + 5}) AS n`;
  }, 60_000);

  it("stops counting at the cap and says so, and pages up to it", async () => {
    const res = await caller().orders.list({ q: bulk, pageSize: 25 });
    expect([res.total, res.totalCapped, res.pages, res.rows.length]).toEqual([
      COUNT_CAP,
      true,
      COUNT_CAP / 25,
      25,
    ]);
    const few = await caller().orders.list({ q: `SF-${tagged}` });
    expect([few.total, few.totalCapped]).toEqual([3, false]);
  });

  it("an order id prefix is answered by the text_pattern_ops index, not a scan", async () => {
    const plan = await planOf(`SELECT id FROM order_link WHERE storefront_order_id LIKE $1`, `${bulk}-12%`);
    expect(plan).toContain("order_link_storefront_order_id_prefix_idx");
  });
});

describe("failures by business key", () => {
  it("q finds a failure by its order's SAP document, a SKU in its payload, its customer", async () => {
    const link = await db.orderLink.findUniqueOrThrow({ where: { storefrontOrderId: ORDER } });
    const mk = (entityKey: string, payload: object, orderLinkId?: string) =>
      db.failureRecord.create({
        data: {
          flow: "ORDERS",
          errorClass: "BUSINESS",
          message: "SAP said no",
          payload,
          entityKey,
          ...(orderLinkId ? { orderLinkId } : {}),
        },
      });
    const a = await mk(ORDER, { order: { orderId: ORDER, lines: [{ sku: "Z-9", quantity: 1 }] } }, link.id);
    const b = await mk(`SF-${tagged}-x`, {
      orderId: `SF-${tagged}-x`,
      customerId: "C-77",
      lines: [{ sku: SKU, quantity: 2 }],
    });
    const list = async (q: string) =>
      (await caller().failures.list({ filter: { q, state: "OPEN" } })).rows.map((r) => r.id).sort();
    expect(await list("71000001")).toEqual([a.id]);
    expect(await list("0071000001")).toEqual([a.id]);
    expect(await list(SKU)).toEqual([b.id]);
    expect(await list("Z-9")).toEqual([a.id]);
    expect(await list("C-77")).toEqual([b.id]);
    expect(await list(`C-${tagged}`)).toEqual([a.id]);
    expect(await list(`SF-${tagged}`)).toEqual([a.id, b.id].sort());
    expect(await list("no-such-key")).toEqual([]);
  });
});

describe("jobs by business key", () => {
  it("finds jobs whose data holds the SKU, order id or customer, and says how many it read", async () => {
    const orders = queues.get(Queues.orders) as Queue;
    await orders.add(
      "create-sales-order",
      { order: { orderId: ORDER, customerId: "C-1", lines: [{ sku: SKU, quantity: 1 }] } },
      { jobId: ORDER },
    );
    await orders.add(
      "cancel-sales-order",
      { request: { orderId: ORDER, reason: "x" }, eventId: "e1" },
      { jobId: `${ORDER}-e1`, delay: 600_000 },
    );
    await orders.add(
      "create-sales-order",
      { order: { orderId: "OTHER-1", customerId: "C-2", lines: [{ sku: "B-2", quantity: 1 }] } },
      { jobId: "OTHER-1" },
    );
    const bySku = await caller().queues.search({ q: SKU.toLowerCase() });
    expect(bySku.rows.map((r) => [r.queue, r.id, r.state, r.matchedAt])).toEqual([
      [Queues.orders, ORDER, "waiting", "order.lines.0.sku"],
    ]);
    expect(bySku.complete).toBe(true);
    expect(bySku.searched).toBe(3);
    const byOrder = await caller().queues.search({ q: ORDER, queue: Queues.orders });
    expect(byOrder.rows.map((r) => [r.id, r.state]).sort()).toEqual([
      [ORDER, "waiting"],
      [`${ORDER}-e1`, "delayed"],
    ]);
    expect((await caller().queues.search({ q: "C-2", states: ["waiting"] })).rows.map((r) => r.id)).toEqual([
      "OTHER-1",
    ]);
  });

  it("stops at the cap per queue and state and says so (searched N of M)", async () => {
    const q = queues.get(Queues.inventory) as Queue;
    await q.add(
      "apply-stock",
      { material: "OLDEST-SKU", plant: "1010", eventId: "e-0" },
      { jobId: "stock-e-0" },
    );
    await q.addBulk(
      Array.from({ length: 1_000 }, (_, i) => ({
        name: "apply-stock",
        data: { material: `M-${i}`, plant: "1010", eventId: `e-${i + 1}` },
        opts: { jobId: `stock-e-${i + 1}` },
      })),
    );
    const res = await caller().queues.search({
      q: "OLDEST-SKU",
      queue: Queues.inventory,
      states: ["waiting"],
    });
    expect(res.scans).toEqual([{ queue: Queues.inventory, state: "waiting", searched: 1_000, total: 1_001 }]);
    expect([res.complete, res.rows.length]).toEqual([false, 0]);
    expect(
      (await caller().queues.search({ q: "M-999", queue: Queues.inventory, states: ["waiting"] })).rows,
    ).toHaveLength(1);
  });

  it("refuses a bad term or queue with a typed error", async () => {
    expect(await refusal(caller().queues.search({ q: "" }))).toBe("BAD_REQUEST");
    expect(await refusal(caller().queues.search({ q: "x", queue: "nope" as QueueName }))).toBe("BAD_REQUEST");
  });
});

describe("audit log free text", () => {
  beforeAll(async () => {
    const row = (
      action: string,
      targetId: string,
      after: object,
      email = "ops@example.com",
    ) => db.$executeRaw`
      INSERT INTO audit_log (id, actor_id, actor_email, actor_role, action, target_type, target_id, reason, before, after)
      VALUES (${randomUUID()}::uuid, 'u-1', ${email}, 'OPERATOR', ${action}, 'failure', ${targetId}, 'fixing it',
              '{"payload":{"lines":[{"sku":"OLD"}]}}'::jsonb, ${JSON.stringify(after)}::jsonb)`;
    await row("failure.edit_and_retry", "f-1", { payload: { lines: [{ sku: SKU }] } });
    await row("failure.discard", "f-2", { state: "DISCARDED" }, `boss-${tagged}@example.com`);
    await row("queue.pause", "orders-to-sap", { paused: true });
  });

  it("finds entries by a word in the payload, the actor, the action or the target, case-blind", async () => {
    const hits = async (q: string) =>
      (await caller().audit.list({ filter: { q } })).rows.map((r) => r.action).sort();
    expect(await hits(SKU.toLowerCase())).toEqual(["failure.edit_and_retry"]);
    expect(await hits(`BOSS-${tagged}`)).toEqual(["failure.discard"]);
    expect(await hits("queue.pau")).toEqual(["queue.pause"]);
    expect(await hits("orders-to-sap")).toEqual(["queue.pause"]);
    expect(await hits("fixing")).toHaveLength(3);
    expect(await hits("100%")).toEqual([]);
    // Combined with the page's other filters.
    expect((await caller().audit.list({ filter: { q: "fixing", action: "failure." } })).total).toBe(2);
  });

  it("refuses a term too short for the trigram index with a typed error", async () => {
    expect(await refusal(caller().audit.list({ filter: { q: "ab" } }))).toBe("BAD_REQUEST");
  });

  it("is answered by the trigram index", async () => {
    const plan = await planOf(
      `SELECT id FROM audit_log WHERE audit_search_text(actor_id, actor_email, action, target_type, target_id, reason, before, after) LIKE $1`,
      `%${SKU.toLowerCase()}%`,
    );
    expect(plan).toContain("audit_log_search_trgm_idx");
  });
});
