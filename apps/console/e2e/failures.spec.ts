import { expect, test } from "@playwright/test";
import { auditRows, failureStates, sameOrigin, seedFailures, tag, trpcBody } from "./fixtures";
import { navTo, screenshot, signInAs } from "./helpers";

test("an operator finds a seeded failure, dry-runs a bulk retry, retries with a reason and discards one", async ({
  page,
}) => {
  const t = tag("fail");
  const [retriedA, retriedB, discardId] = await seedFailures([
    { entityKey: `${t}-a` },
    { entityKey: `${t}-b` },
    { entityKey: `${t}-c`, sapErrorCode: "V1/999" },
  ]);
  await signInAs(page, "operator");
  await navTo(page, "Failures");
  await page.getByLabel("Search key / message").fill(t);
  const table = page.getByTestId("failures-table");
  await expect(table.getByRole("row").filter({ hasText: t })).toHaveCount(3);

  // Discard one with a reason: first, the reason is required.
  // A row opens the failure at its own, shareable URL.
  await table.getByRole("link", { name: `${t}-c` }).click();
  await expect(page).toHaveURL(new RegExp(`/failures/${discardId}$`));
  const detail = page.getByTestId("failure-detail");
  await expect(detail).toContainText("Material E2E-MAT is not defined");
  await detail.getByRole("button", { name: "Discard…" }).click();
  const dialog = page.getByRole("dialog", { name: "Discard this failure" });
  await expect(dialog.getByRole("button", { name: "Discard" })).toBeDisabled();
  await dialog.getByLabel(/Reason/).fill("customer cancelled by phone");
  await dialog.getByRole("button", { name: "Discard" }).click();
  await expect(dialog).toBeHidden();
  await expect(detail).toContainText("DISCARDED");
  // Back to the inbox, its filter (the URL) as it was.
  await page.goBack();
  await expect(page.getByLabel("Search key / message")).toHaveValue(t);

  // Bulk retry: the dry run counts only the two still-open failures of this filter.
  await page.getByRole("button", { name: "Retry all matching…" }).click();
  const bulk = page.getByRole("dialog", { name: "Retry all matching failures" });
  await expect(page.getByTestId("dry-run-count")).toContainText("2 open failure(s)");
  await bulk.getByLabel(/Reason/).fill("SAP material master fixed");
  await bulk.getByRole("button", { name: "Retry 2 failure(s)" }).click();
  await expect(page.getByRole("region", { name: /Notifications/ })).toContainText("Bulk retry: 2 retried");
  await screenshot(page, `failures-after-bulk-${test.info().project.name}`);

  // The retried orders went back to SAP at once: RETRYING while their job runs, OPEN again
  // once it failed again (their customer does not exist in SAP) — through the failure's state
  // table either way. Each retry is audited.
  const states = await failureStates(t);
  expect(states[`${t}-c`]).toBe("DISCARDED");
  for (const k of [`${t}-a`, `${t}-b`]) expect(["RETRYING", "OPEN"]).toContain(states[k]);
  for (const id of [retriedA, retriedB])
    expect(await auditRows({ targetId: id as string, action: "failure.retry_bulk" })).toEqual([
      expect.objectContaining({ reason: "SAP material master fixed", actor_role: "OPERATOR" }),
    ]);
  const discarded = await auditRows({ targetId: discardId as string });
  expect(discarded).toEqual([
    expect.objectContaining({
      action: "failure.discard",
      actor_email: "operator@example.com",
      actor_role: "OPERATOR",
      reason: "customer cancelled by phone",
    }),
  ]);
});

test("a viewer sees failures but every action is disabled and the server refuses forged calls", async ({
  page,
}) => {
  const t = tag("viewer");
  const [id] = await seedFailures([{ entityKey: `${t}-a` }]);
  await signInAs(page, "viewer");
  await page.goto("/failures");
  await page.getByLabel("Search key / message").fill(t);
  await page
    .getByTestId("failures-table")
    .getByRole("link", { name: `${t}-a` })
    .click();
  const detail = page.getByTestId("failure-detail");
  await expect(detail.getByRole("button", { name: "Retry" })).toBeDisabled();
  await expect(detail.getByRole("button", { name: "Discard…" })).toBeDisabled();
  await expect(detail.getByRole("button", { name: "Edit payload" })).toBeDisabled();
  await page.goBack();
  await expect(page.getByRole("button", { name: "Retry all matching…" })).toBeDisabled();

  const forged: [string, unknown][] = [
    ["failures.retry", { id }],
    ["failures.discard", { id, reason: "forged by a viewer" }],
    ["failures.retryMany", { filter: { q: t }, reason: "forged by a viewer" }],
    ["failures.editAndRetry", { id, reason: "forged", payload: "{}" }],
    ["resync.start", { entity: "STOCK", mode: "DELTA" }],
    ["queues.pause", { queue: "orders-to-sap", reason: "forged by a viewer" }],
    [
      "replay.start",
      {
        range: { by: "offsets", topic: "orders", partition: 0, fromOffset: "0", toOffset: "1" },
        reason: "forged",
      },
    ],
    ["settings.apiClients.create", { name: "forged", scopes: ["catalog:read"], rateLimitPerMinute: 10 }],
  ];
  for (const [path, input] of forged) {
    const res = await page.request.post(`/api/trpc/${path}`, {
      data: trpcBody(input),
      headers: sameOrigin(),
    });
    expect(res.status(), path).toBe(403);
  }
  expect(await failureStates(t)).toEqual({ [`${t}-a`]: "OPEN" });
  expect(await auditRows({ targetId: id as string })).toEqual([]);
});

test("bad input is a typed validation error and changes nothing", async ({ page }) => {
  const t = tag("bad");
  const [id] = await seedFailures([{ entityKey: `${t}-a` }]);
  await signInAs(page, "operator");
  const res = await page.request.post("/api/trpc/failures.discard", {
    data: trpcBody({ id, reason: "" }),
    headers: sameOrigin(),
  });
  expect(res.status()).toBe(400);
  const body = await res.json();
  expect(body.error.json.data.code).toBe("BAD_REQUEST");
  expect(body.error.json.data.validation[0].path).toEqual(["reason"]);
  expect(await failureStates(t)).toEqual({ [`${t}-a`]: "OPEN" });
});
