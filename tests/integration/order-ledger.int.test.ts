import { createPrisma, type Db, migrate } from "@icp/db";
import { createTestDatabase, MIGRATIONS_DIR, type TestDatabase } from "@icp/db/test-database";
import { lockOrder, OrderLedger, recordOperatorAction } from "@icp/orders";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/** The order owner's writes on a real PostgreSQL (its locks, its deadlock detector). */
let tdb: TestDatabase;
let db: Db;

beforeAll(async () => {
  tdb = await createTestDatabase();
  await migrate(tdb.url, MIGRATIONS_DIR);
  db = createPrisma(tdb.url);
}, 60_000);

afterAll(async () => {
  await db?.$disconnect();
  await tdb?.drop();
});

/** The ledger on a client that counts its transactions: a deadlock shows as a second one. */
function countingLedger() {
  let transactions = 0;
  const aborted: unknown[] = [];
  const counted = new Proxy(db, {
    get(target, prop, receiver) {
      if (prop === "$transaction") {
        return (...args: Parameters<Db["$transaction"]>) => {
          transactions++;
          return (target.$transaction as (...a: unknown[]) => Promise<unknown>)
            .apply(target, args)
            .catch((e: unknown) => {
              aborted.push(e);
              throw e;
            });
        };
      }
      return Reflect.get(target, prop, receiver);
    },
  });
  return { ledger: new OrderLedger(counted), transactions: () => transactions, aborted };
}

/**
 * The race the browser suite found: an operator retries an order's failure while the worker,
 * running that very retry, books the order in SAP. Both transactions touch the order's row and
 * its failure; PostgreSQL aborted one of them as a deadlock, the worker counted that as a failed
 * attempt, and the order ended FAILED although SAP had booked it. The console's side takes the
 * order's row first, as the ledger does.
 */
describe("an operator's retry and the worker's booking of the same order", () => {
  it("queue behind each other: no deadlock, the order CREATED, its failure RESOLVED", async () => {
    const orderId = `IT-LOCK-${Date.now()}`;
    const link = await db.orderLink.create({
      data: { storefrontOrderId: orderId, customerId: "C1", currency: "EUR", state: "FAILED" },
    });
    const failure = await db.failureRecord.create({
      data: {
        flow: "ORDERS",
        errorClass: "TRANSIENT",
        message: "503 from SAP",
        payload: { orderId },
        entityKey: orderId,
        orderLinkId: link.id,
        jobId: orderId,
        state: "OPEN",
      },
    });
    const { ledger, transactions, aborted } = countingLedger();

    let booked: Promise<unknown> | undefined;
    // What the console's retry handler does, in its order, with the worker's booking started
    // while the console's transaction holds its locks.
    await db.$transaction(async (tx) => {
      await lockOrder(tx, link.id);
      await tx.failureRecord.updateMany({
        where: { id: failure.id, state: "OPEN" },
        data: { state: "RETRYING", lastAttemptAt: new Date() },
      });
      booked = ledger.markCreated(orderId, "1000123", { createdNow: true, attempt: 1 });
      await new Promise((r) => setTimeout(r, 400));
      await recordOperatorAction(tx, link.id, {
        action: "failure.retry",
        failureId: failure.id,
        by: "ops@it",
      });
    });
    await expect(booked).resolves.toEqual({ kind: "booked" });

    expect(aborted.map((e) => String(e))).toEqual([]);
    expect(transactions()).toBe(1);
    const after = await db.orderLink.findUniqueOrThrow({ where: { id: link.id } });
    expect(after).toMatchObject({ state: "CREATED", sapSalesOrder: "1000123" });
    const f = await db.failureRecord.findUniqueOrThrow({ where: { id: failure.id } });
    expect(f).toMatchObject({ state: "RESOLVED", resolvedBy: "worker" });
    const kinds = (
      await db.orderEvent.findMany({ where: { orderLinkId: link.id }, orderBy: { at: "asc" } })
    ).map((e) => e.kind);
    expect(kinds).toEqual(["OPERATOR_ACTION", "SAP_CREATED"]);
  });
});
