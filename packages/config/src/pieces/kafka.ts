import { z } from "zod";
import { envPiece, isDeployed } from "../piece";

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

const flag = z
  .enum(["true", "false"], { message: "must be true or false" })
  .default("false")
  .transform((v) => v === "true");

/**
 * Kafka. A deployed process talks to the brokers over TLS and authenticates with SASL/SCRAM as
 * its own principal (one per deployable: the console, which hosts the storefront API, the
 * worker, the SAP event bridge); the brokers' ACLs decide what each principal may read and
 * write (docs/security.md). The local stack runs the same way (scripts/stack.sh).
 */
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
    /** TLS to the brokers. */
    KAFKA_SSL: flag,
    /** PEM bundle of the CAs that sign the brokers' certificates; the system's CAs when unset. */
    KAFKA_SSL_CA_FILE: z.string().min(1).optional(),
    /** SASL mechanism, or none. */
    KAFKA_SASL_MECHANISM: z.enum(["none", "scram-sha-256", "scram-sha-512"]).default("none"),
    /** This process's principal. */
    KAFKA_SASL_USERNAME: z.string().min(1).optional(),
    KAFKA_SASL_PASSWORD: z.string().min(1).optional(),
  },
  requiredWhenDeployed: {
    KAFKA_BROKERS: "the cluster's bootstrap servers, from the ConfigMap",
    KAFKA_SSL: "TLS to the brokers (true), from the ConfigMap",
    KAFKA_SASL_MECHANISM: "the SASL mechanism (scram-sha-512), from the ConfigMap",
    KAFKA_SASL_USERNAME: "this deployable's Kafka principal, from Vault",
    KAFKA_SASL_PASSWORD: "that principal's SCRAM password, from Vault",
  },
  check(env, fail, environment) {
    if (env.KAFKA_SASL_MECHANISM !== "none") {
      if (!env.KAFKA_SASL_USERNAME)
        fail("KAFKA_SASL_USERNAME", `KAFKA_SASL_MECHANISM=${env.KAFKA_SASL_MECHANISM} needs a user name`);
      if (!env.KAFKA_SASL_PASSWORD)
        fail("KAFKA_SASL_PASSWORD", `KAFKA_SASL_MECHANISM=${env.KAFKA_SASL_MECHANISM} needs a password`);
    } else if (env.KAFKA_SASL_USERNAME || env.KAFKA_SASL_PASSWORD) {
      fail("KAFKA_SASL_MECHANISM", "a Kafka user name or password is set but KAFKA_SASL_MECHANISM is none");
    }
    if (env.KAFKA_SSL_CA_FILE && !env.KAFKA_SSL)
      fail("KAFKA_SSL", "KAFKA_SSL_CA_FILE is set but KAFKA_SSL is false");
    if (isDeployed(environment)) {
      if (!env.KAFKA_SSL) fail("KAFKA_SSL", "a deployed environment talks to Kafka over TLS only");
      if (env.KAFKA_SASL_MECHANISM === "none")
        fail("KAFKA_SASL_MECHANISM", "a deployed environment authenticates to Kafka (scram-sha-512)");
    }
  },
});

/** The connection settings a Kafka client needs, from a parsed env that has the kafka piece. */
export interface KafkaConnection {
  brokers: string[];
  ssl: false | { caFile?: string };
  sasl: false | { mechanism: "scram-sha-256" | "scram-sha-512"; username: string; password: string };
}

export function kafkaConnection(env: {
  KAFKA_BROKERS: string[];
  KAFKA_SSL: boolean;
  KAFKA_SSL_CA_FILE?: string | undefined;
  KAFKA_SASL_MECHANISM: "none" | "scram-sha-256" | "scram-sha-512";
  KAFKA_SASL_USERNAME?: string | undefined;
  KAFKA_SASL_PASSWORD?: string | undefined;
}): KafkaConnection {
  return {
    brokers: env.KAFKA_BROKERS,
    ssl: env.KAFKA_SSL ? (env.KAFKA_SSL_CA_FILE ? { caFile: env.KAFKA_SSL_CA_FILE } : {}) : false,
    sasl:
      env.KAFKA_SASL_MECHANISM === "none"
        ? false
        : {
            mechanism: env.KAFKA_SASL_MECHANISM,
            username: env.KAFKA_SASL_USERNAME ?? "",
            password: env.KAFKA_SASL_PASSWORD ?? "",
          },
  };
}
