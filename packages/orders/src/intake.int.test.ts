import { createPrisma, type Db, uuidv7 } from "@icp/db";
import { migrate } from "@icp/db/migrate";
import { createTestDatabase, MIGRATIONS_DIR, type TestDatabase } from "@icp/db/test-database";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type NewIdempotencyKey, OrderIntake, type ProducedEntry, type ReceivedEntry } from "./intake";

/**
 * The intake's one-statement path for a first attempt (a new Idempotency-Key and its order), on
 * a real PostgreSQL: what it inserts, and what it must leave alone — a key already there, a key
 * twice in one batch, an order id already in the ledger.
 */
let database: TestDatabase;
let db: Db;
let intake: OrderIntake;
let apiClientId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  await migrate(database.url, MIGRATIONS_DIR);
  db = createPrisma(database.url, { poolSize: 2 });
  intake = new OrderIntake(db);
  const client = await db.apiClient.create({
    data: {
      clientId: "shop",
      name: "shop",
      secretHash: "x",
      scopes: ["orders:write"],
      rateLimitPerMinute: 100,
      createdBy: "test",
    },
  });
  apiClientId = client.id;
}, 120_000);
afterAll(async () => {
  await db?.close();
  await database?.drop();
});

const now = new Date("2026-12-07T10:00:00.000Z");

function entry(orderId: string, key: string): ReceivedEntry & { newKey: NewIdempotencyKey } {
  return {
    id: uuidv7(),
    eventId: uuidv7(),
    order: {
      orderId,
      customerId: "C1",
      currency: "EUR",
      lines: [{ sku: "P1", quantity: 2 }],
      submittedAt: now.toISOString(),
      apiClientId: "shop",
    },
    apiClientId,
    traceId: "0af7651916cd43dd8448eb211c80319c",
    receipt: { idempotencyKey: key, requestId: `req-${key}` },
    receivedAt: now,
    newKey: {
      id: uuidv7(),
      key,
      requestHash: "a".repeat(64),
      leaseUntil: new Date(now.getTime() + 30_000),
      createdAt: now,
      expiresAt: new Date(now.getTime() + 86_400_000),
    },
  };
}

const keyRow = (key: string) =>
  db.idempotencyKey.findUnique({ where: { apiClientId_key: { apiClientId, key } } });
const ledgerRow = (orderId: string) =>
  db.orderLink.findUnique({ where: { storefrontOrderId: orderId }, include: { events: true } });

describe("OrderIntake.receivedUnderNewKeys", () => {
  it("binds each new key to its order id and anchors the order with its API_RECEIVED event, in one batch", async () => {
    const a = entry("WEB-1", "key-000001");
    const b = entry("WEB-2", "key-000002");
    expect(await intake.receivedUnderNewKeys([a, b])).toEqual([
      { key: true, order: true },
      { key: true, order: true },
    ]);
    const key = await keyRow("key-000001");
    expect(key).toMatchObject({
      orderId: "WEB-1",
      requestHash: "a".repeat(64),
      responseStatus: null,
      leaseUntil: a.newKey.leaseUntil,
      expiresAt: a.newKey.expiresAt,
    });
    const link = await ledgerRow("WEB-1");
    expect(link).toMatchObject({ id: a.id, state: "RECEIVED", apiClientId, payload: a.order });
    expect(link?.events.map((e) => [e.id, e.kind, e.detail])).toEqual([
      [a.eventId, "API_RECEIVED", a.receipt],
    ]);
  });

  it("inserts nothing for a key that is there already: the request goes through the key's states", async () => {
    const again = entry("WEB-3", "key-000001"); // key-000001 is bound to WEB-1
    expect(await intake.receivedUnderNewKeys([again])).toEqual([{ key: false, order: false }]);
    expect((await keyRow("key-000001"))?.orderId).toBe("WEB-1");
    expect(await ledgerRow("WEB-3")).toBeNull();
  });

  it("binds a new key alone when its order id is in the ledger already, and leaves that order as it was", async () => {
    const clash = entry("WEB-2", "key-000003");
    expect(await intake.receivedUnderNewKeys([clash])).toEqual([{ key: true, order: false }]);
    expect((await keyRow("key-000003"))?.orderId).toBe("WEB-2");
    const link = await ledgerRow("WEB-2");
    expect(link?.events.map((e) => e.kind)).toEqual(["API_RECEIVED"]);
    expect(link?.id).not.toBe(clash.id);
  });

  it("in one batch, a key twice is taken once and an order id twice is anchored once", async () => {
    const first = entry("WEB-4", "key-000004");
    const sameKey = entry("WEB-5", "key-000004");
    const sameOrder = entry("WEB-4", "key-000005");
    expect(await intake.receivedUnderNewKeys([first, sameKey, sameOrder])).toEqual([
      { key: true, order: true },
      { key: false, order: false },
      { key: true, order: false },
    ]);
    expect(await ledgerRow("WEB-5")).toBeNull();
    expect((await ledgerRow("WEB-4"))?.events).toHaveLength(1);
    expect(await db.idempotencyKey.count({ where: { key: { in: ["key-000004", "key-000005"] } } })).toBe(2);
  });
});

