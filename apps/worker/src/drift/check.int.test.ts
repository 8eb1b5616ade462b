import { randomBytes } from "node:crypto";
import { loadEnv } from "@icp/config";
import { ReadModel } from "@icp/read-model";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DriftCheckError, readModelKeys } from "./check";

/**
 * The drift check's walk over the read model's keys on the local stack's store (FerretDB 1.x,
 * which reads and sorts the whole collection for it): in order, after a cursor, and bounded —
 * a read the store cannot finish in time is cancelled by the store and fails the check with a
 * reason, instead of running on (and being retried) for minutes.
 */
let rm: ReadModel;
const N = 3_000;
const id = (i: number) => `DRK-${String(i).padStart(5, "0")}`;

beforeAll(async () => {
  const url = new URL(loadEnv().MONGODB_URL);
  url.pathname = `/rm_drift_keys_${randomBytes(4).toString("hex")}`;
  rm = await ReadModel.connect(url.toString(), { appName: "drift-keys-it", ensureIndexes: true });
  // raw documents: only their ids matter here, and many of them make the store's scan measurable
  const docs = Array.from({ length: N }, (_, i) => ({
    _id: id(N - 1 - i),
    name: `P ${i}`,
    filler: "x".repeat(400),
  }));
  for (let i = 0; i < N; i += 500)
    await rm.products.insertMany(docs.slice(i, i + 500) as never[], { ordered: false });
});

afterAll(async () => {
  await rm?.db.dropDatabase().catch(() => undefined);
  await rm?.close();
});

describe("the read model's keys for a drift check", () => {
  it("come in _id order, after the cursor, at most the limit", async () => {
    expect(await readModelKeys(rm, "PRODUCTS", null, 3)).toEqual([id(0), id(1), id(2)]);
    expect(await readModelKeys(rm, "PRODUCTS", id(1500), 2)).toEqual([id(1501), id(1502)]);
    expect(await readModelKeys(rm, "PRODUCTS", id(N - 1), 5)).toEqual([]);
  });

  it("a read past its time is cancelled by the store and fails the check with why", async () => {
    const err = await readModelKeys(rm, "PRODUCTS", id(10), 50, 1).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DriftCheckError);
    expect((err as DriftCheckError).code).toBe("INTERNAL");
    expect((err as Error).message).toMatch(/did not list its product keys after DRK-00010 within 0\.001 s/);
    // and the store is not left busy with it: the next bounded read answers
    expect(await readModelKeys(rm, "PRODUCTS", id(10), 1)).toEqual([id(11)]);
  });
});
