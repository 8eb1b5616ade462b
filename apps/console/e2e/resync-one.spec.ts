import { expect, test } from "@playwright/test";
import { sql } from "./fixtures";
import { signInAs } from "./helpers";
import { fullResync, pricedProduct, sandboxReprice, storedPrice } from "./sap";

/**
 * Issue 19: one SKU resynced on its own. The preview shows SAP's values against the read
 * model's, field by field, and writes nothing; Write resyncs exactly that SKU; the audit entry
 * keeps the diff (the read model's value before, SAP's after). An unknown SKU is refused with a
 * typed error, not a stack trace.
 */
test("one SKU resynced with its diff preview", async ({ page }) => {
  test.setTimeout(240_000);
  await signInAs(page, "operator");
  // the read model's products as SAP has them, whatever the stack held before (a fresh one: none)
  await fullResync(page, "PRODUCTS", "e2e: the read model's products as SAP holds them");
  const sku = await pricedProduct(1000 + Math.floor(Math.random() * 900));
  const before = await storedPrice(sku);
  const sap = await sandboxReprice(sku, 0.73);
  expect(sap).not.toBe(before);

  await page.goto("/resync");
  const form = page.getByTestId("resync-one");

  // an unknown SKU: the typed error, nothing to write
  await form.getByLabel("What").selectOption("PRODUCTS");
  await form.getByRole("textbox", { name: "SKU" }).fill("NO-SUCH-SKU-E2E");
  await form.getByRole("button", { name: "Preview" }).click();
  await expect(form.getByText(/NO-SUCH-SKU-E2E is not in SAP/)).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId("resync-one-preview")).toBeHidden();

  // the preview: SAP's price against the read model's, and the read model untouched
  await form.getByRole("textbox", { name: "SKU" }).fill(sku);
  await form.getByRole("button", { name: "Preview" }).click();
  const price = page.getByTestId("resync-one-diff").locator('tr[data-field="price.amount"]');
  await expect(price.locator('[data-side="sap"]')).toHaveText(sap, { timeout: 30_000 });
  await expect(price.locator('[data-side="read-model"]')).toHaveText(before ?? "—");
  expect(await storedPrice(sku)).toBe(before);

  // write it: the worker resyncs that SKU and its re-check finds SAP and the read model equal
  await page.getByRole("button", { name: "Write SAP's values…" }).click();
  const dialog = page.getByRole("dialog", { name: `Resync PRODUCTS ${sku}` });
  await dialog.getByRole("button", { name: "Write", exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId("resync-one-outcome")).toContainText("REPAIRED", { timeout: 60_000 });
  expect(await storedPrice(sku)).toBe(sap);

  // the audit entry, with the diff it wrote
  const [entry] = await sql<{ id: string; actor_role: string }>(
    "select a.id, a.actor_role from audit_log a join drift_finding f on a.target_id = f.id::text where a.action = 'resync.entity' and f.key = $1 order by a.at desc limit 1",
    [sku],
  );
  expect(entry?.actor_role).toBe("OPERATOR");
  await page.goto(`/audit/${entry?.id}`);
  const detail = page.getByTestId("audit-detail");
  await expect(detail).toContainText("resync.entity");
  const changed = detail.getByTestId("field-diff").locator("tr", { hasText: "price.amount" });
  await expect(changed).toContainText(sap);
  if (before) await expect(changed).toContainText(before);
});
