import { expect, test } from "@playwright/test";
import { auditRows, sql, tag, unbookedOrders } from "./fixtures";
import { screenshot, signInAs } from "./helpers";
import { OrderTraffic, order, orderableMasterData, sandboxFaults } from "./sap";

/**
 * Issue 19: time to drain while SAP is throttled, on the real stack. The Playwright config
 * starts the worker with a 2 s sample (SAMPLE_EVERY_MS), a 20-job backpressure mark on the
 * orders bridge and SAP_MAX_CONCURRENCY at its default (8 slots shared by every worker): with
 * SAP answering every sales-order call 4 s late, the orders queue moves ~2 jobs a second while
 * the bridge keeps it full and the rest of the orders wait on Kafka.
 */
const THRESHOLD_S = 10;

async function resetThreshold() {
  await sql("update alert_rule set threshold = 600, enabled = true where id = 'time_to_drain'");
}

/** The worker's /metrics (the Playwright config starts it on 4010, no scrape token locally). */
async function workerMetrics(): Promise<string> {
  const res = await fetch("http://127.0.0.1:4010/metrics");
  expect(res.ok).toBe(true);
  return res.text();
}

/** A series' value ("+Inf" included) by metric name and labels (others, e.g. service, ignored); NaN when absent. */
function gauge(text: string, metric: string, labels: Record<string, string> = {}): number {
  const line = text
    .split("\n")
    .find(
      (l) =>
        (l.startsWith(`${metric}{`) || l.startsWith(`${metric} `)) &&
        Object.entries(labels).every(([k, v]) => l.includes(`${k}="${v}"`)),
    );
  const value = line?.slice(line.lastIndexOf(" ") + 1);
  return value === undefined ? Number.NaN : Number(value.replace("+Inf", "Infinity"));
}

test.afterEach(async () => {
  await sandboxFaults(null);
  await resetThreshold();
});

