import { expect, test } from "@playwright/test";
import { db, sameOrigin, trpcBody } from "./fixtures";
import { signInAs } from "./helpers";

test("an operator starts a resync, a second one is refused with a typed error, then cancels it", async ({
  page,
}) => {
  const c = db();
  await c.connect();
  // Clear any run an earlier attempt left active.
  await c.query(
    "update sync_run set state = 'CANCELLED', finished_at = now() where entity = 'CUSTOMERS' and state in ('QUEUED','RUNNING')",
  );
  await c.end();
  await signInAs(page, "operator");
  // The worker would finish a customer resync in a second: hold the queue, as an operator
  // would to stage work, so the run stays QUEUED while we look at it.
  const pause = await page.request.post("/api/trpc/queues.pause", {
    data: trpcBody({ queue: "master-data-resync", reason: "e2e: hold resyncs" }),
    headers: sameOrigin(),
  });
  expect(pause.status()).toBe(200);
  await page.goto("/resync");
  const card = page.getByTestId("resync-CUSTOMERS");
  await card.getByRole("button", { name: "Delta resync" }).click();
  await expect(card).toContainText("QUEUED");
  await expect(card.getByRole("progressbar", { name: "CUSTOMERS progress" })).toBeVisible();

  const second = await page.request.post("/api/trpc/resync.start", {
    data: trpcBody({ entity: "CUSTOMERS", mode: "FULL", reason: "e2e: second run" }),
    headers: sameOrigin(),
  });
  expect(second.status()).toBe(409);
  const body = await second.json();
  expect(body.error.json.data.appCode).toBe("SYNC_ALREADY_RUNNING");

  await card.getByRole("button", { name: "Cancel…" }).click();
  await page
    .getByRole("dialog")
    .getByLabel(/Reason/)
    .fill("started by mistake");
  await page.getByRole("dialog").getByRole("button", { name: "Cancel run" }).click();
  await expect(card.getByRole("button", { name: "Delta resync" })).toBeVisible();
  await expect(
    page.getByTestId("resync-history").getByRole("row").filter({ hasText: "CUSTOMERS" }).first(),
  ).toContainText("CANCELLED");

  // Release the queue for the other specs.
  const resume = await page.request.post("/api/trpc/queues.resume", {
    data: trpcBody({ queue: "master-data-resync", reason: "e2e: release" }),
    headers: sameOrigin(),
  });
  expect(resume.status()).toBe(200);
});
