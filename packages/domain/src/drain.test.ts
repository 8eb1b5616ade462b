import { describe, expect, it } from "vitest";
import { type DrainFigure, drainAlerts, fmtDrain } from "./drain";

const queue = (over: Partial<DrainFigure>): DrainFigure => ({
  kind: "QUEUE",
  name: "orders-to-sap",
  backlog: 20,
  seconds: 30,
  stalled: false,
  ...over,
});

describe("the time-to-drain alert", () => {
  it("fires for a backlog whose time to drain is above the threshold, not at or under it", () => {
    expect(drainAlerts([queue({ seconds: 601 })], 600).map((a) => a.key)).toEqual([
      "time_to_drain:queue:orders-to-sap",
    ]);
    expect(drainAlerts([queue({ seconds: 600 }), queue({ seconds: 5 })], 600)).toEqual([]);
  });

  it("fires for a stalled backlog whatever the threshold, as critical with no finite value", () => {
    const [a] = drainAlerts([queue({ seconds: null, stalled: true })], 1_000_000);
    expect(a?.severity).toBe("critical");
    expect(a?.value).toBeNull();
    expect(a?.detail).toContain("∞");
  });

  it("stays quiet while the throughput is unknown or nothing waits", () => {
    expect(drainAlerts([queue({ seconds: null }), queue({ backlog: 0, seconds: 0 })], 0)).toEqual([]);
  });

  it("names a consumer group's topic and sends the operator to the Kafka page", () => {
    const [a] = drainAlerts(
      [{ kind: "TOPIC", name: "icp.orders-to-sap / orders", backlog: 300, seconds: 150, stalled: false }],
      20,
    );
    expect(a).toMatchObject({
      key: "time_to_drain:topic:icp.orders-to-sap / orders",
      href: "/kafka",
      value: 150,
      severity: "warning",
    });
    expect(a?.detail).toContain("2 min 30 s");
  });

  it("spells the figures as the console shows them", () => {
    expect(fmtDrain({ seconds: null, stalled: true })).toBe("∞ / stalled");
    expect(fmtDrain({ seconds: null, stalled: false })).toBe("unknown");
    expect(fmtDrain({ seconds: 0, stalled: false })).toBe("0 s");
    expect(fmtDrain({ seconds: 7_380, stalled: false })).toBe("2 h 3 min");
  });
});