describe("OrderIntake.produced at a realistic ledger size", () => {
  let own: TestDatabase;
  let ownDb: Db;
  let client: string;
  beforeAll(async () => {
    own = await createTestDatabase();
    await migrate(own.url, MIGRATIONS_DIR);
    ownDb = createPrisma(own.url, { poolSize: 2 });
    client = (
      await ownDb.apiClient.create({
        data: {
          clientId: "shop",
          name: "shop",
          secretHash: "x",
          scopes: ["orders:write"],
          createdBy: "test",
        },
      })
    ).id;
    // A day of a busy shop: 20,000 keys, each with its order in the ledger, and statistics.
    await ownDb.$executeRaw`
      INSERT INTO order_link (id, storefront_order_id, customer_id, currency, item_count, api_client_id, payload, received_at, updated_at)
      SELECT gen_random_uuid(), 'OLD-' || g, 'C1', 'EUR', 1, ${client}::uuid, '{}'::jsonb, now(), now()
      FROM generate_series(1, 20000) g`;
    await ownDb.$executeRaw`
      INSERT INTO idempotency_key (id, api_client_id, key, request_hash, order_id, lease_until, created_at, expires_at)
      SELECT gen_random_uuid(), ${client}::uuid, 'old-' || g, repeat('a', 64), 'OLD-' || g, now(), now(), now() + interval '1 day'
      FROM generate_series(1, 20000) g`;
    await ownDb.$executeRawUnsafe("ANALYZE order_link, idempotency_key");
  }, 120_000);
  afterAll(async () => {
    await ownDb?.close();
    await own?.drop();
  });

  /** The batch's Kafka positions (offsets from `firstOffset`) and the answers stored for its keys. */
  const producedFor = (
    batch: ReturnType<typeof entry>[],
    firstOffset: number,
    body: (orderId: string) => unknown,
  ): ProducedEntry[] =>
    batch.map((e, i) => ({
      orderId: e.order.orderId,
      eventId: uuidv7(),
      at: { partition: i % 3, offset: String(firstOffset + i) },
      producedAt: now,
      cloudEventId: `ce-${e.order.orderId}`,
      traceId: e.traceId,
      apiClientId: client,
      idempotencyKey: e.newKey.key,
      status: 202,
      body: body(e.order.orderId),
    }));

  it("records positions and answers by index lookups, not by reading every key", async () => {
    const batch = Array.from({ length: 8 }, (_, i) => ({
      ...entry(`NEW-${i}`, `new-${i}`),
      apiClientId: client,
    }));
    expect(await new OrderIntake(ownDb).receivedUnderNewKeys(batch)).toEqual(
      batch.map(() => ({ key: true, order: true })),
    );
    // In one transaction, so that PostgreSQL's own scan counters for it (pg_stat_xact_*) count
    // this statement alone.
    const { result, scans } = await ownDb.$transaction(async (tx) => {
      const result = await new OrderIntake(tx).produced(producedFor(batch, 100, (orderId) => ({ orderId })));
      const scans = await tx.$queryRaw<{ relname: string; seq: number; idx: number }[]>`
        SELECT relname::text, seq_scan::int AS seq, COALESCE(idx_scan, 0)::int AS idx
        FROM pg_stat_xact_user_tables WHERE relname IN ('idempotency_key', 'order_link') ORDER BY relname`;
      return { result, scans };
    });
    expect(result).toEqual(batch.map(() => ({ positioned: true, answered: true })));
    expect(scans.map((s) => [s.relname, s.seq, s.idx > 0])).toEqual([
      ["idempotency_key", 0, true],
      ["order_link", 0, true],
    ]);
    const answered = await ownDb.idempotencyKey.findMany({
      where: { key: { startsWith: "new-" } },
      orderBy: { key: "asc" },
    });
    expect(answered.map((k) => k.responseStatus)).toEqual(batch.map(() => 202));
    const positioned = await ownDb.orderLink.findMany({
      where: { storefrontOrderId: { startsWith: "NEW-" } },
      include: { events: { where: { kind: "KAFKA_PRODUCED" } } },
      orderBy: { storefrontOrderId: "asc" },
    });
    expect(positioned.map((l) => [l.kafkaOffset, l.events.length])).toEqual(
      batch.map((_, i) => [BigInt(100 + i), 1]),
    );
  }, 60_000);

  it("updates in place: the positions and answers of a burst mostly touch no index (HOT)", async () => {
    // A burst as the intake meets it at 256 connections: 48 orders with a shop's payload (about
    // the ledger rows' mean size), anchored together, then positioned and answered together.
    const batch = Array.from({ length: 48 }, (_, i) => {
      const e = entry(`HOT-${i}`, `hot-${i}`);
      return {
        ...e,
        apiClientId: client,
        order: {
          ...e.order,
          lines: Array.from({ length: 3 }, (_, n) => ({ sku: `MZ-FG-${100 + n}`, quantity: 1 + n })),
          shipTo: {
            name: "Ada Lovelace",
            street: "Hauptstraße 1",
            postalCode: "69190",
            city: "Walldorf",
            country: "DE",
          },
        },
      };
    });
    expect(await new OrderIntake(ownDb).receivedUnderNewKeys(batch)).toEqual(
      batch.map(() => ({ key: true, order: true })),
    );
    // PostgreSQL's counters as this backend holds them (pg_stat_xact_*: this transaction's, and
    // earlier ones' not yet flushed), before and after the statement.
    const updates = await ownDb.$transaction(async (tx) => {
      const counters = () => tx.$queryRaw<{ relname: string; upd: number; hot: number }[]>`
        SELECT relname::text, n_tup_upd::int AS upd, n_tup_hot_upd::int AS hot
        FROM pg_stat_xact_user_tables WHERE relname IN ('idempotency_key', 'order_link') ORDER BY relname`;
      const before = await counters();
      await new OrderIntake(tx).produced(
        producedFor(batch, 1_000, (orderId) => ({
          orderId,
          status: "RECEIVED",
          statusUrl: `/orders/${orderId}`,
        })),
      );
      return (await counters()).map((c) => {
        const b = before.find((x) => x.relname === c.relname);
        return { relname: c.relname, upd: c.upd - (b?.upd ?? 0), hot: c.hot - (b?.hot ?? 0) };
      });
    });
    // With pages kept half free (migration 20261210100000) this batch made 48 of 48 order_link
    // updates and 37 of 48 idempotency_key updates HOT (the stored answer makes a key's row
    // grow); with the pages filled to the brim (fillfactor 100, without the migration: tried),
    // 3 and 5.
    const [keys, links] = updates;
    expect(links).toMatchObject({ relname: "order_link", upd: 48 });
    expect(keys).toMatchObject({ relname: "idempotency_key", upd: 48 });
    expect(links?.hot).toBeGreaterThanOrEqual(44);
    expect(keys?.hot).toBeGreaterThanOrEqual(30);
  }, 60_000);
});
