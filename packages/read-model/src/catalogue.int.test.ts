import { randomBytes } from "node:crypto";
import { loadEnv } from "@icp/config";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { InvalidCursorError } from "./catalogue";
import { type ProductQuery, ReadModel } from "./read-model";

/**
 * The catalogue read path and the skip-unchanged writes on the local stack's server
 * (FerretDB 1.x on PostgreSQL; production runs MongoDB). What both must do: an equality on an
 * array field matches an element (the search), a cursor's `$or` range continues a sorted list,
 * filters apply before the limit. What FerretDB must do to be fast: push the search's and the
 * digests' equality filters down to PostgreSQL.
 */
let rm: ReadModel;
const N = 230;
const WORDS = ["Hammer", "Drill", "Saw", "Wrench", "Ladder"];

const product = (i: number, version = 1) => ({
  _id: `CAT-${String(i).padStart(4, "0")}`,
  name: `${WORDS[i % WORDS.length]} ${i % 7}`,
  description: i % 2 ? "steel, heavy duty" : "aluminium",
  category: i % 3 ? "TOOLS" : "GARDEN",
  price:
    i % 10 === 0
      ? null
      : { amount: `${i % 40}.50`, amountNum: (i % 40) + 0.5, currency: "EUR", validFrom: null },
  features: {},
  images: [],
  sapLastChange: null,
  version,
});

beforeAll(async () => {
  const url = new URL(loadEnv().MONGODB_URL);
  url.pathname = `/rm_cat_${randomBytes(4).toString("hex")}`;
  rm = await ReadModel.connect(url.toString(), { appName: "read-model-catalogue-it", ensureIndexes: true });
  await rm.insertProducts(Array.from({ length: N }, (_, i) => product(i)));
  // Every third product has stock (in two plants), the others none or none left.
  await rm.setStock(
    Array.from({ length: N }, (_, i) => [
      { sku: product(i)._id, plant: "1010", quantity: i % 3 === 0 ? 2 : 0, version: 1 },
      { sku: product(i)._id, plant: "1020", quantity: i % 3 === 0 ? 1 : 0, version: 1 },
    ]).flat(),
  );
}, 120_000);

afterAll(async () => {
  await rm?.db.dropDatabase();
  await rm?.close();
});

/** Every page of a listing, following nextCursor. */
async function walk(q: Omit<ProductQuery, "pageSize" | "cursor">, pageSize: number) {
  const pages = [];
  let cursor: string | undefined;
  do {
    const page = await rm.listProducts({ ...q, pageSize, ...(cursor ? { cursor } : {}) });
    pages.push(page);
    cursor = page.nextCursor ?? undefined;
  } while (cursor && pages.length < 100);
  return pages;
}

