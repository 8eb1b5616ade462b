import { expect, test } from "@playwright/test";
import { seedFailures, tag } from "./fixtures";
import { navLink, signInAs } from "./helpers";

test("an admin creates an API client and sees its secret exactly once", async ({ page }) => {
  const name = tag("client");
  await signInAs(page, "admin");
  await page.goto("/settings");
  await page.getByLabel("Name").first().fill(name);
  await page.getByRole("button", { name: "Create client" }).click();
  const secret = page.getByTestId("new-secret");
  await expect(secret).toContainText(/icps_[A-Za-z0-9_-]{40,}/);
  const shown = (await secret.locator(".secret").textContent()) ?? "";
  await expect(page.getByTestId("api-clients").getByRole("row").filter({ hasText: name })).toBeVisible();
  await page.reload();
  await expect(page.getByTestId("api-clients").getByRole("row").filter({ hasText: name })).toBeVisible();
  await expect(page.getByTestId("new-secret")).toHaveCount(0);
  expect(await page.content()).not.toContain(shown);
  // The list API never returns the hash or the secret.
  const list = await page.request.get(
    `/api/trpc/settings.apiClients.list?input=${encodeURIComponent(JSON.stringify({ json: { page: 1, pageSize: 50 } }))}`,
  );
  const text = await list.text();
  expect(text).not.toContain("secretHash");
  expect(text).not.toContain(shown);
});

test("the audit log shows each action with its reason and exports the filtered rows as CSV", async ({
  page,
}) => {
  const t = tag("audit");
  const [id] = await seedFailures([{ entityKey: `${t}-a` }]);
  await signInAs(page, "operator");
  await page.goto("/failures");
  await page.getByLabel("Search key / message").fill(t);
  await page
    .getByTestId("failures-table")
    .getByRole("link", { name: `${t}-a` })
    .click();
  await page.getByTestId("failure-detail").getByRole("button", { name: "Discard…" }).click();
  const reason = `duplicate, "quoted", ${t}`;
  await page
    .getByRole("dialog")
    .getByLabel(/Reason/)
    .fill(reason);
  await page.getByRole("dialog").getByRole("button", { name: "Discard" }).click();
  await expect(page.getByTestId("failure-detail")).toContainText("DISCARDED");

  await navLink(page, "Audit log").click();
  await page.getByLabel("Target id").fill(id as string);
  // The table keeps the previous page while the filtered one loads: wait for exactly our row.
  await expect(page.getByTestId("audit-table")).toHaveAttribute("data-row-count", "1");
  const row = page.getByTestId("audit-table").getByRole("row").filter({ hasText: "failure.discard" });
  await expect(row).toContainText("operator@example.com");
  await expect(row).toContainText("OPERATOR");
  await row.getByRole("link").click();
  await expect(page.getByTestId("audit-detail")).toContainText("DISCARDED");
  await page.goBack();

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export CSV" }).click();
  const file = await download;
  const csv = await (await file.createReadStream())
    .toArray()
    .then((chunks) => Buffer.concat(chunks).toString("utf8"));
  const lines = csv.trim().split("\r\n");
  expect(lines[0]).toBe(
    "at,actorId,actorEmail,actorRole,action,targetType,targetId,reason,before,after,ip,requestId",
  );
  expect(lines).toHaveLength(2);
  expect(lines[1]).toContain(`failure.discard,failure,${id},"duplicate, ""quoted"", ${t}"`);

  // The export refuses a bad filter and an anonymous caller.
  expect((await page.request.get("/api/audit/export?from=yesterday")).status()).toBe(400);
  const anon = await page.context().browser()?.newContext();
  const res = await anon?.request.get(`${test.info().project.use.baseURL}/api/audit/export`);
  expect(res?.status()).toBe(401);
  await anon?.close();
});
