import { expect, test } from "@playwright/test";
import { screenshot, signInAs } from "./helpers";

test("an anonymous visitor is sent to sign-in and the API refuses them", async ({ page, request }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/signin/);
  const res = await request.get("/api/trpc/pipeline.health");
  expect(res.status()).toBe(401);
});

test("a wrong password is refused with a message", async ({ page }) => {
  await page.goto("/signin");
  await page.getByLabel("Password").fill("wrong");
  await page.getByRole("button", { name: "Sign in" }).click();
  // Next.js keeps an (empty) route announcer with role=alert on every page: pick ours by its text.
  await expect(page.getByRole("alert").filter({ hasText: "Wrong email or password." })).toBeVisible();
});

test("an operator signs in and sees live Kafka lag and queue counts @narrow", async ({ page }) => {
  await signInAs(page, "operator");
  await expect(page.getByText("operator@example.com")).toBeVisible();
  const table = page.getByTestId("lag-table");
  await expect(table.getByRole("row").filter({ hasText: "icp.orders-to-sap" }).first()).toBeVisible();
  await expect(page.getByTestId("total-lag")).toHaveText(/^\d[\d,]*$/);
  await screenshot(page, `overview-${test.info().project.name}`);
});
