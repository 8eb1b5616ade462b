import { expect, test } from "@playwright/test";
import { auditRows, db, seedFailures, tag } from "./fixtures";
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
  await setLagThreshold(1000);
  await signInAs(page, "admin");
  // Before: the lag chart draws the threshold at 1,000 (a Recharts reference line, labelled).
  const lagChart = page.getByRole("img", { name: /^Consumer lag by group and topic/ });
  const line = page.locator("figure", { has: lagChart }).getByTestId("threshold");
  await page.goto("/");
  await expect(line).toHaveAttribute("data-value", "1000", { timeout: 30_000 });
  await expect(line).toHaveText("lag alert threshold: 1,000 messages");
  await expect(lagChart).toHaveAccessibleName(/lag alert threshold: 1,000 messages/);
  const yBefore = Number(await line.getAttribute("data-y"));

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

  // After: the same chart draws it at 2,500 — label, accessible name and the line's place.
  await page.goto("/");
  await expect(line).toHaveAttribute("data-value", "2500", { timeout: 30_000 });
  await expect(line).toHaveText("lag alert threshold: 2,500 messages");
  await expect(lagChart).toHaveAccessibleName(/lag alert threshold: 2,500 messages/);
  // The y axis keeps the threshold in view; when the lag itself is above it, the line moves
  // up the chart (a smaller y). With the lag below both, the axis follows the threshold.
  expect(Number(await line.getAttribute("data-y"))).toBeLessThanOrEqual(yBefore);
});

test("an unhandled dead letter fires in the worker's evaluator, which the Overview lists with since when, audited", async ({
  page,
}) => {
  const key = tag("poison");
  const [id] = await seedFailures([
    { errorClass: "POISON", entityKey: key, sapErrorCode: "", message: "could not decode the message" },
  ]);
  const c = db();
  await c.connect();
  try {
    await signInAs(page, "viewer");
    await page.goto("/");
    // "firing since" is shown only for what the worker's evaluator holds in alert_state.
    const alert = page.getByTestId("active-alerts").locator('[data-alert="dlq_unhandled"]');
    await expect(alert).toContainText("Dead-lettered messages wait for an operator");
    await expect(alert).toContainText("firing since", { timeout: 30_000 });
    const state = await c.query("select state from alert_state where key = 'dlq_unhandled'");
    expect(state.rows[0]?.state).toBe("FIRING");
    expect((await auditRows({ targetId: "dlq_unhandled", action: "alert.fire" })).length).toBeGreaterThan(0);
  } finally {
    await c.query(
      "update failure_record set state = 'DISCARDED', discard_reason = 'e2e cleanup' where id = $1",
      [id],
    );
    await c.end();
  }
});
