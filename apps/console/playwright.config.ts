import { defineConfig, devices } from "@playwright/test";
import { chromiumLaunchOptions } from "../../scripts/stack/chromium";
import { principalEnv } from "../../scripts/stack/principals";

/**
 * Browser tests run in Debian's Chromium (no Playwright browser download) against the real
 * stack: scripts/test.sh starts the servers and exports their URLs; Playwright starts the SAP
 * sandbox, the worker and a production build of the console.
 */
const reports = process.env.ICP_REPORTS_DIR ?? "../../.local/reports";
const artifacts = process.env.ICP_ARTIFACTS_DIR ?? "../../artifacts";

export default defineConfig({
  testDir: "./e2e",
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  outputDir: `${artifacts}/playwright`,
  reporter: [["list"], ["json", { outputFile: `${reports}/playwright.json` }]],
  use: {
    baseURL: "http://127.0.0.1:3000",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: chromiumLaunchOptions,
  },
  projects: [
    { name: "desktop", use: { ...devices["Desktop Chrome"], viewport: { width: 1280, height: 800 } } },
    { name: "narrow", use: { viewport: { width: 390, height: 844 }, isMobile: false }, grep: /@narrow/ },
  ],
  webServer: [
    {
      command: "npx tsx ../sap-sandbox/src/main.ts",
      url: "http://127.0.0.1:4004/health",
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
      stdout: "ignore",
      stderr: "pipe",
      // Each process as its own Kafka principal, so the brokers' ACLs apply as in a cluster.
      env: principalEnv("icp-sap-events"),
    },
    {
      command: "npx tsx ../worker/src/main.ts",
      url: "http://127.0.0.1:4010/health/live",
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
      stdout: "ignore",
      stderr: "pipe",
      // Short enough that a browser test sees failures, backpressure and lag within seconds.
      env: {
        ORDER_ATTEMPTS: "3",
        ORDER_BACKOFF_MS: "300",
        ORDERS_BACKPRESSURE_HIGH: "20",
        ORDERS_BACKPRESSURE_LOW: "5",
        SAMPLE_EVERY_MS: "2000",
        // Signs the alerts' webhooks to the receiver e2e/sap-outage.spec.ts runs (a test-only key).
        ALERT_CHANNEL_SECRET_E2E: "whsec_ZTJlLWFsZXJ0LWNoYW5uZWwtdGVzdC1vbmx5LWtleQ==",
        ...principalEnv("icp-worker"),
      },
    },
    {
      command: "ICP_BUILD_PROFILE=local npx next build && npx next start -p 3000 -H 127.0.0.1",
      url: "http://127.0.0.1:3000/api/health/live",
      reuseExistingServer: !process.env.CI,
      timeout: 240_000,
      stdout: "ignore",
      stderr: "pipe",
      env: { DEV_LOGIN: "on", ICP_BUILD_PROFILE: "local", ...principalEnv("icp-console") },
    },
  ],
});
