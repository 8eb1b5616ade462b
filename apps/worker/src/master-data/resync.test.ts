import type { BulkOutcome } from "@icp/read-model";
import { describe, expect, it } from "vitest";
import { type Page, type ProductInput, pageWriter, readAhead } from "./resync";

const product = (id: string): ProductInput => ({
  _id: id,
  name: id,
  description: "",
  category: null,
  price: null,
  features: {},
  images: [],
  sapLastChange: null,
  version: 1,
});
const page = (ids: string[]): Page<unknown> => ({ items: ids.map(product), total: 0, newestChange: null });

/** A read model that records which write path each page took and reports `created` from a set of known ids. */
function recordingReadModel(known: Set<string>) {
  const calls: string[] = [];
  const outcome = (docs: ProductInput[]): BulkOutcome => {
    const created = docs.filter((d) => !known.has(d._id)).length;
    for (const d of docs) known.add(d._id);
    return { applied: docs.length, stale: 0, created };
  };
  const rm = {
    insertProducts: async (docs: ProductInput[]) => {
      calls.push(`insert ${docs.length}`);
      return outcome(docs);
    },
    upsertProducts: async (docs: ProductInput[]) => {
      calls.push(`upsert ${docs.length}`);
      return outcome(docs);
    },
    removeProducts: async (docs: { _id: string; version: number }[]) => {
      calls.push(`remove ${docs.map((d) => d._id).join(",")}`);
      return docs.length;
    },
    setPrices: async () => ({ applied: 0, stale: 0, created: 0 }),
    setStock: async () => ({ applied: 0, stale: 0, created: 0 }),
    upsertCustomers: async () => ({ applied: 0, stale: 0, created: 0 }),
  };
  return { rm, calls };
}

describe("resync page writer", () => {
  it("inserts first while pages are mostly new, upserts once a page was mostly known, and back", async () => {
    const { rm, calls } = recordingReadModel(new Set(["B1", "B2", "B3"]));
    const write = pageWriter(rm, "PRODUCTS", true);
    await write(page(["A1", "A2", "A3", "A4"])); // all new
    await write(page(["B1", "B2", "B3", "B4"])); // 3 of 4 known: switch to upserts
    await write(page(["C1", "C2", "C3", "C4"])); // upserted, but all new: switch back
    await write(page(["D1", "D2"]));
    expect(calls).toEqual(["insert 4", "insert 4", "upsert 4", "insert 2"]);
  });

  it("removes the products SAP marked for deletion, after writing the page's live ones", async () => {
    const { rm, calls } = recordingReadModel(new Set());
    const write = pageWriter(rm, "PRODUCTS", false);
    await write({
      ...page(["A1"]),
      removed: [
        { _id: "GONE1", version: 5 },
        { _id: "GONE2", version: 6 },
      ],
    });
    await write(page(["A2"]));
    expect(calls).toEqual(["upsert 1", "remove GONE1,GONE2", "upsert 1"]);
  });

  it("never inserts first in a delta run", async () => {
    const { rm, calls } = recordingReadModel(new Set());
    const write = pageWriter(rm, "PRODUCTS", false);
    await write(page(["A1", "A2"]));
    await write(page(["A3"]));
    expect(calls).toEqual(["upsert 2", "upsert 1"]);
  });
});

describe("readAhead", () => {
  it("reads the next item while the consumer works on the current one", async () => {
    const events: string[] = [];
    async function* source() {
      for (const n of [1, 2, 3]) {
        events.push(`read ${n}`);
        yield n;
      }
    }
    for await (const n of readAhead(source())) {
      await new Promise((r) => setTimeout(r, 5));
      events.push(`wrote ${n}`);
    }
    expect(events).toEqual(["read 1", "read 2", "wrote 1", "read 3", "wrote 2", "wrote 3"]);
  });

  it("surfaces a failed read when that item is asked for, after the ones before it", async () => {
    async function* source() {
      yield 1;
      throw new Error("SAP answered 503");
    }
    const seen: number[] = [];
    await expect(
      (async () => {
        for await (const n of readAhead(source())) seen.push(n);
      })(),
    ).rejects.toThrow("SAP answered 503");
    expect(seen).toEqual([1]);
  });

  it("closes the source when the consumer stops early (a cancelled run)", async () => {
    let closed = false;
    async function* source() {
      try {
        for (let n = 1; ; n++) yield n;
      } finally {
        closed = true;
      }
    }
    for await (const n of readAhead(source())) if (n === 2) break;
    expect(closed).toBe(true);
  });
});
