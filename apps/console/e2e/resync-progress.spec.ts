import { expect, test } from "@playwright/test";
import { db } from "./fixtures";
import { screenshot, signInAs } from "./helpers";
import { sandboxFaults } from "./sap";

test.afterEach(async () => {
  await sandboxFaults(null);
});

test("an operator starts a full product resync and follows its progress bar to 100%", async ({ page }) => {
  test.setTimeout(300_000);
  const c = db();
  await c.connect();
  await c.query(
    "update sync_run set state = 'CANCELLED', finished_at = now() where entity = 'PRODUCTS' and state in ('QUEUED','RUNNING')",
  );
  await c.end();
  // SAP's product service answers slowly, so each page of the resync is seen on the bar.
  await sandboxFaults({ latencyMs: 1_500, scope: { service: "API_PRODUCT_SRV" } });
  await signInAs(page, "operator");
  await page.goto("/resync");
  const card = page.getByTestId("resync-PRODUCTS");
  await card.getByRole("button", { name: "Full resync" }).click();
  const confirm = page.getByRole("dialog", { name: "Full resync of PRODUCTS" });
  await confirm.getByLabel(/Reason/).fill("e2e: product master reload");
  await confirm.getByRole("button", { name: "Start full resync" }).click();
  const bar = card.getByRole("progressbar", { name: "PRODUCTS progress" });
  await expect(bar).toBeVisible();
  // Part-way: some products written, not all.
  await expect
    .poll(async () => Number(await bar.getAttribute("aria-valuenow")), { timeout: 90_000, intervals: [500] })
    .toBeGreaterThan(0);
  const total = Number(await bar.getAttribute("aria-valuemax"));
  expect(total).toBeGreaterThan(0);
  expect(Number(await bar.getAttribute("aria-valuenow"))).toBeLessThan(total);
  await screenshot(page, `resync-progress-${test.info().project.name}`);
  await sandboxFaults(null);
  // Done: the card is idle again and the run's row shows every product processed.
  await expect(card.getByRole("button", { name: "Full resync" })).toBeVisible({ timeout: 180_000 });
  const row = page.getByTestId("resync-history").getByRole("row").filter({ hasText: "PRODUCTS" }).first();
  await expect(row).toContainText("SUCCEEDED");
  await expect(row).toContainText("FULL");
  const cells = row.getByRole("cell");
  // 100%: processed = total. A full run reads in key order, each product once (one SAP changes
  // behind the cursor is the next delta's); products SAP adds meanwhile may end it a little above
  // the total seen part-way.
  const processed = Number(await cells.nth(4).textContent());
  expect(processed).toBeGreaterThanOrEqual(total);
  expect(processed).toBeLessThan(total * 1.05);
  await expect(cells.nth(5)).toHaveText(String(processed));
});
