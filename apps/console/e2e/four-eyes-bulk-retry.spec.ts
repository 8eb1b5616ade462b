import { expect, test } from "@playwright/test";
import { auditRows, sql, tag } from "./fixtures";
import { navLink, screenshot, signInAs } from "./helpers";

/** `n` OPEN order failures whose entity keys start with `prefix`, in one statement. */
async function seedMany(prefix: string, n: number): Promise<string[]> {
  const rows = await sql<{ id: string }>(
    `insert into failure_record (id, flow, error_class, state, sap_error_code, message, payload, attempts, entity_key, job_id, created_at, updated_at)
     select gen_random_uuid(), 'ORDERS', 'BUSINESS', 'OPEN', 'V1/302', 'Material E2E-MAT is not defined for sales org 1010',
            jsonb_build_object('orderId', $1 || '-' || i, 'customerId', 'C-1', 'currency', 'EUR',
                               'lines', jsonb_build_array(jsonb_build_object('sku', 'E2E-MAT', 'quantity', 1)),
                               'submittedAt', $3::text, 'apiClientId', 'e2e-storefront'),
            8, $1 || '-' || i, $1 || '-' || i, now() - (i || ' seconds')::interval, now()
     from generate_series(1, $2::int) as i
     returning id`,
    [prefix, n, new Date().toISOString()],
  );
  return rows.map((r) => r.id);
}

/** The seeded failures by state (a retried order that fails again in SAP may add a new one). */
const counts = async (ids: string[]) =>
  Object.fromEntries(
    (
      await sql<{ state: string; n: string }>(
        "select state, count(*) as n from failure_record where id = any($1::uuid[]) group by state",
        [ids],
      )
    ).map((r) => [r.state, Number(r.n)]),
  );

test("a bulk retry of 500 failures is held for approval, approved by a second admin, executed and audited", async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  const t = tag("foureyes");
  const ids = await seedMany(t, 500);
  await signInAs(page, "admin");
  await page.goto("/failures");
  await page.getByLabel("Search key / message").fill(t);
  await page.getByRole("button", { name: "Retry all matching…" }).click();
  const bulk = page.getByRole("dialog", { name: "Retry all matching failures" });
  await expect(page.getByTestId("dry-run-count")).toContainText("500 open failure(s)");
  await bulk.getByLabel(/Reason/).fill("SAP material master fixed for all 500");
  await bulk.getByRole("button", { name: "Retry 500 failure(s)" }).click();

  // Held, not run: a notice links to the request, and nothing was retried.
  const notice = page.getByTestId("pending-approval");
  await expect(notice).toContainText("500 item(s), over the threshold of 100");
  expect(await counts(ids)).toEqual({ OPEN: 500 });
  const [request] = await sql<{
    id: string;
    state: string;
    size: number;
    requested_by_email: string;
    input: unknown;
  }>(
    "select id, state, size, requested_by_email, input from approval_request where input->'filter'->>'q' = $1",
    [t],
  );
  expect(request).toMatchObject({
    state: "PENDING",
    size: 500,
    requested_by_email: "admin@example.com",
    input: { filter: { q: t }, reason: "SAP material master fixed for all 500" },
  });
  const id = request?.id as string;
  await notice.getByRole("link", { name: "Open the request" }).click();
  await expect(page).toHaveURL(new RegExp(`/approvals/${id}$`));
  const mine = page.getByTestId("approval-detail");
  await expect(mine).toContainText("PENDING");
  // The requester cannot approve their own request.
  await expect(mine.getByRole("button", { name: "Approve and run…" })).toBeDisabled();
  await expect(mine.getByRole("button", { name: "Approve and run…" })).toHaveAttribute(
    "title",
    "You asked for this action; another person must decide it.",
  );
  await screenshot(page, `approval-pending-${test.info().project.name}`);

  // A second admin finds it under Approvals and approves it.
  const otherContext = await browser.newContext();
  const other = await otherContext.newPage();
  await signInAs(other, "admin2");
  await navLink(other, "Approvals").click();
  // Its row names who asked and what: this run's filter.
  const row = other.getByTestId("approvals-table").getByRole("row").filter({ hasText: t });
  await expect(row).toContainText("admin@example.com");
  await row.getByRole("link").click();
  await expect(other).toHaveURL(new RegExp(`/approvals/${id}$`));
  const detail = other.getByTestId("approval-detail");
  await detail.getByRole("button", { name: "Approve and run…" }).click();
  const dialog = other.getByRole("dialog", { name: "Approve and run this action?" });
  await dialog.getByRole("button", { name: "Approve and run" }).click();
  await expect(other.getByRole("region", { name: /Notifications/ })).toContainText("Approved and executed.", {
    timeout: 120_000,
  });
  await expect(detail).toContainText("EXECUTED");
  await expect(other.getByTestId("approval-decision")).toContainText("Approved by admin2@example.com");
  const history = other.getByTestId("approval-audit");
  for (const action of ["approval.request", "approval.approve", "approval.execute"])
    await expect(history).toContainText(action);
  await screenshot(other, `approval-executed-${test.info().project.name}`);
  await otherContext.close();

  // Executed once: every failure was retried (RETRYING, or OPEN again once its order failed again
  // in SAP), each with its own audit row carrying the requester's reason.
  const [done] = await sql<{ state: string; result: { matched: number; retried: number; failed: number } }>(
    "select state, result from approval_request where id = $1",
    [id],
  );
  expect(done).toMatchObject({ state: "EXECUTED", result: { matched: 500, retried: 500, failed: 0 } });
  const after = await counts(ids);
  expect((after.RETRYING ?? 0) + (after.OPEN ?? 0) + (after.RESOLVED ?? 0)).toBe(500);
  const [perRow] = await sql<{ n: string }>(
    `select count(*) as n from audit_log
     where action = 'failure.retry_bulk' and target_id = any($1::text[]) and reason = $2 and actor_email = 'admin2@example.com'`,
    [ids, "SAP material master fixed for all 500"],
  );
  expect(Number(perRow?.n)).toBe(500);
  expect((await auditRows({ targetId: id })).map((a) => [a.action, a.actor_email])).toEqual([
    ["approval.request", "admin@example.com"],
    ["approval.approve", "admin2@example.com"],
    ["approval.execute", "admin2@example.com"],
  ]);

  // The requester sees it executed; approving again is impossible.
  await page.reload();
  await expect(mine).toContainText("EXECUTED");
  await expect(mine.getByRole("button", { name: "Approve and run…" })).toBeDisabled();
});
