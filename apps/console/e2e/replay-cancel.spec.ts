import { expect, test } from "@playwright/test";
import { auditRows, sql } from "./fixtures";
import { signInAs } from "./helpers";

/**
 * A replay asked for by mistake is stopped before it sends anything: the run's detail offers
 * "Cancel run…" to a user with replay.start (disabled for a viewer), the reason is required, the
 * run ends CANCELLED, and the audit log holds the cancellation with its reason. The run is queued
 * with no job behind it (as between the API's row and its job), so no worker starts it first.
 */
test("an operator cancels a queued replay from its detail, with a reason, audited", async ({
  page,
  browser,
}) => {
  const [run] = await sql<{ id: string }>(
    `insert into replay_run (id, updated_at, topic, partition, from_offset, to_offset, dry_run, state, target, target_name, requested_by, reason)
     values (gen_random_uuid(), now(), 'orders', 0, 0, 0, false, 'QUEUED', 'QUEUE', 'orders-to-sap', 'e2e', 'e2e: a replay asked for by mistake')
     returning id`,
  );
  const id = run?.id as string;

  const viewerContext = await browser.newContext();
  try {
    const viewer = await viewerContext.newPage();
    await signInAs(viewer, "viewer");
    await viewer.goto(`/replay?run=${id}`);
    await expect(
      viewer.getByTestId("replay-run-detail").getByRole("button", { name: "Cancel run…" }),
    ).toBeDisabled();
  } finally {
    await viewerContext.close();
  }
  const detail = page.getByTestId("replay-run-detail");

  await signInAs(page, "operator");
  await page.goto(`/replay?run=${id}`);
  await detail.getByRole("button", { name: "Cancel run…" }).click();
  const dialog = page.getByRole("dialog", { name: "Cancel the replay" });
  const why = "e2e: wrong partition picked";
  await dialog.getByLabel(/Reason/).fill(why);
  await dialog.getByRole("button", { name: "Cancel run", exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(detail.getByRole("button", { name: "Cancel run…" })).toBeHidden();
  await expect(
    page.getByTestId("replay-runs").locator("tr", { hasText: "e2e: a replay asked for by mistake" }).first(),
  ).toContainText("CANCELLED");

  const [after] = await sql<{ state: string; finished_at: Date | null }>(
    "select state, finished_at from replay_run where id = $1",
    [id],
  );
  expect(after).toMatchObject({ state: "CANCELLED", finished_at: expect.any(Date) });
  expect(await auditRows({ targetId: id, action: "replay.cancel" })).toEqual([
    expect.objectContaining({ reason: why, actor_role: "OPERATOR" }),
  ]);
});
