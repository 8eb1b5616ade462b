import { defineConfig } from "@playwright/test";
import base from "../playwright.config";

/**
 * Console-only run: the console's own specs need no worker or SAP sandbox. Starts a production
 * build on CONSOLE_E2E_PORT (3100 by default, so it never collides with another checkout's
 * console on 3000) and reuses one that is already running there.
 */
const port = Number(process.env.CONSOLE_E2E_PORT ?? 3100);

export default defineConfig({
  ...base,
  testDir: ".",
  outputDir: `${process.env.ICP_ARTIFACTS_DIR ?? "../../artifacts"}/playwright`,
  use: { ...base.use, baseURL: `http://127.0.0.1:${port}` },
  webServer: {
    command: `ICP_BUILD_PROFILE=local npx next build && npx next start -p ${port} -H 127.0.0.1`,
    cwd: "..",
    url: `http://127.0.0.1:${port}/api/health/live`,
    reuseExistingServer: true,
    timeout: 300_000,
    stdout: "ignore",
    stderr: "pipe",
    // CONSOLE_URL: the CSRF guard accepts mutations only from the console's own origin.
    env: { DEV_LOGIN: "on", ICP_BUILD_PROFILE: "local", CONSOLE_URL: `http://127.0.0.1:${port}` },
  },
});
