import { expect, test } from "@playwright/test";
import { db, tag } from "./fixtures";
import { signInAs } from "./helpers";

/**
 * Issue 16: a table library with virtualised rows for 10k+. The inbox's "Everything matching"
 * loads 10,000 failures into one DataTable (TanStack Table + Virtual): only a window of rows is
 * in the DOM, keyboard End reaches the last one, and column sorting and filters work on all.
 */
const N = 10_000;

async function sql(text: string, params: unknown[] = []) {
  const c = db();
  await c.connect();
  try {
    return await c.query(text, params);
  } finally {
    await c.end();
  }
}

test("10,000 failures in one table: a window of rows rendered, End reaches the last, filters and sorting over all", async ({
  page,
}) => {
  test.setTimeout(180_000);
  const t = tag("virt");
  // RESOLVED, so no alert, group or default (OPEN) view of anyone else sees them. Key i is
  // i seconds old: the newest first is <t>-00001.
  await sql(
    `insert into failure_record (id, flow, error_class, state, sap_error_code, message, payload, attempts, entity_key, created_at, updated_at)
     select gen_random_uuid(), 'ORDERS', 'BUSINESS', 'RESOLVED', 'V1/302', 'virtualised row ' || i, '{}'::jsonb, 1,
            $1 || '-' || lpad(i::text, 5, '0'), now() - make_interval(secs => i), now()
       from generate_series(1, $2::int) as i`,
    [t, N],
  );
  try {
    await signInAs(page, "viewer");
    await page.goto(`/failures?state=all&q=${t}`);
    await expect(page.getByRole("navigation", { name: "Pages" })).toContainText("· 10,000 rows");
    const table = page.getByTestId("failures-table");
    const rendered = table.locator("tbody tr[data-index]");

    const started = Date.now();
    await page.getByLabel("Rows").selectOption("all");
    await expect(page.getByTestId("everything-status")).toHaveText("10,000 of 10,000 matching loaded", {
      timeout: 60_000,
    });
    const loadedMs = Date.now() - started;
    await expect(table).toHaveAttribute("data-row-count", String(N));
    // Two header rows (titles, column filters) + 10,000 body rows, as assistive tech is told.
    await expect(table).toHaveAttribute("aria-rowcount", String(N + 2));
    const windowSize = await rendered.count();
    expect(windowSize).toBeGreaterThan(5);
    expect(windowSize).toBeLessThan(100);
    await expect(rendered.first()).toContainText(`${t}-00001`);

    // Keyboard: the first row is in the tab order; End moves to the last row (scrolled in).
    await rendered.first().focus();
    await page.keyboard.press("End");
    const last = table.locator(`tbody tr[aria-rowindex="${N + 2}"]`);
    await expect(last).toBeFocused();
    await expect(last).toContainText(`${t}-10000`);
    expect(await rendered.count()).toBeLessThan(100);
    await page.keyboard.press("Home");
    await expect(table.locator('tbody tr[aria-rowindex="3"]')).toBeFocused();

    // Sort by key descending (over all 10,000, in the browser): <t>-10000 first.
    await table.getByRole("button", { name: /^Key/ }).click();
    await expect(table.getByRole("columnheader", { name: /^Key/ })).toHaveAttribute("aria-sort", "ascending");
    await expect(rendered.first()).toContainText(`${t}-00001`);
    await table.getByRole("button", { name: /^Key/ }).click();
    await expect(table.getByRole("columnheader", { name: /^Key/ })).toHaveAttribute(
      "aria-sort",
      "descending",
    );
    await expect(rendered.first()).toContainText(`${t}-10000`);

    // A column filter over all rows: keys 09990-09999.
    await table.getByLabel("Filter Key").fill(`${t}-0999`);
    await expect(table).toHaveAttribute("data-row-count", "10");
    await expect(rendered).toHaveCount(10);
    test.info().annotations.push({ type: "timing", description: `10,000 rows loaded in ${loadedMs} ms` });
    console.log(`failures-virtual: 10,000 rows loaded in ${loadedMs} ms, window ${windowSize} rows`);
  } finally {
    await sql("delete from failure_record where entity_key like $1", [`${t}-%`]);
  }
});
