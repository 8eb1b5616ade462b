import { z } from "zod";
import { ENVIRONMENTS, envPiece } from "../piece";

/** Every process: where it runs, how much it logs, where its spans go. */
export const core = envPiece({
  name: "core",
  shape: {
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    /** Where this process runs. beta/stage/prod demand real secrets and URLs; local/ci may use defaults. */
    ICP_ENVIRONMENT: z.enum(ENVIRONMENTS).default("local"),
    LOG_LEVEL: z.enum(["trace", "debug", "info", "warn", "error", "fatal", "silent"]).default("info"),
    /** OTLP/HTTP collector (e.g. http://otel-collector:4318); unset = spans are not exported. */
    OTEL_EXPORTER_OTLP_ENDPOINT: z.string().min(1).optional(),
  },
});
