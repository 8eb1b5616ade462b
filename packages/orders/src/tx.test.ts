import type { Db } from "@icp/db";
import { describe, expect, it } from "vitest";
import { inTransaction, isTxConflict } from "./tx";

/** A client whose transactions fail with `errors`, one per call, then run the callback. */
function flakyDb(errors: unknown[]) {
  let calls = 0;
  const db = {
    async $transaction<T>(fn: (tx: unknown) => Promise<T>): Promise<T> {
      calls++;
      const err = errors.shift();
      if (err) throw err;
      return fn(db);
    },
  };
  return { db: db as unknown as Db, calls: () => calls };
}

const deadlock = Object.assign(new Error("Transaction failed due to a write conflict or a deadlock"), {
  code: "P2034",
});

describe("inTransaction", () => {
  it("runs a transaction PostgreSQL aborted for a deadlock again, and returns its result", async () => {
    const { db, calls } = flakyDb([deadlock, deadlock]);
    await expect(inTransaction(db, async () => "booked")).resolves.toBe("booked");
    expect(calls()).toBe(3);
  });

  it("gives up after its tries and throws the conflict", async () => {
    const { db, calls } = flakyDb([deadlock, deadlock, deadlock]);
    await expect(inTransaction(db, async () => "booked", 3)).rejects.toBe(deadlock);
    expect(calls()).toBe(3);
  });

  it("does not run again on any other error", async () => {
    const other = Object.assign(new Error("unique constraint"), { code: "P2002" });
    const { db, calls } = flakyDb([other]);
    await expect(inTransaction(db, async () => "booked")).rejects.toBe(other);
    expect(calls()).toBe(1);
  });
});

describe("isTxConflict", () => {
  it("knows Prisma's code, PostgreSQL's codes, and a driver error wrapped as the cause", () => {
    expect(isTxConflict({ code: "P2034" })).toBe(true);
    expect(isTxConflict({ code: "40P01" })).toBe(true);
    expect(isTxConflict({ meta: { code: "40001" } })).toBe(true);
    expect(isTxConflict(new Error("x", { cause: { code: "40P01" } }))).toBe(true);
    expect(isTxConflict({ code: "P2002" })).toBe(false);
    expect(isTxConflict("40P01")).toBe(false);
  });
});
