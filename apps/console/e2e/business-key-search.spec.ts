import { randomUUID } from "node:crypto";
import { expect, type Page, test } from "@playwright/test";
import { db, failureStates, tag } from "./fixtures";
import { navLink, screenshot, signInAs } from "./helpers";
import { OrderTraffic, order, orderableMasterData } from "./sap";

/**
 * Search by business key (issue 16) and detail pages at their own URLs, on the real stack: an
 * order placed with a SKU nobody else uses is found by that SKU in Orders, in Queues (its BullMQ
 * job's data) and — once an admin edits the SKU out and retries — in the audit log, whose entry
 * shows the edit as a field-level diff. Every detail opened from a list is a URL that shows the
 * same detail when opened in a new page.
 */

async function failureIdOf(entityKey: string): Promise<string> {
  const c = db();
  await c.connect();
  try {
    const r = await c.query<{ id: string }>("select id from failure_record where entity_key = $1", [
      entityKey,
    ]);
    const id = r.rows[0]?.id;
    if (!id) throw new Error(`no failure for ${entityKey}`);
    return id;
  } finally {
    await c.end();
  }
}

test("a search by SKU finds its orders, jobs and audit entries", async ({ page }) => {
  test.setTimeout(120_000);
  const { customer, materials } = await orderableMasterData();
  const orderId = tag("sku");
  const sku = `E2E-SKU-${randomUUID().slice(0, 8).toUpperCase()}`;
  const traffic = await OrderTraffic.connect();
  try {
    // SAP refuses the unknown material (V1/320): the order, its failed job and its failure stay.
    await traffic.submit([{ ...order(orderId, customer, materials), lines: [{ sku, quantity: 2 }] }]);
  } finally {
    await traffic.close();
  }
  await expect.poll(async () => (await failureStates(orderId))[orderId], { timeout: 60_000 }).toBe("OPEN");
  await signInAs(page, "admin");

  // Orders: by the SKU on its line.
  await navLink(page, "Order trace").click();
  await page.getByLabel(/Order id, SAP document/).fill(sku);
  await page.getByRole("button", { name: "Search", exact: true }).click();
  const orders = page.getByTestId("order-results");
  await expect(orders).toHaveAttribute("data-row-count", "1");
  await expect(orders.getByRole("row").filter({ hasText: orderId })).toContainText("SKU");
  await expect(page).toHaveURL(new RegExp(`[?&]q=${sku}`));

  // Queues: the order's job, found in its data.
  await navLink(page, "Queues").click();
  await page.getByLabel(/Find by order id/).fill(sku.toLowerCase());
  await page.getByRole("button", { name: "Search jobs" }).click();
  const jobs = page.getByTestId("job-search-results");
  const jobRow = jobs.getByRole("row").filter({ hasText: orderId });
  await expect(jobRow).toHaveCount(1);
  await expect(jobRow).toContainText(/lines\.0\.sku/);
  await expect(page.getByTestId("job-search-summary")).toContainText(
    /1 job\(s\) match .* searched [\d,]+ of [\d,]+ jobs/,
  );
  await jobRow.click();
  await expect(page.getByTestId("job-search-detail")).toContainText(sku);

  // An admin replaces the SKU and retries: the edit is previewed field by field.
  const failureId = await failureIdOf(orderId);
  await page.goto(`/failures/${failureId}`);
  const detail = page.getByTestId("failure-detail");
  await detail.getByRole("button", { name: "Edit payload" }).click();
  const editor = detail.getByLabel("Payload (JSON)");
  await editor.fill((await editor.inputValue()).replace(sku, materials[0] as string));
  const preview = detail.getByTestId("edit-preview-diff");
  await expect(preview.getByRole("row")).toHaveCount(2);
  await expect(preview.locator('[data-path$="lines[0].sku"]')).toContainText(sku);
  await expect(preview.locator('[data-path$="lines[0].sku"]')).toContainText(materials[0] as string);
  await detail.getByRole("button", { name: "Save and retry…" }).click();
  const dialog = page.getByRole("dialog", { name: "Save the edited payload and retry" });
  await dialog.getByLabel(/Reason/).fill(`wrong material ${orderId}`);
  await dialog.getByRole("button", { name: "Save and retry" }).click();
  await expect(detail.getByTestId("payload-edit-diff").locator('[data-path$="lines[0].sku"]')).toContainText(
    sku,
  );

  // Audit log: free text finds the edit by the SKU it removed; its detail is the field diff.
  await navLink(page, "Audit log").click();
  await page.getByLabel(/Free-text search/).fill(sku.toLowerCase());
  await page.getByRole("button", { name: "Search", exact: true }).click();
  const audit = page.getByTestId("audit-table");
  await expect(audit).toHaveAttribute("data-row-count", "1");
  await audit.getByRole("row").filter({ hasText: "failure.edit_retry" }).getByRole("link").click();
  await expect(page).toHaveURL(/\/audit\/[0-9a-f-]{36}$/);
  const diff = page.getByTestId("audit-detail").getByTestId("field-diff");
  const skuChange = diff.locator('[data-path$="lines[0].sku"]');
  await expect(skuChange).toContainText(sku);
  await expect(skuChange).toContainText(materials[0] as string);
  // Only what changed: the order id, customer and quantity are not rows of the diff.
  await expect(diff.locator('[data-path$="orderId"]')).toHaveCount(0);
  await expect(diff.locator('[data-path$="quantity"]')).toHaveCount(0);
  await screenshot(page, "audit-field-diff");
});

