import { createPrisma, type Db, type Prisma } from "@icp/db";
import { migrate } from "@icp/db/migrate";
import { createTestDatabase, MIGRATIONS_DIR, type TestDatabase } from "@icp/db/test-database";
import { OrderLedger } from "@icp/orders";
import type { Producer } from "kafkajs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OrderReconciler } from "./reconcile";
import { recordingLogger } from "./testing";

/**
 * The reconciler's periodic checks on a real PostgreSQL with a ledger that looks like a month of
 * a shop's orders: 5,000 booked and billed, a handful still moving. Each check must read the rows
 * it answers about, not the ledger — PostgreSQL's own counters for the check's transaction
 * (pg_stat_xact_user_tables) say how many order_link rows it read. On 1M orders the status poll
 * read 970,000 rows a tick and the duplicate check's first look all of them (bench 7's seed).
 */
type Deps = ConstructorParameters<typeof OrderReconciler>[0];

const SETTLED = 5_000;
const NOW = new Date("2026-12-09T12:00:00.000Z");
const DAY = 86_400_000;

let database: TestDatabase;
let db: Db;

beforeAll(async () => {
  database = await createTestDatabase();
  await migrate(database.url, MIGRATIONS_DIR);
  db = createPrisma(database.url, { poolSize: 2 });
  const at = (msAgo: number) => new Date(NOW.getTime() - msAgo);
  // The month behind: booked, billed, untouched for days.
  await db.$executeRaw`
    INSERT INTO order_link (id, storefront_order_id, sap_sales_order, state, customer_id, currency,
      kafka_topic, kafka_partition, kafka_offset, sap_status, sap_status_version, sap_status_at,
      received_at, created_at, updated_at)
    SELECT gen_random_uuid(), 'OLD-' || g, lpad(g::text, 10, '0'), 'CREATED', 'C1', 'EUR',
      'orders', g % 6, g, 'BILLED', g, ${at(3 * DAY)}::timestamptz + g * interval '1 second',
      ${at(30 * DAY)}::timestamptz, ${at(30 * DAY)}::timestamptz, ${at(2 * DAY)}::timestamptz
    FROM generate_series(1, ${SETTLED}::int) g`;
  // Still moving: two shipped orders nothing touched for an hour, one booked without a status
  // yet, one whose status changed a minute ago (the newest SAP time), one just received.
  const moving = [
    { id: "SHIPPED-1", so: "9000000001", state: "CREATED", status: "SHIPPED", updated: at(3600_000) },
    { id: "SHIPPED-2", so: "9000000002", state: "CREATED", status: "SHIPPED", updated: at(3600_000) },
    { id: "BOOKED-1", so: "9000000003", state: "CREATED", status: null, updated: at(3600_000) },
    { id: "FRESH-1", so: "9000000004", state: "CREATED", status: "PROCESSING", updated: at(60_000) },
    { id: "NEW-1", so: null, state: "RECEIVED", status: null, updated: at(1_000) },
  ];
  for (const m of moving)
    await db.$executeRaw`
      INSERT INTO order_link (id, storefront_order_id, sap_sales_order, state, customer_id, currency,
        kafka_topic, kafka_partition, kafka_offset, sap_status, sap_status_version, sap_status_at,
        received_at, created_at, updated_at)
      VALUES (gen_random_uuid(), ${m.id}, ${m.so}, ${m.state}::order_state, 'C1', 'EUR', 'orders', 0, 1,
        ${m.status}, ${m.status ? m.updated.getTime() : null}::bigint, ${m.status ? m.updated : null}::timestamptz,
        ${m.updated}, ${m.updated}, ${m.updated})`;
  await db.$executeRawUnsafe("ANALYZE order_link");
}, 120_000);
afterAll(async () => {
  await db?.close();
  await database?.drop();
});

/** The checks' collaborators other than the ledger's table: recorded, never reached over a network. */
function reconcilerOn(tx: Prisma.TransactionClient) {
  const polled: string[] = [];
  const looks: Date[] = [];
  const deps: Deps = {
    // The reconciler asks only orderLink's queries of its db; the transaction's client has them.
    db: tx as unknown as Db,
    ledger: {
      async recordPosition() {
        return true;
      },
      async noteById() {},
      // The ledger's own claim, on the check's transaction (its rows count as the check's reads).
      async claimStatusPolls(limit, unmovedSince) {
        const claimed = await new OrderLedger(tx as unknown as Db).claimStatusPolls(limit, unmovedSince);
        polled.push(...claimed.map((c) => c.id));
        return claimed;
      },
    },
    storefront: {
      async current() {
        return new Map();
      },
      async applySap() {
        return "applied";
      },
    } as unknown as Deps["storefront"], // only current and applySap are asked
    producer: {} as Producer, // nothing is unpositioned here: nothing to produce
    sap: {
      salesOrders: {
        async listChangedSince(since: Date) {
          looks.push(since);
          return { items: [], total: 0 };
        },
      },
    } as unknown as Deps["sap"], // only listChangedSince is asked
    onDuplicate: async () => {},
    logger: recordingLogger().logger,
    stuckAfterMs: 5 * 60_000,
  };
  return { reconciler: new OrderReconciler(deps), polled, looks };
}

