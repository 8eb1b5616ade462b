import { z } from "zod";

/**
 * The one environment schema. Every process parses it once at start-up (`loadEnv()`), fails
 * fast with every problem listed, and passes the typed result on; nothing else reads
 * `process.env`. Defaults are the local stack's loopback ports (scripts/stack.sh), so a
 * developer needs no .env file; production sets every URL explicitly.
 */
const url = z.string().min(1);

/**
 * The youngest audit entry that may ever be purged, in days. The same floor is hard-coded in
 * the database (migration 20261202010000_audit_log_retention, `audit_log_retention_floor()`),
 * which refuses younger cutoffs whatever the application asks.
 */
export const AUDIT_RETENTION_FLOOR_DAYS = 30;

export const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    /** Where this process runs. beta/stage/prod demand real secrets and OIDC; local/ci may use defaults. */
    ICP_ENVIRONMENT: z.enum(["local", "ci", "beta", "stage", "prod"]).default("local"),
    LOG_LEVEL: z.enum(["trace", "debug", "info", "warn", "error", "fatal", "silent"]).default("info"),

    DATABASE_URL: url.default("postgresql://icp:icp@127.0.0.1:55432/icp"),
    REDIS_URL: url.default("redis://127.0.0.1:56379"),
    KAFKA_BROKERS: z
      .string()
      .default("127.0.0.1:59092")
      .transform((s) =>
        s
          .split(",")
          .map((b) => b.trim())
          .filter(Boolean),
      ),
    KAFKA_CLIENT_ID: z.string().default("icp"),
    /** Appended to consumer group ids: isolated workers for tests and investigations; empty in production. */
    KAFKA_GROUP_SUFFIX: z
      .string()
      .regex(/^[A-Za-z0-9._-]*$/)
      .default(""),
    /** How long a worker holds an order job before another may take it over after a crash. */
    WORKER_LOCK_MS: z.coerce.number().int().min(1000).default(30_000),
    /** Scheduled master-data resyncs (delta products/customers/prices every RESYNC_EVERY_MIN, full stock nightly). */
    RESYNC_SCHEDULE: z.enum(["on", "off"]).default("on"),
    RESYNC_EVERY_MIN: z.coerce.number().int().min(1).default(15),
    /** Attempts (with exponential backoff from ORDER_BACKOFF_MS) before an order push becomes a failure record. */
    ORDER_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(8),
    ORDER_BACKOFF_MS: z.coerce.number().int().min(10).default(2_000),
    /** The orders bridge stops reading Kafka above this many waiting jobs and resumes below the low mark. */
    ORDERS_BACKPRESSURE_HIGH: z.coerce.number().int().min(1).default(5_000),
    ORDERS_BACKPRESSURE_LOW: z.coerce.number().int().min(0).default(1_000),
    /**
     * Bearer token Prometheus sends to the console's /api/metrics (which shares its host with
     * the public Ingress). Required in deployed environments; locally the endpoint is open.
     */
    METRICS_TOKEN: z.string().min(16).optional(),
    /** OTLP/HTTP collector (e.g. http://otel-collector:4318); unset = spans are not exported. */
    OTEL_EXPORTER_OTLP_ENDPOINT: url.optional(),
    /** An order QUEUED/SUBMITTING this long without a live job is re-driven from Kafka. */
    STRANDED_ORDER_AFTER_MS: z.coerce.number().int().min(10_000).default(300_000),
    /** How often the worker samples Kafka lag and queue counts for the console's charts. */
    SAMPLE_EVERY_MS: z.coerce.number().int().min(1_000).default(10_000),
    MONGODB_URL: url.default("mongodb://127.0.0.1:57017/storefront"),

    SAP_BASE_URL: url.default("http://127.0.0.1:4004"),
    SAP_CLIENT: z
      .string()
      .regex(/^\d{3}$/, "SAP_CLIENT is a three-digit client number")
      .default("100"),
    SAP_LANGUAGE: z.string().length(2).default("EN"),
    SAP_USERNAME: z.string().max(12, "an SAP user name has at most 12 characters").default("ICP_RFC_USER"),
    SAP_PASSWORD: z.string().default("local-sandbox-password"),
    SAP_TIMEOUT_MS: z.coerce.number().int().positive().default(15_000),
    SAP_MAX_CONCURRENCY: z.coerce.number().int().positive().default(8),

    CONSOLE_URL: url.default("http://127.0.0.1:3000"),
    WORKER_HTTP_PORT: z.coerce.number().int().positive().default(4010),
    /** Interface the worker's health/metrics server binds: loopback locally, 0.0.0.0 in a pod. */
    HTTP_HOST: z.string().default("127.0.0.1"),
    SANDBOX_PORT: z.coerce.number().int().positive().default(4004),

    /** Signs console session cookies (next-auth). Required in production; a fixed dev value otherwise. */
    AUTH_SECRET: z.string().min(32).optional(),
    OIDC_ISSUER: z.string().url().optional(),
    OIDC_CLIENT_ID: z.string().optional(),
    OIDC_CLIENT_SECRET: z.string().optional(),
    /** Claim holding the user's groups; groups map to roles via OIDC_ROLE_GROUPS. */
    OIDC_ROLES_CLAIM: z.string().default("groups"),
    OIDC_ROLE_GROUPS: z.string().default("viewer:icp-viewers,operator:icp-operators,admin:icp-admins"),
    /** Local-only password sign-in for the demo users; ignored in production builds. */
    DEV_LOGIN: z.enum(["on", "off"]).default("off"),
    DEV_LOGIN_PASSWORD: z.string().default("demo"),

    /** Storefront API access tokens: issuer/audience claims and the secret sealing signing keys at rest. */
    TOKEN_ISSUER: z.string().default("http://127.0.0.1:3000"),
    TOKEN_AUDIENCE: z.string().default("storefront-api"),
    TOKEN_TTL_SECONDS: z.coerce.number().int().min(60).max(3600).default(900),
    SIGNING_KEY_SECRET: z.string().min(32).default("local-signing-key-secret-not-for-deployed-use"),
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
     * Days the audit log is kept; the worker purges older entries nightly through the
     * database's `audit_log_purge()`. 0 (the default) keeps it for ever. Otherwise at least
     * AUDIT_RETENTION_FLOOR_DAYS: the database refuses to purge anything younger.
     */
    AUDIT_RETENTION_DAYS: z.coerce
      .number({ error: "AUDIT_RETENTION_DAYS is a whole number of days" })
      .int("AUDIT_RETENTION_DAYS is a whole number of days")
      .refine((d) => d === 0 || d >= AUDIT_RETENTION_FLOOR_DAYS, {
        message: `must be 0 (keep the audit log for ever) or at least ${AUDIT_RETENTION_FLOOR_DAYS} days (the database refuses to purge younger audit entries)`,
      })
      .default(0),
  })
  .superRefine((env, ctx) => {
    if (env.ORDERS_BACKPRESSURE_LOW >= env.ORDERS_BACKPRESSURE_HIGH)
      ctx.addIssue({
        code: "custom",
        path: ["ORDERS_BACKPRESSURE_LOW"],
        message: "must be below ORDERS_BACKPRESSURE_HIGH",
      });
    if (isDeployed(env.ICP_ENVIRONMENT)) {
      const need = (key: keyof typeof env, why: string) => {
        if (!env[key])
          ctx.addIssue({
            code: "custom",
            path: [key],
            message: `required in ${env.ICP_ENVIRONMENT} (${why})`,
          });
      };
      need("AUTH_SECRET", "signs staff sessions");
      need("METRICS_TOKEN", "guards /api/metrics, which the public Ingress also routes");
      if (env.SIGNING_KEY_SECRET.startsWith("local-"))
        ctx.addIssue({
          code: "custom",
          path: ["SIGNING_KEY_SECRET"],
          message: `required in ${env.ICP_ENVIRONMENT} (seals token signing keys)`,
        });
      need("OIDC_ISSUER", "staff sign in through OIDC");
      need("OIDC_CLIENT_ID", "staff sign in through OIDC");
      need("OIDC_CLIENT_SECRET", "staff sign in through OIDC");
      if (env.DEV_LOGIN === "on")
        ctx.addIssue({
          code: "custom",
          path: ["DEV_LOGIN"],
          message: "the development sign-in cannot be enabled outside local/ci",
        });
    }
  });

export type Env = z.infer<typeof envSchema>;

/** Environments that face real users and data. */
export function isDeployed(environment: Env["ICP_ENVIRONMENT"]): boolean {
  return environment === "beta" || environment === "stage" || environment === "prod";
}

export class EnvError extends Error {
  constructor(readonly issues: string[]) {
    super(`Invalid environment:\n  - ${issues.join("\n  - ")}`);
    this.name = "EnvError";
  }
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    throw new EnvError(result.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`));
  }
  return result.data;
}

let cached: Env | undefined;
/** Parse `process.env` once per process. */
export function loadEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
export * from "./secrets";
