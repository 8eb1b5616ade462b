import { describe, expect, it } from "vitest";
import { deriveAlerts, flowHealth } from "./health";

const quiet = {
  lagByGroup: [],
  lagThreshold: 1000,
  dlq: [],
  openPoison: 0,
  openLast15: 0,
  openPrev15: 0,
  breaker: "closed",
  sapReachable: true,
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
  it("lag over threshold, a non-empty DLQ, open poison, growing failures and an open breaker each alert", () => {
    const ids = deriveAlerts({
      ...quiet,
      lagByGroup: [{ group: "g", topic: "orders", lag: 5000 }],
      dlq: [{ topic: "orders.dlq", messages: 2 }],
      openPoison: 1,
      openLast15: 4,
      openPrev15: 1,
      breaker: "open",
    }).map((a) => a.id);
    expect(ids).toEqual(["lag:g:orders", "dlq:orders.dlq", "poison", "failures-growing", "sap"]);
  });
});
