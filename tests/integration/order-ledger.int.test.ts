import { appRouter, createCallerFactory } from "@icp/api";
import { contextFor, fakeServices } from "@icp/api/testing";
import { createPrisma, type Db, migrate, type Prisma } from "@icp/db";
import { createTestDatabase, MIGRATIONS_DIR, type TestDatabase } from "@icp/db/test-database";
import { OrderLedger } from "@icp/orders";
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

/**
 * A client that counts its interactive transactions and records what aborted one: a deadlock
 * PostgreSQL broke shows as a second transaction. `inside(tx)` wraps each transaction's client.
 */
function counted(inside: (tx: Prisma.TransactionClient) => Prisma.TransactionClient = (tx) => tx) {
  const seen = { transactions: 0, aborted: [] as string[] };
  const client = new Proxy(db, {
    get(target, prop, receiver) {
      if (prop !== "$transaction") return Reflect.get(target, prop, receiver);
      return (fn: (tx: Prisma.TransactionClient) => Promise<unknown>, ...rest: unknown[]) => {
        seen.transactions++;
        return (target.$transaction as (...a: unknown[]) => Promise<unknown>)
          .call(target, (tx: Prisma.TransactionClient) => fn(inside(tx)), ...rest)
          .catch((e: unknown) => {
            seen.aborted.push(String(e));
            throw e;
          });
      };
    },
  });
  return { client, seen };
}

/**
 * The race the browser suite found: an operator retries an order's failure while the worker,
 * running that very retry, books the order in SAP. Both transactions touch the order's row and
 * its failure; PostgreSQL aborted one of them as a deadlock, the worker counted that as a failed
 * attempt, and the order ended FAILED although SAP had booked it. The console's retry handler
 * (the real one, through the console API's router) takes the order's row first, as the ledger does.
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
    const worker = counted();
    const ledger = new OrderLedger(worker.client);

    // The worker books the order right after the console moved the failure to RETRYING, while
    // the console's transaction is still open (it pauses there for 400 ms).
    let booked: Promise<unknown> | undefined;
    const consoleSide = counted((tx) => {
      const failures = tx.failureRecord;
      return new Proxy(tx, {
        get(target, prop, receiver) {
          if (prop !== "failureRecord") return Reflect.get(target, prop, receiver);
          return new Proxy(failures, {
            get(model, op, r) {
              if (op !== "updateMany") return Reflect.get(model, op, r);
              return async (args: Prisma.FailureRecordUpdateManyArgs) => {
                const moved = await failures.updateMany(args);
                booked ??= ledger.markCreated(orderId, "1000123", { createdNow: true, attempt: 1 });
                await new Promise((resolve) => setTimeout(resolve, 400));
                return moved;
              };
            },
          });
        },
      });
    });
    const operator = createCallerFactory(appRouter)(
      contextFor(
        "operator",
        fakeServices({
          db: consoleSide.client,
          failures: { retry: async () => ({ state: "RETRYING", detail: "order job re-added" }) },
        }),
      ),
    );

    await expect(operator.failures.retry({ id: failure.id })).resolves.toMatchObject({ id: failure.id });
    await expect(booked).resolves.toEqual({ kind: "booked" });

    expect(consoleSide.seen.aborted).toEqual([]);
    expect(worker.seen.aborted).toEqual([]);
    expect(consoleSide.seen.transactions).toBe(1);
    expect(worker.seen.transactions).toBe(1);
    const after = await db.orderLink.findUniqueOrThrow({ where: { id: link.id } });
    expect(after).toMatchObject({ state: "CREATED", sapSalesOrder: "1000123" });
    const f = await db.failureRecord.findUniqueOrThrow({ where: { id: failure.id } });
    expect(f).toMatchObject({ state: "RESOLVED", resolvedBy: "worker" });
    const kinds = (
      await db.orderEvent.findMany({ where: { orderLinkId: link.id }, orderBy: { at: "asc" } })
    ).map((e) => e.kind);
    expect(kinds).toEqual(["OPERATOR_ACTION", "SAP_CREATED"]);
    expect(await db.auditLog.count({ where: { action: "failure.retry", targetId: failure.id } })).toBe(1);
  });
});

describe("a booking under a sales order number the ledger links to another order", () => {
  it("records nothing and names the order holding the number", async () => {
    const stamp = Date.now();
    const holder = await db.orderLink.create({
      data: {
        storefrontOrderId: `IT-HOLDER-${stamp}`,
        customerId: "C1",
        currency: "EUR",
        state: "CREATED",
        sapSalesOrder: "7000001",
      },
    });
    const late = await db.orderLink.create({
      data: { storefrontOrderId: `IT-LATE-${stamp}`, customerId: "C1", currency: "EUR", state: "SUBMITTING" },
    });
    const ledger = new OrderLedger(db);

    await expect(
      ledger.markCreated(late.storefrontOrderId, "7000001", { createdNow: true, attempt: 1 }),
    ).resolves.toEqual({ kind: "number-taken", holder: holder.storefrontOrderId });

    const after = await db.orderLink.findUniqueOrThrow({ where: { id: late.id }, include: { events: true } });
    expect(after).toMatchObject({ state: "SUBMITTING", sapSalesOrder: null });
    expect(after.events).toEqual([]);
    expect(await db.orderLink.findUniqueOrThrow({ where: { id: holder.id } })).toMatchObject({
      state: "CREATED",
      sapSalesOrder: "7000001",
    });
  });
});
