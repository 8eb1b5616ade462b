import type { Db, Prisma } from "@icp/db";

/**
 * PostgreSQL gave up on the transaction to break a deadlock (40P01) or a serialization
 * conflict (40001); Prisma reports both as P2034. Nothing of it was written, so running the
 * whole transaction again is safe.
 */
export function isTxConflict(err: unknown): boolean {
  if (typeof err !== "object" || err === null) return false;
  const e = err as { code?: unknown; cause?: unknown; meta?: { code?: unknown } };
  if (e.code === "P2034" || e.code === "40P01" || e.code === "40001") return true;
  if (e.meta?.code === "40P01" || e.meta?.code === "40001") return true;
  return e.cause !== undefined && e.cause !== err && isTxConflict(e.cause);
}

/**
 * One interactive transaction, run again (up to `tries` times, after a short random pause) when
 * PostgreSQL aborted it for a deadlock or serialization conflict. Every writer of an order's
 * rows goes through this, so two of them racing (a worker booking the order while an operator
 * retries its failure) both land instead of one failing the order.
 */
export async function inTransaction<T>(
  db: Db,
  fn: (tx: Prisma.TransactionClient) => Promise<T>,
  tries = 4,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.$transaction(fn);
    } catch (err) {
      if (attempt >= tries || !isTxConflict(err)) throw err;
      await new Promise((r) => setTimeout(r, 10 * attempt + Math.floor(Math.random() * 40)));
    }
  }
}

/**
 * Lock the order's ledger row for the rest of the transaction. Transactions that touch an
 * order's failure records take this first, the way the ledger's own writes do (order row, then
 * failure), so they queue behind each other instead of deadlocking.
 */
export async function lockOrder(tx: Prisma.TransactionClient, orderLinkId: string): Promise<void> {
  await tx.$queryRaw`SELECT 1 FROM order_link WHERE id = ${orderLinkId}::uuid FOR UPDATE`;
}
