import { z } from "zod";
import { envPiece } from "../piece";

/** Comma-separated list → trimmed, non-empty entries. */
export const commaList = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .transform((s) =>
      s
        .split(",")
        .map((b) => b.trim())
        .filter(Boolean),
    );

export const kafka = envPiece({
  name: "kafka",
  shape: {
    KAFKA_BROKERS: commaList("127.0.0.1:59092"),
    KAFKA_CLIENT_ID: z.string().default("icp"),
    /** Appended to consumer group ids: isolated workers for tests and investigations; empty in production. */
    KAFKA_GROUP_SUFFIX: z
      .string()
      .regex(/^[A-Za-z0-9._-]*$/)
      .default(""),
  },
  requiredWhenDeployed: { KAFKA_BROKERS: "the cluster's bootstrap servers, from the ConfigMap" },
});
