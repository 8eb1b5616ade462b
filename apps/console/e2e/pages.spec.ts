import { expect, test } from "@playwright/test";
import { seedFailures, tag } from "./fixtures";
import { screenshot, signInAs } from "./helpers";

const PAGES = [
  { path: "/", heading: "Overview", ready: "Flows" },
  { path: "/kafka", heading: "Kafka", ready: "Topics" },
  { path: "/queues", heading: "Queues", ready: null },
  { path: "/failures", heading: "Failures", ready: null },
  { path: "/orders", heading: "Order trace", ready: null },
  { path: "/resync", heading: "Resync", ready: "History" },
  { path: "/replay", heading: "Replay", ready: "Replay runs" },
  { path: "/audit", heading: "Audit log", ready: null },
  { path: "/settings", heading: "Settings", ready: "Storefront API clients" },
] as const;

test("every page renders with the nav marking it current @narrow", async ({ page }) => {
  await seedFailures([{ entityKey: `${tag("page")}-a` }]);
  await signInAs(page, "admin");
  for (const p of PAGES) {
    await page.goto(p.path);
    await expect(page.getByRole("heading", { level: 1, name: p.heading })).toBeVisible();
    await expect(
      page.getByRole("navigation", { name: "Console" }).getByRole("link", { name: p.heading }),
    ).toHaveAttribute("aria-current", "page");
    if (p.ready)
      await expect(page.getByRole("heading", { name: p.ready, exact: true }).first()).toBeVisible();
    await page.waitForLoadState("networkidle").catch(() => {});
    const name = p.path === "/" ? "overview" : p.path.slice(1);
    await screenshot(page, `page-${name}-${test.info().project.name}`);
  }
});
