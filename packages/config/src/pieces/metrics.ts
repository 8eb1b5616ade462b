import { z } from "zod";
import { envPiece } from "../piece";

/** The console's /api/metrics, which shares its host with the public Ingress. */
export const consoleMetrics = envPiece({
  name: "console metrics",
  shape: {
    /** Bearer token Prometheus sends to /api/metrics. Required when deployed; locally the endpoint is open. */
    METRICS_TOKEN: z.string().min(16).optional(),
  },
  requiredWhenDeployed: {
    METRICS_TOKEN: "guards /api/metrics, which the public Ingress also routes; from Vault",
  },
});
