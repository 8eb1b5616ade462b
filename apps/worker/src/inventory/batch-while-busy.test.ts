import { describe, expect, it } from "vitest";
import { batchWhileBusy } from "./batch-while-busy";

/** A run whose batches end when the test says so. */
function gated() {
  const batches: number[][] = [];
  const gates: (() => void)[] = [];
  const run = async (items: number[]) => {
    batches.push(items);
    await new Promise<void>((r) => gates.push(r));
    return items.map((i) => i * 10);
  };
  const open = async () => {
    gates.shift()?.();
    await new Promise((r) => setImmediate(r));
  };
  return { batches, run, open };
}

describe("batchWhileBusy", () => {
  it("runs a call made alone at once, and batches what arrives while it runs", async () => {
    const g = gated();
    const load = batchWhileBusy(g.run, { max: 100, inFlight: 1 });
    const first = load(1);
    await new Promise((r) => setImmediate(r));
    expect(g.batches).toEqual([[1]]);
    const rest = [2, 3, 4].map(load);
    expect(g.batches).toHaveLength(1);
    await g.open();
    expect(await first).toBe(10);
    expect(g.batches).toEqual([[1], [2, 3, 4]]);
    await g.open();
    expect(await Promise.all(rest)).toEqual([20, 30, 40]);
  });

  it("keeps at most `inFlight` batches running and `max` items in each", async () => {
    const g = gated();
    const load = batchWhileBusy(g.run, { max: 2, inFlight: 2 });
    const all = [1, 2, 3, 4, 5, 6, 7].map(load);
    await new Promise((r) => setImmediate(r));
    expect(g.batches).toEqual([
      [1, 2],
      [3, 4],
    ]);
    await g.open();
    expect(g.batches).toEqual([
      [1, 2],
      [3, 4],
      [5, 6],
    ]);
    await g.open();
    await g.open();
    await g.open();
    expect(await Promise.all(all)).toEqual([10, 20, 30, 40, 50, 60, 70]);
    expect(g.batches).toEqual([[1, 2], [3, 4], [5, 6], [7]]);
  });

  it("rejects every call of a failed batch with its error, and goes on with the next", async () => {
    let calls = 0;
    const load = batchWhileBusy(
      async (items: number[]) => {
        if (calls++ === 0) throw new Error("SAP is down");
        return items;
      },
      { max: 10, inFlight: 1 },
    );
    const failed = [load(1), load(2)];
    await expect(failed[0]).rejects.toThrow("SAP is down");
    await expect(failed[1]).rejects.toThrow("SAP is down");
    expect(await load(3)).toBe(3);
  });

  it("rejects a batch answered with the wrong number of results instead of mixing answers up", async () => {
    const load = batchWhileBusy(async (items: number[]) => items.slice(1), { max: 10, inFlight: 1 });
    await expect(load(1)).rejects.toThrow("0 answers for 1 items");
  });
});
