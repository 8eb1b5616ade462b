import "server-only";
import { createLogger } from "@icp/observability";
import { env } from "./env";

export const logger = createLogger({
  service: "console",
  level: env.LOG_LEVEL,
  environment: env.ICP_ENVIRONMENT,
});
