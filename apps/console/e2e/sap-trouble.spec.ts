import { expect, type Page, test } from "@playwright/test";
import { failureStates, tag, unbookedOrders } from "./fixtures";
import { navLink, screenshot, signInAs } from "./helpers";
import { OrderTraffic, order, orderableMasterData, sandboxFaults } from "./sap";

/**
 * What an operator lives through when SAP misbehaves, on the real stack: the Playwright config
 * starts the worker with 3 order attempts, a 20-job backpressure mark on the orders bridge and
 * a 2 s lag sample, so a slow SAP shows as Kafka lag within seconds.
 */
test.afterEach(async () => {
  await sandboxFaults(null);
});

/** The latest lag the overview's chart legend shows for the orders consumer group. */
async function ordersLag(page: Page): Promise<number> {
  const chart = page.locator("figure", {
    has: page.getByRole("img", { name: "Consumer lag by group and topic" }),
  });
  const entry = chart.locator(".legend span").filter({ hasText: /orders-to-sap[^/]* \/ orders:/ });
  if ((await entry.count()) === 0) return 0;
  return Number(((await entry.first().locator("strong").textContent()) ?? "0").replaceAll(",", ""));
}

test("lag rises on the overview chart while SAP is slow and falls once it recovers", async ({ page }) => {
  test.setTimeout(300_000);
  const { customer, materials } = await orderableMasterData();
  const traffic = await OrderTraffic.connect();
  const t = tag("lag");
  try {
    await signInAs(page, "viewer");
    // SAP answers every sales-order call 1.5 s late: the worker's 8 SAP slots move ~3 orders/s.
    await sandboxFaults({ latencyMs: 1_500, scope: { service: "API_SALES_ORDER_SRV" } });
    // 360 orders: the bridge takes no more than the queue has room for (20 + 1 jobs waiting or
    // delayed), so all but a few dozen of them wait on Kafka as lag.
    for (let wave = 0; wave < 30; wave++) {
      await traffic.submit(
        Array.from({ length: 12 }, (_, i) => order(`${t}-${wave}-${i}`, customer, materials)),
      );
      await page.waitForTimeout(400);
    }
    // Backpressure: the bridge stops reading Kafka while the queue is backed up, so the lag grows.
    await expect.poll(() => ordersLag(page), { timeout: 60_000, intervals: [2_000] }).toBeGreaterThan(100);
    const chart = page.getByRole("img", { name: "Consumer lag by group and topic" });
    // The orders group's own line: it rises, so it has a height (a flat line of another group
    // at 0 has none, and Playwright calls an element without a box hidden).
    await expect(
      chart.locator('.recharts-line[class*="orders-to-sap-orders"] path.recharts-line-curve'),
    ).toBeVisible();
    await screenshot(page, `overview-lag-rising-${test.info().project.name}`);

    await sandboxFaults(null);
    await expect.poll(() => ordersLag(page), { timeout: 150_000, intervals: [2_000] }).toBe(0);
    await screenshot(page, `overview-lag-recovered-${test.info().project.name}`);
    // Kafka's lag is gone once the last orders are in Redis; every one of them reaches SAP.
    await expect.poll(() => unbookedOrders(t), { timeout: 60_000, intervals: [2_000] }).toBe(0);
  } finally {
    // A test that fails half-way leaves SAP well for the next one.
    await sandboxFaults(null);
    await traffic.close();
  }
});

test("an order that failed on an injected SAP error is found, retried by an operator, and reaches SAP", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const { customer, materials } = await orderableMasterData();
  const traffic = await OrderTraffic.connect();
  const orderId = tag("sap503");
  try {
    // Every sales-order create answers 503 until the fault is lifted.
    await sandboxFaults({
      errorRate: 1,
      errorStatus: 503,
      scope: { service: "API_SALES_ORDER_SRV", method: "POST", pathPrefix: "A_SalesOrder" },
    });
    await traffic.submit([order(orderId, customer, materials)]);
    await expect.poll(async () => (await failureStates(orderId))[orderId], { timeout: 60_000 }).toBe("OPEN");
    await sandboxFaults(null);

    await signInAs(page, "operator");
    await navLink(page, "Failures").click();
    await page.getByLabel("Search key / message").fill(orderId);
    const table = page.getByTestId("failures-table");
    await expect(table.getByRole("row").filter({ hasText: orderId })).toHaveCount(1);
    // A row opens the failure at its own, shareable URL.
    await table.getByRole("link", { name: orderId }).click();
    await expect(page).toHaveURL(/\/failures\/[0-9a-f-]{36}$/);
    const detail = page.getByTestId("failure-detail");
    await expect(detail).toContainText("TRANSIENT");
    await expect(detail).toContainText("503");
    await expect(detail).toContainText("attempts 3");
    await screenshot(page, `failure-injected-503-${test.info().project.name}`);
    await detail.getByRole("button", { name: "Retry", exact: true }).click();
    await page
      .getByRole("dialog", { name: "Retry this failure" })
      .getByRole("button", { name: "Retry" })
      .click();
    // The worker books the order and resolves the failure; the detail refreshes by itself.
    await expect(detail).toContainText("RESOLVED", { timeout: 30_000 });

    await page.goto("/orders");
    await page.getByLabel(/Order id, SAP document/).fill(orderId);
    await page.getByRole("button", { name: "Search", exact: true }).click();
    await page.getByTestId("order-results").getByRole("link", { name: orderId }).click();
    const timeline = page.getByTestId("timeline");
    await expect(timeline).toContainText("SAP_CREATED");
    await expect(page.getByText(/SAP sales order \d+/)).toBeVisible();
  } finally {
    await traffic.close();
  }
});
