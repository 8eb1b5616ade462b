import { expect, test } from "@playwright/test";
import { tag } from "./fixtures";
import { signInAs } from "./helpers";

/** Issue 16, item 9: input the API refuses is shown as field messages, never as zod's raw JSON. */
test("a refused webhook endpoint shows which field is wrong and why, not raw JSON", async ({ page }) => {
  await signInAs(page, "admin");
  await page.goto("/settings");
  const form = page.locator("form", { has: page.getByRole("button", { name: "Add endpoint" }) });
  await form.getByLabel("Name").fill(tag("hook"));
  await form.getByLabel("URL").fill("https://hooks.example.test/in");
  // Passes the browser's `required`, refused by the API: a secret pasted instead of a reference.
  await form.getByLabel("Secret reference").fill("whsec_plain-secret");
  await form.getByRole("button", { name: "Add endpoint" }).click();
  const errors = page.getByTestId("field-errors");
  await expect(errors).toBeVisible();
  await expect(errors.locator('[data-field="secretRef"]')).toContainText(
    "Secret ref: Use env:NAME or vault:path#key — never the secret itself.",
  );
  await expect(page.getByRole("alert").filter({ hasText: '"code"' })).toHaveCount(0);
  await expect(page.getByText(/\[\s*\{\s*"/)).toHaveCount(0);
});
