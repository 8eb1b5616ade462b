import { describe, expect, it } from "vitest";
import { type AlertInputs, deriveAlerts, flowHealth, sapVerdict, thresholdsFrom } from "./health";

const thresholds = thresholdsFrom([]);
const quiet: AlertInputs = {
  lagByGroup: [],
  thresholds,
  openPoison: 0,
  openLast15: 0,
  openPrev15: 0,
  breaker: "closed",
  sapReachable: true,
  sapCreates: { errors: 0, successes: 10, delayed: 0 },
};

describe("flow health", () => {
  it("is idle without traffic, down when the last 15 min only failed, degraded above 10% errors", () => {
    expect(flowHealth({ successes: 0, errors: 0 }, { successes: 0, errors: 0 })).toBe("idle");
    expect(flowHealth({ successes: 0, errors: 3 }, { successes: 10, errors: 3 })).toBe("down");
    expect(flowHealth({ successes: 5, errors: 0 }, { successes: 8, errors: 2 })).toBe("degraded");
    expect(flowHealth({ successes: 5, errors: 0 }, { successes: 100, errors: 1 })).toBe("ok");
  });
});

describe("alerts", () => {
  it("a quiet pipeline raises none", () => {
    expect(deriveAlerts(quiet)).toEqual([]);
  });
  it("lag over threshold, unhandled dead letters, growing failures and an open breaker each alert", () => {
    const ids = deriveAlerts({
      ...quiet,
      lagByGroup: [{ group: "g", topic: "orders", lag: 5000 }],
      openPoison: 1,
      openLast15: 4,
      openPrev15: 1,
      breaker: "open",
    }).map((a) => a.id);
    expect(ids).toEqual(["consumer_lag:g:orders", "dlq_unhandled", "failures-growing", "breaker_open"]);
  });
  it("handled dead letters raise nothing, whatever Kafka retains", () => {
    expect(deriveAlerts({ ...quiet, openPoison: 0 })).toEqual([]);
  });
  it("an SAP create outage alerts while SAP answers and the breaker is closed: failing creates and the delayed backlog", () => {
    const outage = { ...quiet, sapCreates: { errors: 22, successes: 0, delayed: 22 } };
    expect(deriveAlerts(outage).map((a) => [a.id, a.severity])).toEqual([
      ["sap_create_errors", "critical"],
      ["backlog_delayed", "warning"],
    ]);
  });
  it("thresholds come from Settings: a disabled rule or a higher threshold stays quiet", () => {
    const t = thresholdsFrom([
      { id: "sap_create_errors", threshold: 90, enabled: true },
      { id: "backlog_delayed", threshold: 10, enabled: false },
    ]);
    const a = { ...quiet, thresholds: t, sapCreates: { errors: 8, successes: 2, delayed: 50 } };
    expect(deriveAlerts(a)).toEqual([]);
  });
});

describe("the SAP card", () => {
  it("is red when creates fail although SAP answers its HEAD and the breaker is closed", () => {
    const h = { reachable: true, breaker: "closed" };
    expect(sapVerdict(h, { errors: 0, successes: 5, delayed: 0 }, thresholds)).toBe("ok");
    expect(sapVerdict(h, { errors: 22, successes: 0, delayed: 22 }, thresholds)).toBe("down");
    expect(sapVerdict(h, { errors: 1, successes: 9, delayed: 12 }, thresholds)).toBe("degraded");
    expect(
      sapVerdict(
        { reachable: false, breaker: "closed" },
        { errors: 0, successes: 0, delayed: 0 },
        thresholds,
      ),
    ).toBe("down");
  });
});
