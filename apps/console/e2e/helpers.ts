import { expect, type Page } from "@playwright/test";

/**
 * Sign in as a development user: one per built-in role, `admin2` (a second admin, for four-eyes
 * approval) and `retrier` (a custom role that may retry failures but not discard them).
 */
export async function signInAs(page: Page, role: "viewer" | "operator" | "admin" | "admin2" | "retrier") {
  await page.goto("/");
  await expect(page).toHaveURL(/\/signin/);
  await page.getByLabel("User").selectOption(`${role}@example.com`);
  await page.getByLabel("Password").fill("demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
}

export async function screenshot(page: Page, name: string) {
  await page.screenshot({
    path: `${process.env.ICP_ARTIFACTS_DIR ?? "../../artifacts"}/screenshots/${name}.png`,
    fullPage: true,
  });
}
