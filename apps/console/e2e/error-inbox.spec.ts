import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { auditRows, db, failureStates, seedFailures, tag } from "./fixtures";
import { navLink, signInAs } from "./helpers";

/** A webhook endpoint row, so the inbox can name the group (its failures only carry its id). */
async function webhookEndpoint(name: string): Promise<string> {
  const c = db();
  await c.connect();
  try {
    const res = await c.query<{ id: string }>(
      `insert into webhook_endpoint (id, name, url, secret_ref, events, active, created_by, created_at, updated_at)
       values (gen_random_uuid(), $1, 'http://127.0.0.1:9/e2e', 'env:WH_E2E', '{order.status_changed}', true, 'e2e', now(), now())
       returning id`,
      [name],
    );
    return res.rows[0]?.id as string;
  } finally {
    await c.end();
  }
}

const webhookFailure = (entityKey: string, endpointId: string, state: "OPEN" | "RESOLVED" = "OPEN") => ({
  flow: "WEBHOOK" as const,
  errorClass: "TRANSIENT" as const,
  state,
  message: "endpoint answered 500",
  entityKey,
  payload: { deliveryId: randomUUID(), endpointId, eventId: randomUUID() },
});

test("an operator groups open failures by webhook endpoint and discards the 42 of one endpoint in one bulk action with a reason", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const t = tag("inbox");
  const name = `${t}-shop`;
  const broken = await webhookEndpoint(name);
  const other = await webhookEndpoint(`${t}-other`);
  await seedFailures([
    ...Array.from({ length: 42 }, (_, i) => webhookFailure(`${t}-a-${i}`, broken)),
    webhookFailure(`${t}-r-0`, broken, "RESOLVED"),
    ...Array.from({ length: 3 }, (_, i) => webhookFailure(`${t}-b-${i}`, other)),
    { entityKey: `${t}-o-0` },
    { entityKey: `${t}-o-1` },
  ]);

  await signInAs(page, "operator");
  await page.goto("/failures?group=endpoint");
  const groups = page.getByTestId("failure-groups");
  const row = groups.getByRole("row").filter({ hasText: name });
  await expect(row).toContainText("42");
  await row.getByRole("button", { name: new RegExp(name) }).click();
  await expect(page).toHaveURL(new RegExp(`endpoint=${broken}`));
  const pager = page.getByRole("navigation", { name: "Pages" });
  await expect(pager).toContainText("· 42 rows");

  // The link reloads to the same view: the same endpoint, open failures, grouped by endpoint.
  await page.reload();
  await expect(pager).toContainText("· 42 rows");
  await expect(page.getByLabel("State")).toHaveValue("OPEN");
  await expect(page.getByLabel("Group by cause")).toHaveValue("endpoint");

  await page.getByRole("button", { name: "Discard all matching…" }).click();
  const dialog = page.getByRole("dialog", { name: "Discard all matching failures" });
  await expect(dialog.getByTestId("bulk-dry-run")).toContainText("Dry run: 42 failure(s)");
  await expect(
    dialog.getByRole("list", { name: "Oldest that would be changed" }).getByRole("listitem"),
  ).toHaveCount(10);
  // The dry run changed nothing.
  expect(Object.values(await failureStates(`${t}-a-`)).filter((s) => s === "OPEN")).toHaveLength(42);
  const confirm = dialog.getByRole("button", { name: "Discard 42 failure(s)" });
  await expect(confirm).toBeDisabled();
  const reason = `receiver retired, events obsolete (${t})`;
  await dialog.getByLabel(/Reason/).fill(reason);
  await confirm.click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("region", { name: /Notifications/ })).toContainText(
    "Bulk discard: 42 discarded, 0 refused of 42 matched",
  );
  await expect(pager).toContainText("· 0 rows");

  const states = await failureStates(`${t}-`);
  const count = (prefix: string, state: string) =>
    Object.entries(states).filter(([k, s]) => k.startsWith(`${t}-${prefix}-`) && s === state).length;
  expect(count("a", "DISCARDED")).toBe(42);
  expect(count("r", "RESOLVED")).toBe(1);
  expect(count("b", "OPEN")).toBe(3);
  expect(count("o", "OPEN")).toBe(2);

  const bulk = (await auditRows({ action: "failure.discard_many" })).filter((a) => a.reason === reason);
  expect(bulk).toHaveLength(1);
  expect(bulk[0]?.actor_role).toBe("OPERATOR");

  await navLink(page, "Audit log").click();
  await page.getByLabel("Action").selectOption("failure.discard_many");
  const audit = page.getByTestId("audit-table").getByRole("row").filter({ hasText: t });
  await expect(audit).toHaveCount(1);
  await expect(audit).toContainText("operator@example.com");
  await audit.getByRole("link").click();
  await expect(page.getByTestId("audit-detail")).toContainText(broken);
});

test("the inbox shows open failures unless the link asks for all, and a filtered view survives a reload", async ({
  page,
}) => {
  const t = tag("inbox-url");
  await seedFailures([
    { entityKey: `${t}-1` },
    { entityKey: `${t}-2`, sapErrorCode: "V1/777" },
    { entityKey: `${t}-3`, state: "RESOLVED" },
  ]);
  await signInAs(page, "viewer");
  await page.goto("/failures");
  await page.getByLabel("Search key / message").fill(t);
  const pager = page.getByRole("navigation", { name: "Pages" });
  await expect(pager).toContainText("· 2 rows");
  await expect(page.getByLabel("State")).toHaveValue("OPEN");
  await expect(page.getByTestId("failures-table")).toContainText("Owner");

  await page.getByLabel("State").selectOption("all");
  await expect(pager).toContainText("· 3 rows");
  await expect(page).toHaveURL(/state=all/);
  await page.reload();
  await expect(page.getByLabel("Search key / message")).toHaveValue(t);
  await expect(page.getByLabel("State")).toHaveValue("all");
  await expect(pager).toContainText("· 3 rows");

  await page.goto(`/failures?q=${t}&code=${encodeURIComponent("V1/777")}`);
  await expect(pager).toContainText("· 1 rows");
  await expect(
    page
      .getByTestId("failures-table")
      .getByRole("row")
      .filter({ hasText: `${t}-2` }),
  ).toHaveCount(1);
});