/** The detail's text once loaded (the same in any tab: times are absolute, not "ago"). */
async function detailText(page: Page, testId: string): Promise<string> {
  const el = page.getByTestId(testId);
  await expect(el).toBeVisible();
  return (await el.textContent()) ?? "";
}

test("a detail URL opened in a new page shows the same detail", async ({ page, context }) => {
  const t = tag("detail");
  const linkId = randomUUID();
  const failureId = randomUUID();
  const auditId = randomUUID();
  const c = db();
  await c.connect();
  try {
    const payload = {
      orderId: t,
      customerId: "C-7",
      currency: "EUR",
      lines: [{ sku: `${t}-SKU`, quantity: 1 }],
    };
    await c.query(
      `insert into order_link (id, storefront_order_id, sap_sales_order, state, customer_id, currency, item_count, payload, created_at, updated_at)
       values ($1, $2, null, 'FAILED', 'C-7', 'EUR', 1, $3, now(), now())`,
      [linkId, t, JSON.stringify(payload)],
    );
    await c.query(
      "insert into order_event (id, order_link_id, kind, at, source) values ($1, $2, 'API_RECEIVED', now() - interval '5 seconds', 'api')",
      [randomUUID(), linkId],
    );
    const edited = { ...payload, lines: [{ sku: `${t}-FIXED`, quantity: 1 }] };
    await c.query(
      `insert into failure_record (id, flow, error_class, state, sap_error_code, message, payload, original_payload, attempts, entity_key, order_link_id, created_at, updated_at)
       values ($1, 'ORDERS', 'BUSINESS', 'OPEN', 'V1/320', 'Material does not exist', $2, $3, 1, $4, $5, now(), now())`,
      [failureId, JSON.stringify(edited), JSON.stringify(payload), t, linkId],
    );
    await c.query(
      `insert into audit_log (id, actor_id, actor_email, actor_role, action, target_type, target_id, reason, before, after)
       values ($1, 'u-admin', 'admin@example.com', 'ADMIN', 'failure.edit_retry', 'failure', $2, $3, $4, $5)`,
      [
        auditId,
        failureId,
        `fix ${t}`,
        JSON.stringify({ state: "OPEN", payload }),
        JSON.stringify({ state: "OPEN", payload: edited }),
      ],
    );
  } finally {
    await c.end();
  }

  await signInAs(page, "viewer");
  // Order: from the search result to its own page.
  await page.goto("/orders");
  await page.getByLabel(/Order id, SAP document/).fill(t);
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await page.getByTestId("order-results").getByRole("link", { name: t, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/orders/${t}$`));
  await expect(page.getByTestId("order-lines")).toContainText(`${t}-SKU`);
  // Failure: from the order's trace.
  const orderTrace = await detailText(page, "order-trace");
  await page.getByTestId("order-trace").getByRole("link", { name: "open", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/failures/${failureId}$`));
  await expect(page.getByTestId("payload-edit-diff").locator('[data-path="lines[0].sku"]')).toContainText(
    `${t}-FIXED`,
  );
  const failure = await detailText(page, "failure-detail");
  // A viewer reads it; every action stays disabled (the server refuses them too: failures.spec).
  await expect(page.getByTestId("failure-detail").getByRole("button", { name: "Retry" })).toBeDisabled();
  // Audit entry: from the failure's history.
  await page.getByTestId("failure-history").getByRole("link", { name: "failure.edit_retry" }).click();
  await expect(page).toHaveURL(new RegExp(`/audit/${auditId}$`));
  const entry = await detailText(page, "audit-detail");
  expect(entry).toContain(`fix ${t}`);

  // Each URL in a fresh tab shows the same detail.
  for (const [path, testId, text] of [
    [`/orders/${t}`, "order-trace", orderTrace],
    [`/failures/${failureId}`, "failure-detail", failure],
    [`/audit/${auditId}`, "audit-detail", entry],
  ] as const) {
    const other = await context.newPage();
    await other.goto(path);
    expect(await detailText(other, testId), path).toBe(text);
    await other.close();
  }
  // An id that is not there says so, instead of an empty page.
  await page.goto(`/audit/${randomUUID()}`);
  await expect(page.getByText(/No audit entry/)).toBeVisible();
});