test("time to drain shown and alerting while SAP is throttled, clear once SAP keeps up again", async ({
  page,
}) => {
  test.setTimeout(300_000);
  const { customer, materials } = await orderableMasterData();
  const traffic = await OrderTraffic.connect();
  const t = tag("drain");
  const why = `drain alert for the throttling drill ${t}`;
  try {
    // The threshold is an admin's setting, with a reason, audited.
    await signInAs(page, "admin");
    await page.goto("/settings");
    const rule = page.getByTestId("alert-rules").locator('[data-rule="time_to_drain"]');
    await expect(rule).toContainText("seconds");
    await rule.getByRole("button", { name: "Edit" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Threshold").fill(String(THRESHOLD_S));
    await dialog.getByLabel(/reason/i).fill(why);
    await dialog.getByRole("button", { name: "Save" }).click();
    await expect(rule).toContainText(`${THRESHOLD_S} seconds`);
    expect(
      (await auditRows({ targetId: "time_to_drain", action: "alert_rule.update" })).filter(
        (r) => r.reason === why,
      ),
    ).toHaveLength(1);

    // SAP throttled: every sales-order call answers 4 s late.
    await sandboxFaults({ latencyMs: 4_000, scope: { service: "API_SALES_ORDER_SRV" } });
    for (let wave = 0; wave < 14; wave++) {
      await traffic.submit(
        Array.from({ length: 15 }, (_, i) => order(`${t}-${wave}-${i}`, customer, materials)),
      );
      await page.waitForTimeout(300);
    }

    await page.goto("/");
    const drain = page.getByTestId("time-to-drain");
    const table = drain.getByTestId("drain-table");
    const ordersQueue = table
      .getByRole("row")
      .filter({ hasText: "orders-to-sap" })
      .filter({ hasText: "queue" });
    // The orders queue's time to drain: a real figure, not 0 and not unknown …
    await expect(ordersQueue.getByTestId("drain-time")).toHaveText(/^(\d+ s|\d+ min.*|∞ \/ stalled)$/, {
      timeout: 60_000,
    });
    await expect(ordersQueue.getByTestId("drain-time")).not.toHaveText(/^0 s$/);
    // … the orders group's backlog on Kafka takes longer than the threshold, and alerts,
    const alerts = page.getByTestId("active-alerts");
    await expect(alerts.locator('[data-alert="time_to_drain:topic:icp.orders-to-sap / orders"]')).toBeVisible(
      {
        timeout: 60_000,
      },
    );
    await expect(table.getByRole("row").filter({ hasText: "icp.orders-to-sap / orders" })).toContainText(
      /warning|critical/,
    );
    // The worker exports the same figure for Prometheus (IcpTimeToDrainHigh), read while the
    // backlog is still there: the figure falls as SAP works it off, so a later snapshot may not.
    await expect
      .poll(
        async () =>
          gauge(await workerMetrics(), "icp_time_to_drain_seconds", {
            kind: "topic",
            name: "icp.orders-to-sap / orders",
          }),
        { timeout: 20_000 },
      )
      .toBeGreaterThan(THRESHOLD_S);
    // … and beside it, why: every one of SAP's slots is busy (the cap is shared by every worker).
    const sap = drain.getByTestId("drain-sap");
    await expect(sap.getByTestId("sap-cap")).toHaveText("8");
    await expect(sap.getByTestId("sap-slots-in-use")).toHaveText("8", { timeout: 20_000 });
    await expect(sap).toContainText("closed");
    // The chart draws the threshold from Settings.
    const line = page
      .locator("figure", {
        has: page.getByRole("img", { name: /^Time to drain by queue and consumer group/ }),
      })
      .getByTestId("threshold");
    await expect(line).toHaveAttribute("data-value", String(THRESHOLD_S));
    // The worker's evaluator holds it too (it fires without a browser open), audited.
    await expect
      .poll(
        async () =>
          (
            await sql<{ state: string }>(
              "select state from alert_state where key = 'time_to_drain:topic:icp.orders-to-sap / orders'",
            )
          )[0]?.state,
        { timeout: 30_000 },
      )
      .toBe("FIRING");
    // … and the shared cap.
    expect(gauge(await workerMetrics(), "icp_sap_slots_limit")).toBe(8);
    await screenshot(page, `time-to-drain-throttled-${test.info().project.name}`);

    // The alert leads to the Kafka page, which shows the group's time to drain; the Queues page
    // shows each queue's.
    await alerts
      .locator('[data-alert="time_to_drain:topic:icp.orders-to-sap / orders"]')
      .getByRole("link", { name: "Open" })
      .click();
    await expect(page).toHaveURL(/\/kafka$/);
    await expect(page.getByTestId("drain-icp.orders-to-sap / orders")).toContainText(
      /orders: time to drain (\d+ (s|min)|∞ \/ stalled)/,
    );
    await page.goto("/queues");
    await expect(page.getByTestId("drain-orders-to-sap")).toHaveText(/^(\d+ s|\d+ min.*|∞ \/ stalled)$/);
    await page.goto("/");

    // SAP keeps up again: the backlog drains, the figures fall to 0 and the alerts clear.
    await sandboxFaults(null);
    await expect(ordersQueue.getByTestId("drain-time")).toHaveText("0 s", { timeout: 120_000 });
    await expect(alerts.locator('[data-alert^="time_to_drain:topic:icp.orders-to-sap"]')).toHaveCount(0, {
      timeout: 60_000,
    });
    await expect(alerts.locator('[data-alert="time_to_drain:queue:orders-to-sap"]')).toHaveCount(0);
    // SAP answers at once again: the slots are no longer all taken (status reads may hold one).
    await expect(sap.getByTestId("sap-slots-in-use")).toHaveText(/^[0-7]$/, { timeout: 20_000 });
    await expect
      .poll(async () =>
        gauge(await workerMetrics(), "icp_time_to_drain_seconds", { kind: "queue", name: "orders-to-sap" }),
      )
      .toBe(0);
    await screenshot(page, `time-to-drain-recovered-${test.info().project.name}`);
    expect(
      await auditRows({
        targetId: "time_to_drain:topic:icp.orders-to-sap / orders",
        action: "alert.resolve",
      }),
    ).not.toHaveLength(0);
    await expect.poll(() => unbookedOrders(t), { timeout: 60_000, intervals: [2_000] }).toBe(0);
  } finally {
    await sandboxFaults(null);
    await traffic.close();
  }
});
