import { expect, test } from "@playwright/test";
import { auditRows, db, tag } from "./fixtures";
import { signInAs } from "./helpers";

/**
 * Issue 16, item 4: alert thresholds live in Settings (audited, with a reason), and the
 * Overview draws them on its charts.
 */
async function setLagThreshold(threshold: number) {
  const c = db();
  await c.connect();
  try {
    await c.query("update alert_rule set threshold = $1, enabled = true where id = 'consumer_lag'", [
      threshold,
    ]);
  } finally {
    await c.end();
  }
}

test.afterEach(async () => {
  await setLagThreshold(1000);
});

test("an admin changes the lag threshold with a reason; it is audited and drawn on the Overview's lag chart", async ({
  page,
}) => {
  const why = `tuning for the sale ${tag("why")}`;
  await signInAs(page, "admin");
  await page.goto("/settings");
  const row = page.getByTestId("alert-rules").locator('[data-rule="consumer_lag"]');
  await row.getByRole("button", { name: "Edit" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Threshold").fill("2500");
  await dialog.getByLabel(/reason/i).fill(why);
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(row).toContainText("2,500");
  await expect(row).toContainText("admin");
  const audit = (await auditRows({ targetId: "consumer_lag", action: "alert_rule.update" })).filter(
    (r) => r.reason === why,
  );
  expect(audit).toHaveLength(1);

  await page.goto("/");
  const chart = page.locator("figure", {
    has: page.getByRole("img", { name: "Consumer lag by group and topic" }),
  });
  await expect(chart.getByTestId("threshold")).toContainText("lag alert threshold", { timeout: 30_000 });
});
