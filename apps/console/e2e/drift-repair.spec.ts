import { expect, test } from "@playwright/test";
import { auditRows, sql } from "./fixtures";
import { signInAs } from "./helpers";
import { fullResync, pricedProduct, sandboxReprice, sapListPrice, storedPrice } from "./sap";

/**
 * Issue 19: a price changed in SAP (a pricing clerk's change, through the sandbox's admin API)
 * is found by the drift check an operator starts from the console, shown with SAP's and the
 * read model's price, and repaired from its row: the read model then holds SAP's price.
 */
test("a price changed in the SAP sandbox is found by the drift check and repaired", async ({ page }) => {
  test.setTimeout(240_000);
  // a whole-entity check a killed worker left RUNNING would hold "Check now" back
  await sql(
    "update drift_run set state = 'FAILED', finished_at = now() where state = 'RUNNING' and kind = 'ENTITY'",
  );
  await signInAs(page, "operator");
  // the read model's products as SAP has them, whatever the stack held before (a fresh one: none)
  await fullResync(page, "PRODUCTS", "e2e: the read model's products as SAP holds them");
  const sku = await pricedProduct(100 + Math.floor(Math.random() * 800));
  const before = await storedPrice(sku);
  const sap = await sandboxReprice(sku, 1.37);
  expect(sap).not.toBe(before);

  await page.goto("/drift");
  const card = page.getByTestId("drift-PRODUCTS");
  await card.getByRole("button", { name: "Check now" }).click();
  await expect(page.getByRole("region", { name: /Notifications/ })).toContainText(
    "PRODUCTS drift check queued.",
  );
  await expect(card.getByRole("progressbar").or(card.getByText("SUCCEEDED"))).toBeVisible({
    timeout: 30_000,
  });

  // the finding, with the field-level diff: SAP's price against the read model's
  await page.getByLabel("Record").fill(sku);
  const diff = page.getByTestId(`drift-diff-${sku}`);
  await expect(diff).toBeVisible({ timeout: 180_000 });
  const price = diff.locator('tr[data-field="price.amount"]');
  await expect(price.locator('[data-side="sap"]')).toHaveText(sap);
  await expect(price.locator('[data-side="read-model"]')).toHaveText(before ?? "—");
  const row = page.getByTestId("drift-findings").locator("tr").filter({ has: diff });
  await expect(row).toContainText("OPEN");
  await expect(card.getByText("SUCCEEDED")).toBeVisible({ timeout: 180_000 });

  // repair it from its row, with a reason
  const why = "e2e: the clerk's price change never reached the shop";
  await row.getByRole("button", { name: "Repair…" }).click();
  const dialog = page.getByRole("dialog", { name: `Repair PRODUCTS ${sku}` });
  await expect(dialog.locator('tr[data-field="price.amount"]')).toContainText(sap);
  await dialog.getByLabel(/Reason/).fill(why);
  await dialog.getByRole("button", { name: "Repair", exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(row).toContainText("REPAIRED", { timeout: 60_000 });

  // the read model now holds SAP's price, and the audit log the operator's repair with its reason
  expect(await storedPrice(sku)).toBe(sap);
  expect(await sapListPrice(sku)).toBe(sap);
  const [finding] = await sql<{ id: string; state: string }>(
    "select id, state from drift_finding where entity = 'PRODUCTS' and key = $1",
    [sku],
  );
  expect(finding?.state).toBe("REPAIRED");
  expect(await auditRows({ targetId: finding?.id as string, action: "drift.repair" })).toEqual([
    expect.objectContaining({ reason: why, actor_role: "OPERATOR" }),
  ]);
});
