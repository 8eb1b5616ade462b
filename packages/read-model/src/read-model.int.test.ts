import { randomBytes } from "node:crypto";
import { loadEnv } from "@icp/config";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ReadModel } from "./read-model";

/**
 * Large bulk upserts on the local stack's MongoDB-compatible server. A page of 600 updates to
 * existing documents in one command held one PostgreSQL connection per statement in FerretDB
 * and, past its pool, never returned; the read model now sends them in chunks.
 */
let rm: ReadModel;

beforeAll(async () => {
  const url = new URL(loadEnv().MONGODB_URL);
  url.pathname = `/rm_it_${randomBytes(4).toString("hex")}`;
  rm = await ReadModel.connect(url.toString(), { appName: "read-model-it" });
});

afterAll(async () => {
  await rm?.db.dropDatabase();
  await rm?.close();
});

const product = (i: number, version: number) => ({
  _id: `BULK-${String(i).padStart(4, "0")}`,
  name: `Product ${i}`,
  description: "bulk",
  category: null,
  price: null,
  features: {},
  images: [],
  sapLastChange: null,
  version,
});

describe("read model bulk writes", () => {
  it("upserts 600 products, rewrites all 600 again, and sets 600 prices", { timeout: 120_000 }, async () => {
    const n = 600;
    expect(await rm.upsertProducts(Array.from({ length: n }, (_, i) => product(i, 1)))).toEqual({
      applied: n,
      stale: 0,
    });
    // Every statement now finds an existing document (the case that exhausted FerretDB's pool).
    expect(
      await rm.upsertProducts(
        Array.from({ length: n }, (_, i) => product(i, 1)),
        { rewriteSameVersion: true },
      ),
    ).toEqual({ applied: n, stale: 0 });
    const prices = await rm.setPrices(
      Array.from({ length: n }, (_, i) => ({
        sku: product(i, 1)._id,
        amount: "9.90",
        currency: "EUR",
        validFrom: null,
      })),
    );
    expect(prices.applied).toBe(n);
    expect(await rm.products.countDocuments({ "price.amountNum": 9.9 })).toBe(n);
  });
});
