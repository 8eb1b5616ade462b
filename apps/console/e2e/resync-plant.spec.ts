import { expect, test } from "@playwright/test";
import { sql } from "./fixtures";
import { signInAs } from "./helpers";
import { fullResync, sandboxSetStock, stockedSkus, storedStock } from "./sap";

/**
 * Issue 19: one plant's stock resynced as a whole. Two levels at plant 1020 are changed in SAP
 * with their stock events lost; the plant's preview lists both with the read model's and SAP's
 * quantity and writes nothing; Write resyncs them and the page follows them to REPAIRED; a level
 * of the same SKU at another plant, changed in SAP too, is left alone; the audit entry keeps the
 * diff. A plant SAP does not know is refused with its typed error. The read model starts as SAP
 * has it (a full STOCK resync, as an operator starts one), so the plant differs in exactly the
 * levels the spec changes, on a fresh stack as on one an earlier run left behind.
 */
test("one plant's stock previewed and resynced as a whole", async ({ page }) => {
  test.setTimeout(300_000);
  const plant = "1020";
  await signInAs(page, "operator");
  await fullResync(page, "STOCK", "e2e: the read model's stock as SAP holds it");
  const [a, b] = await stockedSkus(plant, 200 + Math.floor(Math.random() * 400), 2);
  if (!a || !b) throw new Error("no stock to change");
  const [wasA, wasB, wasOther] = await Promise.all([
    storedStock(a, plant),
    storedStock(b, plant),
    storedStock(a, "1030"),
  ]);
  await sandboxSetStock(a, plant, wasA + 31);
  await sandboxSetStock(b, plant, wasB + 47);
  await sandboxSetStock(a, "1030", wasOther + 9);
  const previewAndWrite = async () => {
    await page.goto("/resync");
    const form = page.getByTestId("resync-one");
    await form.getByLabel("What").selectOption("PLANT");

    // a plant SAP does not know: the typed error, nothing to write
    await form.getByRole("textbox", { name: "Plant" }).fill("9999");
    await form.getByRole("button", { name: "Preview" }).click();
    await expect(form.getByText(/Plant 9999 is not known to SAP/)).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId("resync-plant-preview")).toBeHidden();

    // the preview: both levels with the read model's and SAP's quantity; the read model untouched
    await form.getByRole("textbox", { name: "Plant" }).fill(plant);
    await form.getByRole("button", { name: "Preview" }).click();
    const levels = page.getByTestId("resync-plant-levels");
    for (const [sku, was, now] of [
      [a, wasA, wasA + 31],
      [b, wasB, wasB + 47],
    ] as const) {
      const row = levels.getByRole("row").filter({ has: page.getByRole("cell", { name: sku, exact: true }) });
      await expect(row).toContainText(String(now), { timeout: 90_000 });
      await expect(row).toContainText(String(was));
    }
    expect(await storedStock(a, plant)).toBe(wasA);

    // write: every level that differs, followed until the re-check settles them
    await page.getByRole("button", { name: /Write SAP's values to \d+ level\(s\)…/ }).click();
    const dialog = page.getByRole("dialog", { name: `Resync the stock at plant ${plant}` });
    await dialog.getByRole("button", { name: /^Write \d+ level\(s\)$/ }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId("resync-plant-outcome")).toContainText("written", { timeout: 90_000 });
    expect(await storedStock(a, plant)).toBe(wasA + 31);
    expect(await storedStock(b, plant)).toBe(wasB + 47);
    expect(await storedStock(a, "1030")).toBe(wasOther);

    // the audit entry, with both levels' before and after
    const [entry] = await sql<{ id: string }>(
      "select id from audit_log where action = 'resync.plant' and after->>'plant' = $1 order by at desc limit 1",
      [plant],
    );
    await page.goto(`/audit/${entry?.id}`);
    const detail = page.getByTestId("audit-detail");
    await expect(detail).toContainText("resync.plant");
    await expect(detail.getByTestId("field-diff")).toContainText(`${a}|${plant}`);
    await expect(detail.getByTestId("field-diff")).toContainText(`${b}|${plant}`);
  };
  try {
    await previewAndWrite();
  } finally {
    // SAP back where the read model is at the other plant: no drift left for other specs
    await sandboxSetStock(a, "1030", wasOther);
  }
});
