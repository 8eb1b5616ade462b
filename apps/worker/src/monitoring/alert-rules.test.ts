import { describe, expect, it } from "vitest";
import { type AlertReadings, evaluateAlerts } from "./alert-rules";

const quiet: AlertReadings = {
  sapCreates: { errors: 0, successes: 12 },
  ordersDelayed: 0,
  breaker: "closed",
  lagByGroup: [{ group: "icp.orders-to-sap", topic: "orders", lag: 3 }],
  openFailures: 2,
  openPoison: 0,
  disabledWebhooks: [],
  drains: [],
};
const defaults = [
  { id: "sap_create_errors", threshold: 50, enabled: true },
  { id: "backlog_delayed", threshold: 10, enabled: true },
  { id: "breaker_open", threshold: 1, enabled: true },
  { id: "consumer_lag", threshold: 1000, enabled: true },
  { id: "open_failures", threshold: 50, enabled: true },
  { id: "dlq_unhandled", threshold: 1, enabled: true },
  { id: "webhook_disabled", threshold: 5, enabled: true },
  { id: "time_to_drain", threshold: 600, enabled: true },
];

describe("alert rules", () => {
  it("a quiet pipeline fires nothing", () => {
    expect(evaluateAlerts(quiet, defaults)).toEqual([]);
  });

  it("an SAP create outage fires on the error share of the last minute and on the delayed backlog", () => {
    const v = evaluateAlerts(
      { ...quiet, sapCreates: { errors: 22, successes: 0 }, ordersDelayed: 22 },
      defaults,
    );
    expect(v.map((x) => [x.key, x.value])).toEqual([
      ["sap_create_errors", 100],
      ["backlog_delayed", 22],
    ]);
    expect(v[0]?.severity).toBe("critical");
  });

  it("an open breaker, lag over the threshold per group, piled-up failures and unhandled dead letters each fire", () => {
    const keys = evaluateAlerts(
      {
        ...quiet,
        breaker: "open",
        lagByGroup: [{ group: "g", topic: "orders", lag: 1_001 }],
        openFailures: 50,
        openPoison: 1,
      },
      defaults,
    ).map((x) => x.key);
    expect(keys).toEqual(["breaker_open", "consumer_lag:g:orders", "open_failures", "dlq_unhandled"]);
  });

  it("thresholds come from the rule rows: a raised threshold or a disabled rule stays quiet", () => {
    const outage = { ...quiet, sapCreates: { errors: 3, successes: 7 }, ordersDelayed: 22 };
    expect(evaluateAlerts(outage, defaults).map((x) => x.key)).toEqual(["backlog_delayed"]);
    const tuned = defaults.map((r) =>
      r.id === "sap_create_errors"
        ? { ...r, threshold: 25 }
        : r.id === "backlog_delayed"
          ? { ...r, enabled: false }
          : r,
    );
    expect(evaluateAlerts(outage, tuned).map((x) => [x.key, x.value])).toEqual([["sap_create_errors", 30]]);
  });

  it("each auto-disabled webhook endpoint fires its own alert, naming why, until it is re-enabled", () => {
    const disabled = {
      ...quiet,
      disabledWebhooks: [
        {
          id: "ep-1",
          name: "shop",
          consecutiveFailures: 5,
          disabledReason: "auto-disabled after 5 consecutive failures",
        },
        {
          id: "ep-2",
          name: "erp",
          consecutiveFailures: 7,
          disabledReason: "auto-disabled after 7 consecutive failures",
        },
      ],
    };
    const v = evaluateAlerts(disabled, defaults);
    expect(v.map((x) => [x.key, x.rule, x.value, x.threshold])).toEqual([
      ["webhook_disabled:ep-1", "webhook_disabled", 5, 5],
      ["webhook_disabled:ep-2", "webhook_disabled", 7, 5],
    ]);
    expect(v[0]?.title).toBe("Webhook endpoint shop is disabled");
    expect(v[0]?.detail).toContain("auto-disabled after 5 consecutive failures");
    expect(evaluateAlerts(quiet, defaults)).toEqual([]);
    const off = defaults.map((r) => (r.id === "webhook_disabled" ? { ...r, enabled: false } : r));
    expect(evaluateAlerts(disabled, off)).toEqual([]);
  });
  it("a queue whose backlog drains slower than the threshold, or not at all, fires per queue and topic", () => {
    const v = evaluateAlerts(
      {
        ...quiet,
        drains: [
          { kind: "QUEUE", name: "orders-to-sap", backlog: 21, seconds: 900, stalled: false },
          { kind: "TOPIC", name: "icp.orders-to-sap / orders", backlog: 300, seconds: null, stalled: true },
          { kind: "QUEUE", name: "webhooks", backlog: 2, seconds: 4, stalled: false },
        ],
      },
      defaults,
    );
    expect(v.map((x) => [x.key, x.rule, x.value])).toEqual([
      ["time_to_drain:queue:orders-to-sap", "time_to_drain", 900],
      ["time_to_drain:topic:icp.orders-to-sap / orders", "time_to_drain", null],
    ]);
    // switched off in Settings: nothing
    const off = defaults.map((d) => (d.id === "time_to_drain" ? { ...d, enabled: false } : d));
    expect(
      evaluateAlerts(
        { ...quiet, drains: [{ kind: "QUEUE", name: "q", backlog: 1, seconds: null, stalled: true }] },
        off,
      ),
    ).toEqual([]);
  });
});
