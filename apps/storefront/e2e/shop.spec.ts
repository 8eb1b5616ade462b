import { execFileSync } from "node:child_process";
import { loadStorefrontAppEnv } from "@icp/config";
import { createStorefrontClient, type Product } from "@icp/storefront-sdk";
import { expect, type Page, test } from "@playwright/test";
import pg from "pg";

/**
 * Issue 20's round trip in a browser: a shopper orders in the static storefront, an operator
 * sees the order's timeline in the console, SAP (the sandbox's back office) ships it and the
 * shopper's order page says so; then a price changed in SAP reaches the product page through
 * the signed product.changed webhook and revalidation, with no rebuild. Screenshots of both
 * apps at each step go to artifacts/screenshots/storefront-*.png.
 */
const CONSOLE = "http://127.0.0.1:3000";
const SANDBOX = "http://127.0.0.1:4004";
const ADMIN_TOKEN = process.env.SANDBOX_ADMIN_TOKEN ?? "local-sandbox-admin";
const SHOTS = `${process.env.ICP_ARTIFACTS_DIR ?? "../../artifacts"}/screenshots`;
const env = loadStorefrontAppEnv();
const sdk = createStorefrontClient({
  baseUrl: env.STOREFRONT_API_URL,
  clientId: env.STOREFRONT_CLIENT_ID,
  clientSecret: env.STOREFRONT_CLIENT_SECRET,
});

const shot = (page: Page, name: string) =>
  page.screenshot({ path: `${SHOTS}/storefront-${name}.png`, fullPage: true });

