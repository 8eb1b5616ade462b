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

/**
 * The console's own nav link to a page — scoped to the nav and matched exactly, since a page's
 * content may hold links whose names contain a nav label ("Settings → Roles" on Settings).
 */
export function navLink(page: Page, name: string) {
  return page.getByRole("navigation", { name: "Console" }).getByRole("link", { name, exact: true });
}

/** Go to a console page by its nav link and wait until the nav marks it current. */
export async function navTo(page: Page, name: string) {
  await navLink(page, name).click();
  await expect(navLink(page, name)).toHaveAttribute("aria-current", "page");
}

export async function screenshot(page: Page, name: string) {
  await page.screenshot({
    path: `${process.env.ICP_ARTIFACTS_DIR ?? "../../artifacts"}/screenshots/${name}.png`,
    fullPage: true,
  });
}
