import { z } from "zod";
import { envPiece } from "../piece";

/** Redis (BullMQ queues, rate limits, SAP health). */
export const redis = envPiece({
  name: "redis",
  shape: {
    REDIS_URL: z.string().min(1).default("redis://127.0.0.1:56379"),
  },
  requiredWhenDeployed: { REDIS_URL: "the Redis connection string, from Vault" },
});
