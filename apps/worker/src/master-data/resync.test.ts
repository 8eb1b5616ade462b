import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createLogger } from "@icp/observability";
import type { BulkOutcome, ReadModel } from "@icp/read-model";
import { DEFAULT_RESILIENCE, SapClient } from "@icp/sap-client";
import type { Job } from "bullmq";
import type { Redis } from "ioredis";
import { afterEach, describe, expect, it } from "vitest";
import { applyStock, type StockJobData } from "../inventory/apply-stock";
import { stockReadModel } from "../inventory/testing";
import { masterDataFrom } from "../sap";
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
    setStock: async () => ({ applied: 0, stale: 0, created: 0, stored: new Map() }),
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

describe("product.changed from the page writer", () => {
  it("passes on the products the read model wrote (not the unchanged ones) and the removed ones; nothing when none", async () => {
    const { rm } = recordingReadModel(new Set());
    const told: [string[], string[]][] = [];
    const write = pageWriter(
      {
        ...rm,
        upsertProducts: async (docs, opts) => {
          opts?.onChanged?.(docs.filter((d) => d._id.startsWith("NEW")).map((d) => d._id));
          return { applied: 1, stale: 0, created: 0 };
        },
        setPrices: async (items) => ({ applied: items.length, stale: 0, created: 0 }),
      },
      "PRODUCTS",
      false,
      async (skus, removed) => {
        told.push([skus, removed]);
      },
    );
    await write(page(["OLD1", "NEW1", "OLD2"]));
    await write(page(["OLD3"]));
    await write({ ...page(["OLD4"]), removed: [{ _id: "GONE1", version: 2 }] });
    expect(told).toEqual([
      [["NEW1"], []],
      [[], ["GONE1"]],
    ]);
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

/** SAP's stock service on a real socket, answering with its own clock in the Date header. */
const servers: { close(): void }[] = [];
afterEach(() => {
  for (const s of servers.splice(0)) s.close();
});
async function sapWithClock(
  rows: { Material: string; Plant: string; qty: string }[],
  dateOfCall: (call: number) => Date | null,
): Promise<SapClient> {
  let calls = 0;
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "", "http://sap");
    // SAP's server-driven paging: $top rows, then `__next` with a $skiptoken to the end; a
    // keyset continuation (a filter after the last row) finds nothing after the last row
    const top = Number(url.searchParams.get("$top"));
    const skip = Number(url.searchParams.get("$skiptoken") ?? 0);
    const after = (url.searchParams.get("$filter") ?? "").includes(" gt ");
    const date = dateOfCall(++calls);
    if (date) res.setHeader("date", date.toUTCString());
    else res.sendDate = false;
    const next = new URLSearchParams(url.searchParams);
    next.set("$skiptoken", String(skip + top));
    res.writeHead(200, { "content-type": "application/json" }).end(
      JSON.stringify({
        d: {
          __count: String(rows.length),
          results: (after ? [] : rows.slice(skip, skip + top)).map((r, i) => ({
            Material: r.Material,
            Plant: r.Plant,
            StorageLocation: `1${String(skip + i).padStart(2, "0")}A`,
            InventoryStockType: "01",
            MatlWrhsStkQtyInMatlBaseUnit: r.qty,
          })),
          ...(!after && skip + top < rows.length ? { __next: `${url.pathname}?${next}` } : {}),
        },
      }),
    );
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  servers.push({ close: () => server.close() });
  return new SapClient({
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    client: "100",
    language: "EN",
    auth: { kind: "basic", username: "U", password: "pw" },
    ...DEFAULT_RESILIENCE,
    retry: { attempts: 1, baseDelayMs: 1, maxDelayMs: 1 },
  });
}

const FIVE_MINUTES = 5 * 60_000;

async function fullStockRead(sap: SapClient, rm: ReadModel, pageSize = 500): Promise<void> {
  const write = pageWriter(rm, "STOCK", true);
  for await (const page of masterDataFrom(sap).stock({ pageSize })) await write(page);
}

describe("one clock for stock versions", () => {
  it("with SAP 5 minutes behind, a stock change SAP makes after a full stock read is applied, not dropped as older", async () => {
    const sapNow = new Date(Date.now() - FIVE_MINUTES);
    const sap = await sapWithClock([{ Material: "TG11", Plant: "1010", qty: "5" }], () => sapNow);
    const { rm, levels } = stockReadModel();
    await fullStockRead(sap, rm);
    expect(levels.get("TG11|1010")?.quantity).toBe(5);

    // SAP moves the stock two seconds later and stamps its event with its own (5 min behind) clock
    const job = {
      data: { material: "TG11", plant: "1010", eventId: "e1", version: sapNow.getTime() + 2_000 },
    } as unknown as Job<StockJobData>; // only `data` is read
    const redis = { get: async () => null, eval: async () => 1 } as unknown as Redis; // get/eval only
    const result = await applyStock({
      rm,
      redis,
      readStocks: async () => new Map([["TG11|1010", 7]]),
      notify: async () => 1,
      logger: createLogger({ service: "test", level: "silent" }),
    })(job);
    expect(result.outcome).toBe("applied");
    expect(levels.get("TG11|1010")?.quantity).toBe(7);
    await sap.close();
  });

  it("versions every page of a full read with its first page's SAP time, floored to the second", async () => {
    const first = new Date(Date.UTC(2026, 11, 4, 12, 0, 0, 0));
    const sap = await sapWithClock(
      [
        { Material: "TG11", Plant: "1010", qty: "1" },
        { Material: "TG12", Plant: "1010", qty: "2" },
        { Material: "TG13", Plant: "1010", qty: "3" },
      ],
      (call) => new Date(first.getTime() + (call - 1) * 3_000),
    );
    const { rm, levels } = stockReadModel();
    await fullStockRead(sap, rm, 1);
    expect([...levels.values()].map((l) => l.version)).toEqual([
      first.getTime(),
      first.getTime(),
      first.getTime(),
    ]);
    await sap.close();
  });

  it("sums a material's storage locations even when its rows span two pages", async () => {
    const sap = await sapWithClock(
      [
        { Material: "TG11", Plant: "1010", qty: "1" },
        { Material: "TG11", Plant: "1010", qty: "2" },
        { Material: "TG11", Plant: "1010", qty: "4" },
        { Material: "TG12", Plant: "1010", qty: "8" },
      ],
      () => new Date(),
    );
    const { rm, levels } = stockReadModel();
    await fullStockRead(sap, rm, 2);
    expect(levels.get("TG11|1010")?.quantity).toBe(7);
    expect(levels.get("TG12|1010")?.quantity).toBe(8);
    await sap.close();
  });

  it("refuses to version a full read by the worker's clock when SAP sends no Date header", async () => {
    const sap = await sapWithClock([{ Material: "TG11", Plant: "1010", qty: "5" }], () => null);
    const { rm, levels } = stockReadModel();
    await expect(fullStockRead(sap, rm)).rejects.toThrow(/Date header/);
    expect(levels.size).toBe(0);
    await sap.close();
  });
});
