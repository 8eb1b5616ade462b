import { createPrisma, type Db, uuidv7 } from "@icp/db";
import { migrate } from "@icp/db/migrate";
import { createTestDatabase, MIGRATIONS_DIR, type TestDatabase } from "@icp/db/test-database";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type NewIdempotencyKey, OrderIntake, type ReceivedEntry } from "./intake";

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
