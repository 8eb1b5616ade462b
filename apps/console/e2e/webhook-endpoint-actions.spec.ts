import { expect, test } from "@playwright/test";
import { auditRows, sameOrigin, sql, tag, trpcBody } from "./fixtures";
import { signInAs } from "./helpers";

/**
 * Issue 16: an endpoint's destructive actions (deactivate, delete) sit in its row's Actions menu
 * (Radix Dropdown Menu) and confirm in a dialog with a required reason, which the server requires
 * too and the audit log keeps.
 */
type EndpointRow = { active: boolean; deleted_at: Date | null; delete_reason: string | null };
const endpointRow = async (id: string) =>
  (
    await sql<EndpointRow>("select active, deleted_at, delete_reason from webhook_endpoint where id = $1", [
      id,
    ])
  )[0];

test("an admin deactivates and deletes a webhook endpoint from its Actions menu, each with a reason the server requires", async ({
  page,
}) => {
  const name = tag("ep");
  const [ep] = await sql<{ id: string }>(
    `insert into webhook_endpoint (id, name, url, secret_ref, events, active, created_by, created_at, updated_at)
     values (gen_random_uuid(), $1, 'http://127.0.0.1:9/e2e', 'env:ALERT_CHANNEL_SECRET_E2E', '{stock.changed}', true, 'e2e', now(), now())
     returning id`,
    [name],
  );
  const id = ep?.id as string;
  try {
    await signInAs(page, "admin");
    await page.goto("/settings#webhooks");
    const row = page.getByTestId("webhook-endpoints").locator(`[data-endpoint="${name}"]`);
    await expect(row.getByTestId("endpoint-status")).toContainText("ok");
    const notices = page.getByRole("region", { name: /Notifications/ });

    // Deactivate…: the dialog needs a reason; Escape closes it and changes nothing.
    await row.getByRole("button", { name: `Actions for ${name}` }).click();
    await page.getByRole("menuitem", { name: "Deactivate…" }).click();
    const deactivate = page.getByRole("dialog", { name: `Deactivate the webhook endpoint ${name}` });
    const confirm = deactivate.getByRole("button", { name: "Deactivate" });
    await expect(confirm).toBeDisabled();
    await deactivate.getByLabel(/Reason/).fill("no");
    await expect(confirm).toBeDisabled();
    await page.keyboard.press("Escape");
    await expect(deactivate).toBeHidden();
    expect((await endpointRow(id))?.active).toBe(true);

    // A forged call without a reason is refused by the server, naming the reason.
    const forged = await page.request.post("/api/trpc/settings.webhooks.update", {
      data: trpcBody({
        id,
        name,
        url: "http://127.0.0.1:9/e2e",
        events: ["stock.changed"],
        secretRef: "env:ALERT_CHANNEL_SECRET_E2E",
        active: false,
      }),
      headers: sameOrigin(),
    });
    expect(forged.status()).toBe(400);
    expect(JSON.stringify(await forged.json())).toContain("needs a reason");
    expect((await endpointRow(id))?.active).toBe(true);

    const pause = `receiver in maintenance ${tag("why")}`;
    await row.getByRole("button", { name: `Actions for ${name}` }).click();
    await page.getByRole("menuitem", { name: "Deactivate…" }).click();
    await deactivate.getByLabel(/Reason/).fill(pause);
    await confirm.click();
    await expect(deactivate).toBeHidden();
    await expect(row.getByTestId("endpoint-status")).toContainText("inactive");
    await expect(notices).toContainText(`${name} deactivated.`);
    expect((await endpointRow(id))?.active).toBe(false);

    // Delete…: refused by the server without a reason; with one, gone from the list, audited.
    const forgedDelete = await page.request.post("/api/trpc/settings.webhooks.delete", {
      data: trpcBody({ id, reason: " " }),
      headers: sameOrigin(),
    });
    expect(forgedDelete.status()).toBe(400);
    expect((await endpointRow(id))?.deleted_at).toBeNull();

    const gone = `storefront retired ${tag("why")}`;
    await row.getByRole("button", { name: `Actions for ${name}` }).click();
    await page.getByRole("menuitem", { name: "Delete…" }).click();
    const del = page.getByRole("dialog", { name: `Delete the webhook endpoint ${name}` });
    await expect(del.getByRole("button", { name: "Delete" })).toBeDisabled();
    await del.getByLabel(/Reason/).fill(gone);
    await del.getByRole("button", { name: "Delete" }).click();
    await expect(del).toBeHidden();
    await expect(row).toHaveCount(0);
    await expect(notices).toContainText(`Webhook endpoint ${name} deleted.`);
    expect(await endpointRow(id)).toMatchObject({ delete_reason: gone, active: false });

    expect((await auditRows({ targetId: id })).map((a) => [a.action, a.actor_role, a.reason])).toEqual([
      ["webhook_endpoint.update", "ADMIN", pause],
      ["webhook_endpoint.delete", "ADMIN", gone],
    ]);
  } finally {
    await sql(
      "update webhook_endpoint set active = false, deleted_at = coalesce(deleted_at, now()) where id = $1",
      [id],
    );
  }
});
