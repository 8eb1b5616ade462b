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
      created: n,
    });
    // Every statement now finds an existing document (the case that exhausted FerretDB's pool);
    // the content differs (new images), so each is written.
    expect(
      await rm.upsertProducts(
        Array.from({ length: n }, (_, i) => ({ ...product(i, 1), images: [{ url: `u${i}`, alt: "" }] })),
        { rewriteSameVersion: true },
      ),
    ).toEqual({ applied: n, stale: 0, created: 0 });
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

  it("loads a page insert-first: new products inserted, existing ones only replaced by newer or equal versions", {
    timeout: 120_000,
  }, async () => {
    const load = (i: number, version: number, name: string) => ({
      ...product(i, version),
      _id: `LOAD-${String(i).padStart(4, "0")}`,
      name,
    });
    await rm.upsertProducts(Array.from({ length: 200 }, (_, i) => load(i, 5, "stored")));
    const page = [
      ...Array.from({ length: 100 }, (_, i) => load(i, 4, "older")), // stale: stored is newer
      ...Array.from({ length: 100 }, (_, i) => load(100 + i, 5, "same version")), // rewritten
      ...Array.from({ length: 200 }, (_, i) => load(200 + i, 1, "new")), // inserted
    ];
    expect(await rm.insertProducts(page, { rewriteSameVersion: true })).toEqual({
      applied: 300,
      stale: 100,
      created: 200,
    });
    const names = async (from: number, to: number) =>
      new Set(
        (
          await rm.products
            .find({
              _id: {
                $gte: `LOAD-${String(from).padStart(4, "0")}`,
                $lt: `LOAD-${String(to).padStart(4, "0")}`,
              },
            })
            .toArray()
        ).map((d) => `${d.name} v${d.version}`),
      );
    expect(await names(0, 100)).toEqual(new Set(["stored v5"]));
    expect(await names(100, 200)).toEqual(new Set(["same version v5"]));
    expect(await names(200, 400)).toEqual(new Set(["new v1"]));
    expect(await rm.products.countDocuments({ _id: { $regex: "^LOAD-" } })).toBe(400);
    // A page that is all new is one insert; its documents carry what the upsert path writes.
    expect(await rm.insertProducts([load(500, 1, "Fresh")])).toEqual({ applied: 1, stale: 0, created: 1 });
    const fresh = await rm.products.findOne({ _id: "LOAD-0500" });
    expect(fresh?.searchText).toBe("fresh bulk");
    expect(fresh?.searchTokens).toEqual(["f", "fr", "fre", "fres", "fresh", "b", "bu", "bul", "bulk"]);
    expect(fresh?.updatedAt).toBeInstanceOf(Date);
  });

  it("does not let a stale write in a bulk hide the newer ones after it", async () => {
    const doc = (id: string, version: number) => ({
      ...product(0, version),
      _id: id,
      name: `${id} v${version}`,
    });
    await rm.upsertProducts([doc("ORDER-A", 5), doc("ORDER-B", 1), doc("ORDER-C", 1)]);
    // A is stale (5 is stored); B and C come after it in the same command and are newer.
    expect(await rm.upsertProducts([doc("ORDER-A", 3), doc("ORDER-B", 2), doc("ORDER-C", 2)])).toEqual({
      applied: 2,
      stale: 1,
      created: 0,
    });
    const names = (await rm.products.find({ _id: { $in: ["ORDER-A", "ORDER-B", "ORDER-C"] } }).toArray())
      .map((d) => d.name)
      .sort();
    expect(names).toEqual(["ORDER-A v5", "ORDER-B v2", "ORDER-C v2"]);
  });

  it("removes products marked for deletion unless a newer version is stored", async () => {
    const doc = (id: string, version: number) => ({ ...product(0, version), _id: id });
    await rm.upsertProducts([doc("DEL-A", 3), doc("DEL-B", 9)]);
    // A's flag is newer than what is stored; B was changed again after the flag (version 9).
    expect(
      await rm.removeProducts([
        { _id: "DEL-A", version: 4 },
        { _id: "DEL-B", version: 8 },
        { _id: "DEL-NEVER-STORED", version: 1 },
      ]),
    ).toBe(1);
    expect(await rm.products.findOne({ _id: "DEL-A" })).toBeNull();
    expect((await rm.products.findOne({ _id: "DEL-B" }))?.version).toBe(9);
  });

  it("finds by a list of values one equality each, or by $in past 50, with the same answer", async () => {
    const levels = Array.from({ length: 120 }, (_, i) => ({
      sku: `EACH-${i % 60}`,
      plant: i < 60 ? "1010" : "1020",
      quantity: i,
      version: 1,
    }));
    await rm.setStock(levels);
    const skus = (n: number) => Array.from({ length: n }, (_, i) => `EACH-${i}`);
    const ids = (docs: { _id: string }[]) => docs.map((d) => d._id).sort();
    // 3 SKUs (with a repeat): equality lookups; 60 SKUs: one $in. Both find each plant's row.
    const few = await rm.findEach(rm.stock, "sku", [...skus(3), "EACH-1", "NONE"]);
    expect(ids(few)).toEqual([
      "EACH-0|1010",
      "EACH-0|1020",
      "EACH-1|1010",
      "EACH-1|1020",
      "EACH-2|1010",
      "EACH-2|1020",
    ]);
    const many = await rm.findEach(rm.stock, "sku", skus(60));
    expect(many).toHaveLength(120);
    expect((await rm.stockFor(["EACH-5", "EACH-6"])).get("EACH-6")).toMatchObject({ available: 6 + 66 });
  });
});
