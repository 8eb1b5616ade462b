import { loadStorefrontAppEnv } from "@icp/config";
import { defineConfig, devices } from "@playwright/test";
import { chromiumLaunchOptions } from "../../scripts/stack/chromium";
import { principalEnv } from "../../scripts/stack/principals";

/**
 * The cross-app browser spec (issue 20): a shopper in the reference storefront and an operator
 * in the console, against the real stack. Playwright starts, in order, the SAP sandbox (no
 * timer: the spec moves the order itself), the worker (signing webhooks with the demo secret),
 * the console (which serves the storefront API) and one production build of the storefront,
 * after provisioning its API client as `make up` does (seed-demo.ts); the spec registers the
 * webhook endpoint once the storefront answers (DEMO_SEED_PARTS=webhook), as make up does.
 * Ports 3000/4004/4010 are fixed: run under `flock /tmp/pw.lock` (scripts/storefront-e2e.sh).
 */
const reports = process.env.ICP_REPORTS_DIR ?? "../../.local/reports";
const artifacts = process.env.ICP_ARTIFACTS_DIR ?? "../../artifacts";
/**
 * The worker signs the storefront's deliveries (secretRef env:WEBHOOK_SECRET_DEMO) with the
 * secret the storefront verifies with: its STOREFRONT_WEBHOOK_SECRETS (locally the demo secret).
 */
const [WEBHOOK_SECRET] = loadStorefrontAppEnv().STOREFRONT_WEBHOOK_SECRETS;
if (!WEBHOOK_SECRET) throw new Error("STOREFRONT_WEBHOOK_SECRETS names no secret");
/** scripts/test.sh's console stage has just built the console: start that build instead of a second one. */
const consoleBuild =
  process.env.STOREFRONT_E2E_CONSOLE_BUILT === "1"
    ? "test -f .next/BUILD_ID || npx next build"
    : "npx next build";

export default defineConfig({
  testDir: "./e2e",
  timeout: 180_000,
  expect: { timeout: 20_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  outputDir: `${artifacts}/playwright-storefront`,
  reporter: [["list"], ["json", { outputFile: `${reports}/playwright-storefront.json` }]],
  use: {
    baseURL: "http://127.0.0.1:3100",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: chromiumLaunchOptions,
  },
  projects: [
    { name: "desktop", use: { ...devices["Desktop Chrome"], viewport: { width: 1280, height: 800 } } },
  ],
  webServer: [
    {
      command: "npx tsx ../sap-sandbox/src/main.ts",
      url: "http://127.0.0.1:4004/health",
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: "ignore",
      stderr: "pipe",
      env: { SANDBOX_TICK_MS: "off", ...principalEnv("icp-sap-events") },
    },
    {
      command: "npx tsx ../worker/src/main.ts",
      url: "http://127.0.0.1:4010/health/live",
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: "ignore",
      stderr: "pipe",
      env: { WEBHOOK_SECRET_DEMO: WEBHOOK_SECRET, ...principalEnv("icp-worker") },
    },
    {
      command: `cd ../console && (${consoleBuild}) && npx next start -p 3000 -H 127.0.0.1`,
      url: "http://127.0.0.1:3000/api/health/live",
      reuseExistingServer: false,
      timeout: 300_000,
      stdout: "ignore",
      stderr: "pipe",
      env: { DEV_LOGIN: "on", ICP_BUILD_PROFILE: "local", ...principalEnv("icp-console") },
    },
    {
      // Provision as make up does (API client, webhook endpoint → :3100, full resyncs), then
      // build once: the catalogue and product pages are generated from the API at build time.
      command: "npx tsx ../../scripts/seed-demo.ts && npx next build && npx next start -p 3100 -H 127.0.0.1",
      url: "http://127.0.0.1:3100/api/health",
      reuseExistingServer: false,
      timeout: 400_000,
      stdout: "pipe",
      stderr: "pipe",
      env: { DEMO_SEED_PARTS: "client,resync", STOREFRONT_PRERENDER_PRODUCTS: "24" },
    },
  ],
});