describe("catalogue listing", () => {
  it("pages by cursor through every product once, in order, every page but the last full", {
    timeout: 60_000,
  }, async () => {
    const pages = await walk({ sort: "name" }, 40);
    const items = pages.flatMap((p) => p.items);
    expect(items.map((p) => p._id).sort()).toEqual(Array.from({ length: N }, (_, i) => product(i)._id));
    const keys = items.map((p) => `${p.name}\u0000${p._id}`);
    expect(keys).toEqual([...keys].sort());
    expect(pages.slice(0, -1).every((p) => p.items.length === 40)).toBe(true);
    expect(pages.at(-1)?.nextCursor).toBeNull();
    expect(pages.every((p) => p.total === undefined)).toBe(true);
    // Only the fields the storefront shows (no search tokens, no version).
    expect(Object.keys(items[0] ?? {}).sort()).toEqual(
      [
        "_id",
        "available",
        "description",
        "features",
        "images",
        "name",
        "price",
        "stockUpdatedAt",
        "updatedAt",
      ].sort(),
    );
  });

  it("filters before paging: inStock pages are full and hold only products in stock", {
    timeout: 60_000,
  }, async () => {
    const pages = await walk({ sort: "-price", inStock: true }, 25);
    const items = pages.flatMap((p) => p.items);
    expect(items).toHaveLength(Math.ceil(N / 3));
    expect(items.every((p) => p.available === 3)).toBe(true);
    expect(pages.slice(0, -1).every((p) => p.items.length === 25)).toBe(true);
    const prices = items.map((p) => p.price?.amountNum ?? -1);
    expect(prices).toEqual([...prices].sort((a, b) => b - a));
    const out = await walk({ sort: "name", inStock: false, category: "GARDEN" }, 50);
    expect(out.flatMap((p) => p.items).every((p) => p.available === 0)).toBe(true);
  });

  it("answers offset pages (deprecated) with an honest total, and a far page empty", async () => {
    const page = await rm.listProducts({ sort: "price", page: 2, pageSize: 10, minPrice: 10, maxPrice: 20 });
    const matching = Array.from({ length: N }, (_, i) => product(i)).filter(
      (p) => p.price && p.price.amountNum >= 10 && p.price.amountNum <= 20,
    );
    expect(page.total).toBe(matching.length);
    expect(page.items).toHaveLength(10);
    expect((await rm.listProducts({ sort: "name", page: 1000, pageSize: 50 })).items).toEqual([]);
  });

  it("searches by word prefixes, every word of the query, from the token index", async () => {
    const ham = await walk({ sort: "name", q: "HAM" }, 100);
    expect(ham.flatMap((p) => p.items).map((p) => p._id)).toHaveLength(N / WORDS.length);
    const both = (await walk({ sort: "name", q: "hamm stee" }, 100)).flatMap((p) => p.items);
    expect(both.length).toBeGreaterThan(0);
    expect(both.every((p) => p.name.startsWith("Hammer") && p.description.startsWith("steel"))).toBe(true);
    expect((await rm.listProducts({ sort: "name", q: "ammer", pageSize: 10 })).items).toEqual([]);
    expect((await rm.listProducts({ sort: "name", q: "--", pageSize: 10 })).items).toEqual([]);
    // FerretDB: the equality on the token array is pushed down to PostgreSQL (its GIN index).
    const info = await rm.db.command({ buildInfo: 1 });
    if (info.ferretdbVersion) {
      const plan = await rm.products.find({ searchTokens: "ham" }).explain();
      expect(plan.filterPushdown).toBe(true);
      expect(JSON.stringify(plan.queryPlanner)).toMatch(/Index/);
    }
  });

  it("refuses a cursor made for another sort or other filters", async () => {
    const first = await rm.listProducts({ sort: "name", pageSize: 5 });
    const cursor = first.nextCursor ?? "";
    await expect(rm.listProducts({ sort: "price", pageSize: 5, cursor })).rejects.toThrow(InvalidCursorError);
    await expect(rm.listProducts({ sort: "name", pageSize: 5, cursor, q: "saw" })).rejects.toThrow(
      InvalidCursorError,
    );
    await expect(rm.listProducts({ sort: "name", pageSize: 5, cursor: "bm90IGEgY3Vyc29y" })).rejects.toThrow(
      InvalidCursorError,
    );
  });

  it("answers one product with its stock summed over plants", async () => {
    expect(await rm.getProduct("CAT-0003")).toMatchObject({ _id: "CAT-0003", available: 3 });
    expect(await rm.getProduct("CAT-9999")).toBeNull();
  });
});

describe("writes that skip what did not change", () => {
  it("a second write of the same products writes none of them; a changed one is written", {
    timeout: 60_000,
  }, async () => {
    const docs = Array.from({ length: N }, (_, i) => product(i));
    const before = await rm.products.findOne({ _id: "CAT-0001" });
    expect(await rm.upsertProducts(docs, { rewriteSameVersion: true })).toEqual({
      applied: 0,
      stale: 0,
      created: 0,
      unchanged: N,
    });
    expect((await rm.products.findOne({ _id: "CAT-0001" }))?.updatedAt).toEqual(before?.updatedAt);
    const changed = docs.map((d, i) => (i === 1 ? { ...d, images: [{ url: "new", alt: "" }] } : d));
    expect(await rm.upsertProducts(changed, { rewriteSameVersion: true })).toEqual({
      applied: 1,
      stale: 0,
      created: 0,
      unchanged: N - 1,
    });
    expect((await rm.products.findOne({ _id: "CAT-0001" }))?.images).toEqual([{ url: "new", alt: "" }]);
  });

  it("a price change or a removal makes the next resync write the product again", {
    timeout: 60_000,
  }, async () => {
    const p2 = product(2);
    await rm.setPrices([{ sku: p2._id, amount: "99.00", currency: "EUR", validFrom: null }]);
    expect(await rm.upsertProducts([p2], { rewriteSameVersion: true })).toEqual({
      applied: 1,
      stale: 0,
      created: 0,
    });
    expect((await rm.products.findOne({ _id: p2._id }))?.price?.amount).toBe(p2.price?.amount);
    await rm.removeProducts([{ _id: p2._id, version: 1 }]);
    expect(await rm.upsertProducts([p2], { rewriteSameVersion: true })).toEqual({
      applied: 1,
      stale: 0,
      created: 1,
    });
  });

  it("customers too", async () => {
    const c = {
      _id: "CUST-1",
      name: "Acme",
      addresses: [],
      paymentTerms: null,
      blocked: false,
      version: 3,
    };
    expect(await rm.upsertCustomers([c])).toEqual({ applied: 1, stale: 0, created: 1 });
    expect(await rm.upsertCustomers([c])).toEqual({ applied: 0, stale: 0, created: 0, unchanged: 1 });
    expect(await rm.upsertCustomers([{ ...c, name: "Acme AG", version: 4 }])).toEqual({
      applied: 1,
      stale: 0,
      created: 0,
    });
  });
});
