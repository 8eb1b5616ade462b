import { expect, test } from "@playwright/test";
import { auditRows, sameOrigin, sql, tag, trpcBody } from "./fixtures";
import { signInAs } from "./helpers";

/**
 * Issue 16: a full resync is expensive (every record read again from SAP), so it starts only
 * through a confirmation with a reason, which the server requires too and the audit log keeps.
 */
const runsOf = async (entity: string) =>
  (await sql<{ n: string }>("select count(*) as n from sync_run where entity = $1", [entity]))[0]?.n;

test("a full resync needs a reason: Cancel starts nothing, the API refuses one without, Confirm starts it and the audit log shows the reason", async ({
  page,
}) => {
  await sql(
    "update sync_run set state = 'CANCELLED', finished_at = now() where entity = 'PRICES' and state in ('QUEUED','RUNNING')",
  );
  await signInAs(page, "operator");
  // Hold the resync queue so the run stays QUEUED (no SAP load); released at the end.
  const pause = await page.request.post("/api/trpc/queues.pause", {
    data: trpcBody({ queue: "master-data-resync", reason: "e2e: hold resyncs" }),
    headers: sameOrigin(),
  });
  expect(pause.status()).toBe(200);
  try {
    const before = await runsOf("PRICES");
    await page.goto("/resync");
    const card = page.getByTestId("resync-PRICES");
    await card.getByRole("button", { name: "Full resync…" }).click();
    const dialog = page.getByRole("dialog", { name: "Full resync of PRICES" });
    await expect(dialog).toBeVisible();
    const go = dialog.getByRole("button", { name: "Start full resync" });
    await expect(go).toBeDisabled();
    await dialog.getByLabel(/Reason/).fill("ab");
    await expect(go).toBeDisabled();

    // Cancel changes nothing: no run, no audit row, the card idle.
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect(dialog).toBeHidden();
    await expect(card).toContainText("Idle");
    expect(await runsOf("PRICES")).toBe(before);

    // Escape closes it too, and the reason typed before is gone when it opens again.
    await card.getByRole("button", { name: "Full resync…" }).click();
    await expect(dialog.getByLabel(/Reason/)).toHaveValue("");
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    expect(await runsOf("PRICES")).toBe(before);

    // The server refuses a full resync without a reason (a forged call), naming the field.
    const forged = await page.request.post("/api/trpc/resync.start", {
      data: trpcBody({ entity: "PRICES", mode: "FULL" }),
      headers: sameOrigin(),
    });
    expect(forged.status()).toBe(400);
    expect(JSON.stringify(await forged.json())).toContain("A full resync needs a reason");
    expect(await runsOf("PRICES")).toBe(before);

    // Confirm with a reason: the run is queued, a notice says so, the audit row keeps the reason.
    const why = `price conditions reloaded in SAP ${tag("why")}`;
    await card.getByRole("button", { name: "Full resync…" }).click();
    await dialog.getByLabel(/Reason/).fill(why);
    await go.click();
    await expect(dialog).toBeHidden();
    await expect(card).toContainText("QUEUED");
    await expect(card).toContainText("FULL");
    await expect(page.getByRole("region", { name: /Notifications/ })).toContainText(
      "PRICES full resync queued.",
    );
    const [run] = await sql<{ id: string; mode: string; started_by: string }>(
      "select id, mode, started_by from sync_run where entity = 'PRICES' order by created_at desc limit 1",
    );
    expect(run).toMatchObject({ mode: "FULL", started_by: "operator@example.com" });
    expect(await auditRows({ targetId: run?.id as string, action: "sync.start" })).toEqual([
      expect.objectContaining({ reason: why, actor_role: "OPERATOR" }),
    ]);
    await page.goto("/audit");
    await expect(page.getByText(why).first()).toBeVisible({ timeout: 15_000 });

    const cancel = await page.request.post("/api/trpc/resync.cancel", {
      data: trpcBody({ id: run?.id, reason: "e2e: clean up" }),
      headers: sameOrigin(),
    });
    expect(cancel.status()).toBe(200);
  } finally {
    await page.request.post("/api/trpc/queues.resume", {
      data: trpcBody({ queue: "master-data-resync", reason: "e2e: release" }),
      headers: sameOrigin(),
    });
  }
});
