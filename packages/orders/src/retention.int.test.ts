import { createPrisma, type Db } from "@icp/db";
import { migrate } from "@icp/db/migrate";
import { createTestDatabase, MIGRATIONS_DIR, type TestDatabase } from "@icp/db/test-database";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { purgeOrderEvents } from "./retention";

/** The order timeline's retention on a real PostgreSQL (issue 18). */
let database: TestDatabase;
let db: Db;

beforeAll(async () => {
  database = await createTestDatabase();
  await migrate(database.url, MIGRATIONS_DIR);
  db = createPrisma(database.url, { poolSize: 2 });
}, 120_000);
afterAll(async () => {
  await db?.close();
  await database?.drop();
});

const DAY = 86_400_000;

/** An order last touched `touchedDaysAgo` days ago with `events` entries `eventDaysAgo` days old. */
async function order(id: string, touchedDaysAgo: number, eventDaysAgo: number, events: number) {
  const link = await db.orderLink.create({
    data: { storefrontOrderId: id, customerId: "c", currency: "EUR", state: "CREATED" },
  });
  await db.$executeRaw`update order_link set updated_at = now() - make_interval(days => ${touchedDaysAgo}::int) where id = ${link.id}::uuid`;
  await db.orderEvent.createMany({
    data: Array.from({ length: events }, (_, i) => ({
      orderLinkId: link.id,
      kind: "JOB_ATTEMPT" as const,
      at: new Date(Date.now() - eventDaysAgo * DAY - i * 1000),
    })),
  });
  return link.id;
}

const eventsOf = (orderLinkId: string) => db.orderEvent.count({ where: { orderLinkId } });

describe("order timeline retention", () => {
  it("purges old entries of settled orders in batches, never a live order's, and 0 days keeps all", async () => {
    const settled = await order("old-settled", 100, 100, 25);
    const live = await order("old-but-touched", 1, 100, 5); // old entries, but the order moved yesterday
    const recent = await order("recent", 10, 10, 3);

    expect(await purgeOrderEvents(db, { retentionDays: 0 })).toEqual({
      retentionDays: 0,
      deleted: 0,
      batches: 0,
    });
    await expect(purgeOrderEvents(db, { retentionDays: 7 })).rejects.toThrow(/at least 30 days/);
    expect(await eventsOf(settled)).toBe(25);

    // 10 a statement, 2 statements a run: the backlog of 25 takes two runs.
    expect(await purgeOrderEvents(db, { retentionDays: 90, batchSize: 10, maxBatches: 2 })).toEqual({
      retentionDays: 90,
      deleted: 20,
      batches: 2,
    });
    expect(await eventsOf(settled)).toBe(5);
    // Oldest first: what is left of the settled order are its 5 newest entries.
    const left = await db.orderEvent.findMany({ where: { orderLinkId: settled }, orderBy: { at: "asc" } });
    expect(left[0]?.at.getTime()).toBeGreaterThan(Date.now() - 100 * DAY - 5_500);
    expect((await purgeOrderEvents(db, { retentionDays: 90, batchSize: 10, maxBatches: 2 })).deleted).toBe(5);
    expect(await eventsOf(settled)).toBe(0);
    expect(await eventsOf(live)).toBe(5);
    expect(await eventsOf(recent)).toBe(3);
  });
});
