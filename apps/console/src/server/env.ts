import "server-only";
import { loadEnv } from "@icp/config";

export const env = loadEnv();
export const DEV_LOGIN_AVAILABLE =
  process.env.ICP_BUILD_PROFILE === "local" &&
  env.DEV_LOGIN === "on" &&
  (env.ICP_ENVIRONMENT === "local" || env.ICP_ENVIRONMENT === "ci");