async function sandboxAdmin(path: string, body: unknown = {}) {
  const res = await fetch(`${SANDBOX}/sandbox/admin/${path}`, {
    method: "POST",
    headers: { authorization: `Bearer ${ADMIN_TOKEN}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`sandbox ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as Record<string, unknown>;
}

async function signInOperator(page: Page) {
  await page.goto(`${CONSOLE}/`);
  await expect(page).toHaveURL(/\/signin/);
  await page.getByLabel("User").selectOption("operator@example.com");
  await page.getByLabel("Password").fill("demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
}

/** A product the build pre-rendered (the first 24 by name), priced, with stock to order. */
async function prerenderedProduct(): Promise<Product> {
  const page = await sdk.listProducts({ pageSize: 24, sort: "name" });
  const p = page.items.find((x) => x.price && x.stock.available >= 5);
  if (!p) throw new Error("no pre-rendered product with a price and stock (did the resync run?)");
  return p;
}

const WEBHOOK_URL = "http://127.0.0.1:3100/api/webhooks";

test.beforeAll(() => {
  // Register the storefront as the webhook endpoint now that it answers, as make up does.
  execFileSync("npx", ["tsx", "../../scripts/seed-demo.ts"], {
    env: { ...process.env, DEMO_SEED_PARTS: "webhook", DEMO_WEBHOOK_URL: WEBHOOK_URL },
    stdio: "inherit",
  });
});

test.afterAll(async () => {
  // The endpoint points at this run's storefront: leave no deliveries failing after it stops.
  const c = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await c.connect();
  await c.query(
    "update webhook_endpoint set active = false, deleted_at = now() where url = $1 and deleted_at is null",
    [WEBHOOK_URL],
  );
  await c.end();
});

test("a shopper orders in the storefront, the operator traces it, SAP ships it, the shopper sees shipped", async ({
  browser,
}) => {
  const product = await prerenderedProduct();
  const shopper = await browser.newPage();
  await shopper.goto("/");
  await expect(shopper.getByTestId("catalogue")).toContainText(product.name);
  await shot(shopper, "1-catalogue");

  await shopper.getByRole("link", { name: product.name }).first().click();
  await expect(shopper.getByRole("heading", { name: product.name })).toBeVisible();
  await expect(shopper.getByTestId("stock")).toContainText("(live)");
  await shot(shopper, "2-product");
  await shopper.getByRole("button", { name: "Add to cart" }).click();
  await expect(shopper).toHaveURL(/\/cart$/);
  await expect(shopper.getByTestId("cart-lines")).toContainText(product.id);
  await shot(shopper, "3-cart");

  await shopper.getByRole("button", { name: "Place order" }).click();
  await expect(shopper).toHaveURL(/\/orders\/[^/]+$/);
  const orderId = decodeURIComponent(shopper.url().split("/").at(-1) ?? "");
  // SAP booked it: the worker created the sales order and the page follows the status
  await expect(shopper.getByTestId("order-status")).toHaveText("Accepted", { timeout: 60_000 });
  await shot(shopper, "4-order-accepted");
  const { salesOrder } = await sdk.getOrder(orderId);
  expect(salesOrder).toMatch(/^\d+$/);

  // The operator finds the same order in the console and sees its timeline
  const operator = await browser.newPage();
  await signInOperator(operator);
  await operator.goto(`${CONSOLE}/orders`);
  await operator.getByLabel(/Order id, SAP document/).fill(orderId);
  await operator.getByRole("button", { name: "Search", exact: true }).click();
  await operator.getByTestId("order-results").getByRole("row").filter({ hasText: orderId }).click();
  const timeline = operator.getByTestId("timeline");
  await expect(timeline).toContainText("API_RECEIVED");
  await expect(timeline).toContainText("SAP_CREATED");
  await expect(operator.getByText(String(salesOrder)).first()).toBeVisible();
  await shot(operator, "5-console-timeline");

  // SAP's back office moves the sales order: in process, then shipped (goods issue)
  expect(await sandboxAdmin(`orders/${salesOrder}/advance`)).toMatchObject({ OverallSDProcessStatus: "B" });
  await expect(shopper.getByTestId("order-status")).toHaveText("Processing", { timeout: 30_000 });
  await shot(shopper, "6-order-processing");
  expect(await sandboxAdmin(`orders/${salesOrder}/advance`)).toMatchObject({ OverallDeliveryStatus: "C" });
  await expect(shopper.getByTestId("order-status")).toHaveText("Shipped", { timeout: 30_000 });
  await expect(shopper.getByTestId("order-steps")).toContainText("Shipped ✓");
  await shot(shopper, "7-order-shipped");

  await operator.reload();
  // SAP's status events and the signed webhooks the storefront answered, in the order's timeline
  await expect(operator.getByTestId("timeline")).toContainText(/"status": ?"SHIPPED"/, { timeout: 30_000 });
  await expect(operator.getByTestId("timeline")).toContainText(
    /order\.status_changed → Demo storefront: SUCCEEDED \(204\)/,
  );
  await shot(operator, "8-console-shipped");
});

test("a price changed in SAP shows on the static product page after the webhook, with no rebuild", async ({
  browser,
}) => {
  const product = await prerenderedProduct();
  const page = await browser.newPage();
  const path = `/products/${encodeURIComponent(product.id)}`;
  await page.goto(path);
  const before = (await page.getByTestId("price").textContent())?.trim();
  const generatedBefore = await page.getByTestId("generated-at").textContent();
  // static: a second visit is the same generated page
  await page.reload();
  expect(await page.getByTestId("generated-at").textContent()).toBe(generatedBefore);
  await shot(page, "9-price-before");

  // A pricing clerk changes the list price in SAP (+25 %)...
  const changed = await sandboxAdmin(`prices/${encodeURIComponent(product.id)}`, { factor: 1.25 });
  expect(changed.rate).toEqual(expect.any(Number));
  // ... the operator runs the products' delta resync in the console (the worker reads the
  // change, writes the product and sends the signed product.changed webhook)
  const operator = await browser.newPage();
  await signInOperator(operator);
  await operator.goto(`${CONSOLE}/resync`);
  const card = operator.getByTestId("resync-PRODUCTS");
  await card.getByRole("button", { name: "Delta resync" }).click();
  // This run, not the seed's full run before it: until the history has refetched, its newest
  // PRODUCTS row is that one, already SUCCEEDED (CI run C read the old price after it).
  await expect(
    operator.getByTestId("resync-history").getByRole("row").filter({ hasText: "PRODUCTS" }).first(),
  ).toContainText(/DELTA\s*SUCCEEDED.*operator@example\.com/, { timeout: 60_000 });
  await shot(operator, "10-console-resync");
  const after = await sdk.getProduct(product.id);
  expect(after.price?.amount).not.toBe(product.price?.amount);
  const expected = `${Number(after.price?.amount).toFixed(2)} ${after.price?.currency}`;

  // The storefront regenerated the page on the webhook: the new price, no rebuild
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("price")).toHaveText(expected, { timeout: 1_000 });
  }).toPass({ timeout: 60_000 });
  expect(expected).not.toBe(before);
  expect(await page.getByTestId("generated-at").textContent()).not.toBe(generatedBefore);
  await shot(page, "11-price-after");
});
