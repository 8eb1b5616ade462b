import { expect, test } from "@playwright/test";
import { tag } from "./fixtures";
import { screenshot, signInAs } from "./helpers";
import { OrderTraffic, order, orderableMasterData, sandboxFaults } from "./sap";

/**
 * Issue 16, item 7: an SAP order-create outage must not look green. SAP still answers the
 * card's HEAD and the breaker may still be closed, but every create answers 503: within 30 s
 * the SAP card turns red and an alert says the creates fail; the queue cards show "delayed".
 */
test.afterEach(async () => {
  await sandboxFaults(null);
});

test("100% 503 on SAP order creates turns the Overview's SAP card and an alert red within 30 s", async ({
  page,
}) => {
  test.setTimeout(90_000);
  const { customer, materials } = await orderableMasterData();
  const traffic = await OrderTraffic.connect();
  const t = tag("outage");
  try {
    await signInAs(page, "viewer");
    await page.goto("/");
    const card = page.getByTestId("sap-card");
    // Baseline: no technical SAP errors in the last minute (business refusals do not count).
    await expect(card.locator("h2 .badge")).not.toHaveText("down", { timeout: 60_000 });
    await expect(page.getByText(/delayed/).first()).toBeVisible();

    await sandboxFaults({
      errorRate: 1,
      errorStatus: 503,
      scope: { service: "API_SALES_ORDER_SRV", method: "POST", pathPrefix: "A_SalesOrder" },
    });
    const started = Date.now();
    await traffic.submit(Array.from({ length: 8 }, (_, i) => order(`${t}-${i}`, customer, materials)));

    await expect(card.locator("h2 .badge")).toHaveText("down", { timeout: 30_000 });
    await expect(page.getByTestId("active-alerts").locator('[data-alert="sap_create_errors"]')).toContainText(
      "SAP order creates are failing",
      { timeout: 30_000 - (Date.now() - started) },
    );
    // What the card used to go by still looks fine: SAP answers the HEAD on its service root.
    await expect(card).toContainText("HTTP 200");
    console.log(
      `SAP card red and alert shown ${((Date.now() - started) / 1000).toFixed(1)} s after the outage began`,
    );
    expect(Date.now() - started).toBeLessThan(30_000);
    await screenshot(page, `overview-sap-create-outage-${test.info().project.name}`);
  } finally {
    await traffic.close();
  }
});
