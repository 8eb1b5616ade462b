import { expect, test } from "@playwright/test";
import { db, seedFailures, tag } from "./fixtures";
import { navLink, screenshot, signInAs } from "./helpers";

const PAGES = [
  { path: "/", heading: "Overview", ready: "Flows" },
  { path: "/kafka", heading: "Kafka", ready: "Topics" },
  { path: "/queues", heading: "Queues", ready: null },
  { path: "/failures", heading: "Failures", ready: null },
  { path: "/orders", heading: "Order trace", ready: null },
  { path: "/resync", heading: "Resync", ready: "History" },
  { path: "/drift", heading: "Drift", ready: "Findings" },
  { path: "/replay", heading: "Replay", ready: "Replay runs" },
  { path: "/approvals", heading: "Approvals", ready: null },
  { path: "/audit", heading: "Audit log", ready: null },
  { path: "/settings", heading: "Settings", ready: "Storefront API clients" },
] as const;

/** Lag and queue samples over the last 10 minutes, as the worker's sampler writes them, so the charts draw. */
async function seedSamples() {
  const c = db();
  await c.connect();
  try {
    for (let i = 0; i < 30; i++) {
      const at = new Date(Date.now() - (30 - i) * 20_000);
      for (const [group, topic, base] of [
        ["icp.orders-to-sap", "orders", 40],
        ["icp.inventory-to-storefront", "inventory", 5],
      ] as const) {
        const lag = Math.round(base + base * Math.sin(i / 4));
        await c.query(
          "insert into lag_sample (at, consumer_group, topic, partition, committed, end_offset, lag) values ($1, $2, $3, 0, $4, $5, $6)",
          [at, group, topic, 1000 + i * 10, 1000 + i * 10 + lag, lag],
        );
      }
      await c.query(
        "insert into queue_sample (at, queue, waiting, active, delayed, failed, completed) values ($1, 'orders-to-sap', $2, 1, 0, $3, $4)",
        [at, Math.round(20 + 15 * Math.cos(i / 5)), i > 20 ? 2 : 0, i * 7],
      );
    }
  } finally {
    await c.end();
  }
}

test("every page renders with the nav marking it current @narrow", async ({ page }) => {
  await seedFailures([{ entityKey: `${tag("page")}-a` }]);
  await seedSamples();
  await signInAs(page, "admin");
  for (const p of PAGES) {
    await page.goto(p.path);
    await expect(page.getByRole("heading", { level: 1, name: p.heading })).toBeVisible();
    await expect(navLink(page, p.heading)).toHaveAttribute("aria-current", "page");
    if (p.ready)
      await expect(page.getByRole("heading", { name: p.ready, exact: true }).first()).toBeVisible();
    await page.waitForLoadState("networkidle").catch(() => {});
    const name = p.path === "/" ? "overview" : p.path.slice(1);
    await screenshot(page, `page-${name}-${test.info().project.name}`);
  }
});
