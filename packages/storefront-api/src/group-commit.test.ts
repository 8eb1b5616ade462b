import { describe, expect, it } from "vitest";
import { GroupCommit, groupCommitStats, SingleFlight, singleFlightStats } from "./group-commit";

const tick = () => new Promise((r) => setImmediate(r));

describe("GroupCommit", () => {
  it("serves the calls that arrive while a flush runs with one flush, each its own result", async () => {
    const flushed: number[][] = [];
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const gc = new GroupCommit<number, string>(
      async (items) => {
        flushed.push(items);
        if (flushed.length === 1) await gate;
        return items.map((i) => `#${i}`);
      },
      { name: "test.batching", concurrency: 1 },
    );
    const first = gc.run(1);
    await tick();
    // The first flush is running: these wait and go together.
    const rest = [2, 3, 4].map((i) => gc.run(i));
    await tick();
    expect(flushed).toEqual([[1]]);
    release();
    expect(await Promise.all([first, ...rest])).toEqual(["#1", "#2", "#3", "#4"]);
    expect(flushed).toEqual([[1], [2, 3, 4]]);
    expect(groupCommitStats()["test.batching"]).toMatchObject({ batches: 2, items: 4, isolated: 0 });
    expect(groupCommitStats()["test.batching"]?.flushMs).toBeGreaterThan(0);
  });

  it("flushes a call on an idle batcher at once, alone", async () => {
    const flushed: number[][] = [];
    const gc = new GroupCommit<number, number>(
      async (items) => {
        flushed.push(items);
        return items;
      },
      { name: "test.idle" },
    );
    expect(await gc.run(7)).toBe(7);
    expect(await gc.run(8)).toBe(8);
    expect(flushed).toEqual([[7], [8]]);
  });

  it("keeps batches within maxBatch and runs at most `concurrency` flushes at once", async () => {
    let running = 0;
    let most = 0;
    const sizes: number[] = [];
    const gc = new GroupCommit<number, number>(
      async (items) => {
        running++;
        most = Math.max(most, running);
        sizes.push(items.length);
        await new Promise((r) => setTimeout(r, 5));
        running--;
        return items;
      },
      { name: "test.limits", maxBatch: 3, concurrency: 2 },
    );
    const out = await Promise.all(Array.from({ length: 20 }, (_, i) => gc.run(i)));
    expect(out).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(Math.max(...sizes)).toBeLessThanOrEqual(3);
    expect(most).toBe(2);
  });

  it("with isolateFailures, retries a failed batch one by one so only the bad item fails", async () => {
    const gc = new GroupCommit<number, number>(
      async (items) => {
        if (items.includes(13)) throw new Error("13 is refused");
        return items.map((i) => i * 2);
      },
      { name: "test.isolate", isolateFailures: true, concurrency: 1 },
    );
    const runs = [1, 13, 3].map((i) =>
      gc.run(i).then(
        (v) => ({ v }),
        (e: Error) => ({ e: e.message }),
      ),
    );
    expect(await Promise.all(runs)).toEqual([{ v: 2 }, { e: "13 is refused" }, { v: 6 }]);
    expect(groupCommitStats()["test.isolate"]?.isolated).toBe(1);
  });

  it("without isolateFailures, fails the whole batch with the flush's error", async () => {
    const gc = new GroupCommit<number, number>(
      async () => {
        throw new Error("store down");
      },
      { name: "test.fail" },
    );
    const runs = [1, 2].map((i) => gc.run(i).catch((e: Error) => e.message));
    expect(await Promise.all(runs)).toEqual(["store down", "store down"]);
  });

  it("refuses a flush that answers the wrong number of results", async () => {
    const gc = new GroupCommit<number, number>(async () => [1], { name: "test.count", concurrency: 1 });
    const a = gc.run(1);
    const b = gc.run(2);
    await expect(Promise.all([a, b])).rejects.toThrow("answered 1 results for 2 items");
  });
});

describe("SingleFlight", () => {
  it("gives concurrent reads of one key one load, and loads again once it has answered", async () => {
    let loads = 0;
    const sf = new SingleFlight<number>("test.flight");
    const load = async () => {
      const n = ++loads;
      await tick();
      return n;
    };
    expect(await Promise.all([sf.get("a", load), sf.get("a", load), sf.get("b", load)])).toEqual([1, 1, 2]);
    expect(await sf.get("a", load)).toBe(3);
    expect(singleFlightStats()["test.flight"]).toMatchObject({ gets: 4, loads: 3 });
  });

  it("passes a failed load to every reader waiting on it, and tries again afterwards", async () => {
    const sf = new SingleFlight<string>("test.flight-fail");
    let fail = true;
    const load = async () => {
      await tick();
      if (fail) throw new Error("read failed");
      return "ok";
    };
    const both = [sf.get("k", load), sf.get("k", load)].map((p) => p.catch((e: Error) => e.message));
    expect(await Promise.all(both)).toEqual(["read failed", "read failed"]);
    fail = false;
    expect(await sf.get("k", load)).toBe("ok");
  });

  it("with keepMs, answers from a kept read until it is that old, and never keeps a failure", async () => {
    let loads = 0;
    let fail = true;
    const sf = new SingleFlight<number>("test.kept", { keepMs: 50 });
    const load = async () => {
      loads++;
      if (fail) throw new Error("read failed");
      return loads;
    };
    await expect(sf.get("k", load)).rejects.toThrow("read failed");
    fail = false;
    expect(await sf.get("k", load)).toBe(2);
    await tick();
    expect(await sf.get("k", load)).toBe(2); // kept
    await new Promise((r) => setTimeout(r, 60));
    expect(await sf.get("k", load)).toBe(3); // too old: read again
  });

  it("keeps at most maxKept answers, dropping the oldest", async () => {
    let loads = 0;
    const sf = new SingleFlight<string>("test.kept-max", { keepMs: 60_000, maxKept: 2 });
    const load = (v: string) => async () => {
      loads++;
      return v;
    };
    for (const k of ["a", "b", "c"]) {
      await sf.get(k, load(k));
      await tick();
    }
    expect(loads).toBe(3);
    await sf.get("b", load("b"));
    await sf.get("c", load("c"));
    expect(loads).toBe(3);
    await sf.get("a", load("a")); // dropped: read again
    expect(loads).toBe(4);
  });

  it("keeps only the answers keepIf allows", async () => {
    let loads = 0;
    const sf = new SingleFlight<boolean>("test.keep-if", { keepMs: 60_000, keepIf: (v) => v });
    const answer = (v: boolean) => async () => {
      loads++;
      return v;
    };
    expect(await sf.get("missing", answer(false))).toBe(false);
    await tick();
    expect(await sf.get("missing", answer(true))).toBe(true); // not kept: asked again
    await tick();
    expect(await sf.get("missing", answer(false))).toBe(true); // kept now
    expect(loads).toBe(2);
  });
});
