import "server-only";
import { loadConsoleEnv } from "@icp/config";

/** The console's env (packages/config `consoleEnv`), parsed once at start-up. */
export const env = loadConsoleEnv();
export const DEV_LOGIN_AVAILABLE =
  // biome-ignore lint/style/noProcessEnv: a build-time constant Next inlines (next.config.ts `env`), not runtime config.
  process.env.ICP_BUILD_PROFILE === "local" &&
  env.DEV_LOGIN === "on" &&
  (env.ICP_ENVIRONMENT === "local" || env.ICP_ENVIRONMENT === "ci");
