import { ConsumerGroups } from "@icp/domain";
import { afterEach, describe, expect, it, vi } from "vitest";
import { recordingLogger } from "../orders/testing";
import { BridgeRegistry, type ControllableBridge } from "./bridge-control";

const RUN = "0190f1a2-0000-7000-8000-000000000001";

function bridge(groupId: string) {
  const calls: string[] = [];
  let stopped = false;
  let marks: Record<string, string> | undefined;
  const b: ControllableBridge = {
    groupId,
    get isStopped() {
      return stopped;
    },
    stop: async () => {
      calls.push("stop");
      stopped = true;
    },
    start: async () => {
      calls.push("start");
      stopped = false;
    },
    markReplay: (_runId, until) => {
      marks = until;
    },
  };
  return { b, calls, marks: () => marks };
}

afterEach(() => {
  vi.useRealTimers();
});

describe("BridgeRegistry", () => {
  it("stops and starts only the bridges of the group named, and marks them with the run's offsets", async () => {
    const registry = new BridgeRegistry(recordingLogger().logger);
    const orders = bridge(ConsumerGroups.ordersToSap);
    const stock = bridge(ConsumerGroups.inventoryToStorefront);
    registry.register(orders.b);
    registry.register(stock.b);

    await registry.handle({ action: "stop", group: ConsumerGroups.ordersToSap, runId: RUN, leaseMs: 60_000 });
    expect(orders.b.isStopped).toBe(true);
    await registry.handle({
      action: "start",
      group: ConsumerGroups.ordersToSap,
      runId: RUN,
      until: { "0": "42" },
    });

    expect(orders.calls).toEqual(["stop", "start"]);
    expect(orders.marks()).toEqual({ "0": "42" });
    expect(stock.calls).toEqual([]);
    await registry.close();
  });

  it("a stop that no start follows starts the consumers again when its lease runs out", async () => {
    vi.useFakeTimers();
    const registry = new BridgeRegistry(recordingLogger().logger);
    const orders = bridge(ConsumerGroups.ordersToSap);
    registry.register(orders.b);

    await registry.handle({ action: "stop", group: ConsumerGroups.ordersToSap, runId: RUN, leaseMs: 90_000 });
    await vi.advanceTimersByTimeAsync(89_000);
    expect(orders.b.isStopped).toBe(true);
    await vi.advanceTimersByTimeAsync(2_000);

    expect(orders.calls).toEqual(["stop", "start"]);
    expect(orders.b.isStopped).toBe(false);
    expect(orders.marks()).toBeUndefined();
    await registry.close();
  });
});
