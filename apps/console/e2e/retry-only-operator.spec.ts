import { expect, test } from "@playwright/test";
import { auditRows, failureStates, sameOrigin, seedFailures, sql, tag, trpcBody } from "./fixtures";
import { screenshot, signInAs } from "./helpers";

/** The dev role `retrier` as the dev sign-in creates it: retry, but not discard or edit. */
const RETRIER = ["console.read", "failures.retry"];

test.afterEach(async () => {
  // The role edit below is undone whatever happened, for the next run.
  await sql("update staff_role set permissions = $1 where name = 'retrier'", [RETRIER]);
});

test("an operator whose role allows retry but not discard retries a failure; discard is disabled and a forced one refused", async ({
  page,
  browser,
}) => {
  const t = tag("retrier");
  const [retryId, keepId] = await seedFailures([{ entityKey: `${t}-a` }, { entityKey: `${t}-b` }]);
  await signInAs(page, "retrier");
  await expect(page.getByTestId("my-role")).toHaveText("retrier");

  await page.goto("/failures");
  await page.getByLabel("Search key / message").fill(t);
  const table = page.getByTestId("failures-table");
  await expect(table.getByRole("row").filter({ hasText: t })).toHaveCount(2);
  // Bulk: retry allowed, discard not.
  await expect(page.getByRole("button", { name: "Retry all matching…" })).toBeEnabled();
  await expect(page.getByRole("button", { name: "Discard all matching…" })).toBeDisabled();

  await table.getByRole("link", { name: `${t}-a` }).click();
  const detail = page.getByTestId("failure-detail");
  await expect(detail.getByRole("button", { name: "Discard…" })).toBeDisabled();
  await expect(detail.getByRole("button", { name: "Discard…" })).toHaveAttribute(
    "title",
    "Needs the failures.discard permission",
  );
  await expect(detail.getByRole("button", { name: "Edit payload" })).toBeDisabled();
  await detail.getByRole("button", { name: "Retry" }).click();
  await page
    .getByRole("dialog", { name: "Retry this failure" })
    .getByRole("button", { name: "Retry" })
    .click();
  await expect(page.getByRole("dialog", { name: "Retry this failure" })).toBeHidden();
  await screenshot(page, `retrier-detail-${test.info().project.name}`);
  expect(await auditRows({ targetId: retryId as string, action: "failure.retry" })).toEqual([
    expect.objectContaining({ actor_email: "retrier@example.com", actor_role: "CUSTOM" }),
  ]);

  // A discard sent past the disabled button: the server refuses it, naming the permission.
  const forced = await page.request.post("/api/trpc/failures.discard", {
    data: trpcBody({ id: keepId, reason: "forced past the disabled button" }),
    headers: sameOrigin(),
  });
  expect(forced.status()).toBe(403);
  const body = (await forced.json()) as { error: { json: { message: string; data: { code: string } } } };
  expect(body.error.json.data.code).toBe("FORBIDDEN");
  expect(body.error.json.message).toContain("failures.discard");
  expect((await failureStates(t))[`${t}-b`]).toBe("OPEN");
  expect(await auditRows({ targetId: keepId as string })).toEqual([]);

  // An admin grants the role failures.discard in Settings → Roles: the retrier's next page has it,
  // without signing in again.
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signInAs(admin, "admin");
  await admin.goto("/settings/roles");
  await admin.getByTestId("roles-table").getByRole("row").filter({ hasText: "retrier" }).click();
  const editor = admin.getByTestId("role-editor");
  await expect(editor).toContainText("Role retrier");
  await editor.getByRole("checkbox", { name: /failures\.discard/ }).check();
  await editor.getByRole("button", { name: "Save…" }).click();
  const confirm = admin.getByRole("dialog", { name: "Save role retrier?" });
  await expect(confirm.getByTestId("permission-diff")).toContainText("adds failures.discard");
  await confirm.getByRole("button", { name: "Save" }).click();
  await expect(confirm).toBeHidden();
  const roleAudit = await sql<{
    action: string;
    actor_email: string;
    before: { permissions: string[] };
    after: { permissions: string[] };
  }>(
    "select action, actor_email, before, after from audit_log where target_type = 'role' and target_id = 'retrier' order by at desc limit 1",
  );
  expect(roleAudit[0]).toMatchObject({
    action: "role.update",
    actor_email: "admin@example.com",
    before: { permissions: RETRIER },
    after: { permissions: [...RETRIER, "failures.discard"] },
  });
  await adminContext.close();

  // Roles are read per request (cached at most 5 s per console process).
  await expect(async () => {
    await page.goto(`/failures/${keepId}`);
    await expect(page.getByTestId("failure-detail").getByRole("button", { name: "Discard…" })).toBeEnabled({
      timeout: 2_000,
    });
  }).toPass({ timeout: 20_000 });
});
