import { z } from "zod";
import { envPiece, isDeployed } from "../piece";

const LOCAL_SIGNING_KEY_SECRET = "local-signing-key-secret-not-for-deployed-use";

/** The storefront API the console serves: access tokens, per-IP limits, intake checks. */
export const storefront = envPiece({
  name: "storefront API",
  shape: {
    /** Access tokens' issuer claim; unset, the console uses its CONSOLE_URL. */
    TOKEN_ISSUER: z.string().min(1).optional(),
    TOKEN_AUDIENCE: z.string().default("storefront-api"),
    TOKEN_TTL_SECONDS: z.coerce.number().int().min(60).max(3600).default(900),
    /** Seals the token signing keys at rest (in PostgreSQL). */
    SIGNING_KEY_SECRET: z.string().min(32).default(LOCAL_SIGNING_KEY_SECRET),
    /** Per-IP budget for the unauthenticated storefront endpoints (token, JWKS, OpenAPI). */
    STOREFRONT_IP_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(300),
    /**
     * How long (ms) order intake keeps the read model's answer about a product's stock before
     * asking again; 0 asks for every order. The check only turns away at once what plainly
     * cannot be had; SAP's availability check decides when the order is booked. (Whether a
     * customer may order and a product exists is kept 30 s, or this if longer.)
     */
    STOREFRONT_CHECK_CACHE_MS: z.coerce.number().int().min(0).max(60_000).default(1_000),
    /**
     * How long (ms) an order request waits for Kafka to take its record before answering 503
     * with Retry-After. kafkajs' own retries would hold it about a minute against a hung broker;
     * the Idempotency-Key stays bound to the order id, so the client's retry continues the order.
     * Keep it well under the key's 30 s lease and the storefront's HTTP timeout.
     */
    STOREFRONT_KAFKA_SEND_TIMEOUT_MS: z.coerce.number().int().min(500).max(25_000).default(10_000),
  },
  requiredWhenDeployed: {
    SIGNING_KEY_SECRET: "seals token signing keys, from Vault",
  },
  check(env, fail, environment) {
    if (isDeployed(environment) && env.SIGNING_KEY_SECRET === LOCAL_SIGNING_KEY_SECRET)
      fail("SIGNING_KEY_SECRET", `the local default cannot seal signing keys in ${environment}`);
  },
});
