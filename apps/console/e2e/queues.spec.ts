import { randomUUID } from "node:crypto";
import { Queues } from "@icp/domain";
import { closeQueues, openQueues, redisConnection } from "@icp/messaging";
import { expect, type Page, test } from "@playwright/test";
import { auditRows, tag } from "./fixtures";
import { navLink, screenshot, signInAs } from "./helpers";

/**
 * The Queues page as an operator uses it on the replay queue (the worker's replay processor
 * fails a job whose run does not exist, so a failed job is real and harmless): retry a failed
 * job, pause the queue, promote a delayed job, remove it, resume, and then find each of those
 * five actions, with its reason, in the audit log.
 */
const QUEUE = Queues.replay;

async function jobState(page: Page, id: string): Promise<string | undefined> {
  const input = encodeURIComponent(JSON.stringify({ json: { queue: QUEUE, id } }));
  const res = await page.request.get(`/api/trpc/queues.job?input=${input}`);
  const body = (await res.json()) as { result?: { data?: { json?: { state?: string } | null } } };
  return body.result?.data?.json?.state;
}

async function showJobs(page: Page, state: string) {
  await page.getByTestId("queue-counts").getByRole("button", { name: QUEUE, exact: true }).click();
  await page.getByLabel("Jobs").selectOption(state);
}

test("an operator retries, promotes and removes jobs, pauses and resumes a queue, and finds each action in the audit log", async ({
  page,
}) => {
  const t = tag("queues");
  const failedId = `${t}-failed`;
  const delayedId = `${t}-delayed`;
  const queues = openQueues(redisConnection(process.env.REDIS_URL ?? "redis://127.0.0.1:56379"));
  const queue = queues.get(QUEUE);
  if (!queue) throw new Error(`no queue ${QUEUE}`);
  try {
    await queue.add("replay-topic-range", { runId: randomUUID() }, { jobId: failedId, attempts: 1 });
    await queue.add("replay-topic-range", { runId: randomUUID() }, { jobId: delayedId, delay: 3_600_000 });

    await signInAs(page, "operator");
    await page.goto("/queues");
    await expect.poll(() => jobState(page, failedId)).toBe("failed");

    // Retry the failed job: it runs again (and fails again: its run does not exist).
    await showJobs(page, "failed");
    const failedRow = page.getByTestId("jobs").getByRole("row").filter({ hasText: failedId });
    await expect(failedRow).toContainText("No record was found");
    await failedRow.getByRole("button", { name: failedId }).click();
    await expect(page.getByTestId("jobs")).toContainText("Error and stack");
    await failedRow.getByRole("button", { name: "Retry" }).click();
    await expect
      .poll(async () => (await auditRows({ targetId: `${QUEUE}/${failedId}` })).map((r) => r.action))
      .toEqual(["queue.job_retry"]);

    // Pause the queue, with a reason.
    const countsRow = page.getByTestId("queue-counts").getByRole("row").filter({ hasText: QUEUE });
    await countsRow.getByRole("button", { name: "Pause" }).click();
    await page
      .getByRole("dialog")
      .getByLabel(/Reason/)
      .fill(`pausing for ${t}`);
    await page.getByRole("dialog").getByRole("button", { name: "Pause" }).click();
    await expect(countsRow).toContainText("paused");

    // Promote the delayed job: the queue is paused, so it waits instead of running.
    await showJobs(page, "delayed");
    const delayedRow = page.getByTestId("jobs").getByRole("row").filter({ hasText: delayedId });
    await delayedRow.getByRole("button", { name: "Promote" }).click();
    await expect.poll(() => jobState(page, delayedId)).toMatch(/^(waiting|paused)$/);
    await screenshot(page, "queues");

    // Remove it, with a reason.
    await showJobs(page, (await jobState(page, delayedId)) as string);
    await page
      .getByTestId("jobs")
      .getByRole("row")
      .filter({ hasText: delayedId })
      .getByRole("button", { name: "Remove" })
      .click();
    await page
      .getByRole("dialog")
      .getByLabel(/Reason/)
      .fill(`not needed, ${t}`);
    await page.getByRole("dialog").getByRole("button", { name: "Remove" }).click();
    await expect.poll(() => jobState(page, delayedId)).toBeUndefined();

    // Resume.
    await countsRow.getByRole("button", { name: "Resume" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Resume" }).click();
    await expect(countsRow).not.toContainText("paused");
    expect(await queue.isPaused()).toBe(false);

    // Each action is in the audit log, found the way an operator finds it.
    await navLink(page, "Audit log").click();
    const table = page.getByTestId("audit-table");
    await page.getByLabel("Target id").fill(`${QUEUE}/${delayedId}`);
    await expect(table).toHaveAttribute("data-row-count", "2");
    await expect(table.getByRole("row").filter({ hasText: "queue.job_promote" })).toContainText(
      "operator@example.com",
    );
    await expect(table.getByRole("row").filter({ hasText: "queue.job_remove" })).toContainText(
      `not needed, ${t}`,
    );
    await page.getByLabel("Target id").fill(`${QUEUE}/${failedId}`);
    await expect(table).toHaveAttribute("data-row-count", "1");
    await expect(table.getByRole("row").filter({ hasText: "queue.job_retry" })).toContainText("OPERATOR");
    await page.getByLabel("Target id").fill(QUEUE);
    await page.getByLabel("Action").selectOption("queue.pause");
    const pauseRow = table.getByRole("row").filter({ hasText: `pausing for ${t}` });
    await expect(pauseRow).toContainText("queue.pause");
    await pauseRow.getByRole("link").click();
    await expect(page.getByTestId("audit-detail")).toContainText("paused");
    await page.goBack();
    await page.getByLabel("Action").selectOption("queue.resume");
    await expect(table.getByRole("row").filter({ hasText: "queue.resume" }).first()).toBeVisible();
    await screenshot(page, "audit-queues");

    const all = [
      ...(await auditRows({ targetId: `${QUEUE}/${failedId}` })),
      ...(await auditRows({ targetId: `${QUEUE}/${delayedId}` })),
    ];
    expect(all.map((r) => [r.action, r.actor_email, r.actor_role])).toEqual([
      ["queue.job_retry", "operator@example.com", "OPERATOR"],
      ["queue.job_promote", "operator@example.com", "OPERATOR"],
      ["queue.job_remove", "operator@example.com", "OPERATOR"],
    ]);
    expect(all.every((r) => r.request_id)).toBe(true);
  } finally {
    if (await queue.isPaused()) await queue.resume();
    await queue.remove(failedId).catch(() => 0);
    await queue.remove(delayedId).catch(() => 0);
    await closeQueues(queues);
  }
});