/** Runs one check in a transaction; its answer, and the order_link rows PostgreSQL read for it. */
async function measured<T>(
  check: (r: OrderReconciler, seen: { polled: string[]; looks: Date[] }) => Promise<T>,
) {
  return db.$transaction(async (tx) => {
    // The backend's counts not yet reported include earlier transactions': the check's are the
    // difference.
    const read = async () => {
      const [row] = await tx.$queryRaw<{ read: number }[]>`
        SELECT (seq_tup_read + COALESCE(idx_tup_fetch, 0))::int AS read
        FROM pg_stat_xact_user_tables WHERE relname = 'order_link'`;
      if (!row) throw new Error("no statistics for order_link");
      return row.read;
    };
    const before = await read();
    const { reconciler, ...seen } = reconcilerOn(tx);
    const answer = await check(reconciler, seen);
    return { answer, rowsRead: (await read()) - before };
  });
}

describe(`the reconciler's checks on a ledger of ${SETTLED.toLocaleString("en")} settled orders`, () => {
  it("the status poll reads the orders still awaiting a final status, not the billed ones", async () => {
    const { answer, rowsRead } = await measured(async (r, { polled }) => {
      const salesOrders: string[] = [];
      await r.pollStaleStatuses(
        async (so) => {
          salesOrders.push(so);
        },
        50,
        NOW,
      );
      return { salesOrders: salesOrders.sort(), polled: polled.length };
    });
    expect(answer).toEqual({ salesOrders: ["9000000001", "9000000002", "9000000003"], polled: 3 });
    expect(rowsRead).toBeLessThan(50);
  });

  it("two replicas polling at once claim different orders (SKIP LOCKED): SAP is asked about each once", async () => {
    const cutoff = new Date(NOW.getTime() - 5 * 60_000);
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let first: { salesOrder: string }[] | undefined;
    // Replica A has claimed two and is still polling them (its transaction open, rows locked) …
    const a = db.$transaction(async (tx) => {
      first = await new OrderLedger(tx as unknown as Db).claimStatusPolls(2, cutoff);
      await held;
    });
    for (let i = 0; i < 200 && !first; i++) await new Promise((r) => setTimeout(r, 10));
    // … when replica B's sweep starts: it skips A's rows instead of reading them again.
    const second = await new OrderLedger(db).claimStatusPolls(2, cutoff);
    release();
    await a;
    expect(first?.map((c) => c.salesOrder)).toHaveLength(2);
    expect(second).toHaveLength(1);
    expect([...(first ?? []), ...second].map((c) => c.salesOrder).sort()).toEqual([
      "9000000001",
      "9000000002",
      "9000000003",
    ]);
  });

  it("the duplicate check's first look finds SAP's newest status time from one index entry", async () => {
    const { answer: looks, rowsRead } = await measured(async (r, { looks }) => {
      await r.findDuplicates();
      return looks;
    });
    // The first look starts an hour before the newest SAP time in the ledger (FRESH-1's, a
    // minute ago), less the 5-minute overlap.
    expect(looks).toEqual([new Date(NOW.getTime() - 60_000 - 3600_000 - 5 * 60_000)]);
    expect(rowsRead).toBeLessThan(50);
  });

  it("levelling the read model reads no settled order", async () => {
    const { rowsRead } = await measured((r) => r.levelReadModel(2 * 3600_000, NOW));
    expect(rowsRead).toBeLessThan(50);
  });

  it("the outbox and stuck-order checks read only orders not yet booked", async () => {
    const unpositioned = await measured((r) => r.reproduceUnpositioned(NOW));
    expect(unpositioned.answer).toEqual([]);
    expect(unpositioned.rowsRead).toBeLessThan(50);
    const stuck = await measured((r) => r.countStuck(NOW));
    expect(stuck.answer).toEqual({ RECEIVED: 0, QUEUED: 0, SUBMITTING: 0 });
    expect(stuck.rowsRead).toBeLessThan(50);
  });
});
