import { describe, expect, expectTypeOf, it } from "vitest";
import {
  type ConsoleEnv,
  consoleEnv,
  deployables,
  type Env,
  EnvError,
  localEnv,
  migrateEnv,
  parseEnv,
  sandboxEnv,
  type WorkerEnv,
  workerEnv,
} from "./index";

/** What a deployed worker gets: the ConfigMap's settings plus its Vault keys. */
const deployedWorker = {
  ICP_ENVIRONMENT: "prod",
  KAFKA_BROKERS: "kafka.internal:9092",
  SAP_BASE_URL: "https://s4.internal",
  DATABASE_URL: "postgresql://db.internal/icp",
  REDIS_URL: "redis://redis.internal:6379",
  MONGODB_URL: "mongodb://mongo.internal/storefront",
  SAP_USERNAME: "ICP_RFC",
  SAP_PASSWORD: "p",
  KAFKA_SSL: "true",
  KAFKA_SASL_MECHANISM: "scram-sha-512",
  KAFKA_SASL_USERNAME: "icp-worker",
  KAFKA_SASL_PASSWORD: "k",
};

describe("env per deployable", () => {
  it("starts the worker without any console secret", () => {
    const env = workerEnv.parse(deployedWorker);
    expect(env.KAFKA_BROKERS).toEqual(["kafka.internal:9092"]);
    expect(env).not.toHaveProperty("AUTH_SECRET");
    expect(workerEnv.keys).not.toContain("METRICS_TOKEN");
    for (const key of ["AUTH_SECRET", "METRICS_TOKEN", "SIGNING_KEY_SECRET", "OIDC_ISSUER", "OIDC_CLIENT_ID"])
      expect(workerEnv.keys).not.toContain(key);
  });

  it("starts the migration Job with DATABASE_URL alone", () => {
    expect(migrateEnv.keys).toEqual([
      "NODE_ENV",
      "ICP_ENVIRONMENT",
      "LOG_LEVEL",
      "OTEL_EXPORTER_OTLP_ENDPOINT",
      "DATABASE_URL",
    ]);
    expect(
      migrateEnv.parse({ ICP_ENVIRONMENT: "prod", DATABASE_URL: "postgresql://db/icp" }).DATABASE_URL,
    ).toBe("postgresql://db/icp");
  });

  it("refuses a deployed environment that relies on a local default, naming every missing key at once", () => {
    expect(() => migrateEnv.parse({ ICP_ENVIRONMENT: "beta" })).toThrowError(
      /Invalid migrate environment:\n {2}- DATABASE_URL: required in beta/,
    );
    const { SAP_PASSWORD: _, REDIS_URL: __, ...partial } = deployedWorker;
    const problems = workerEnv.problems(partial);
    expect(problems).toEqual([
      expect.stringMatching(/^REDIS_URL: required in prod/),
      expect.stringMatching(/^SAP_PASSWORD: required in prod/),
    ]);
    expect(workerEnv.problems({ ...deployedWorker, DATABASE_URL: " " })).toEqual([
      expect.stringMatching(/^DATABASE_URL: required in prod/),
    ]);
    // Locally every default is fine.
    expect(workerEnv.problems({})).toEqual([]);
  });

  it("lists schema problems and deployed requirements together", () => {
    try {
      consoleEnv.parse({ ICP_ENVIRONMENT: "stage", SAP_CLIENT: "1", TOKEN_TTL_SECONDS: "5" });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(EnvError);
      const issues = (e as EnvError).issues.join("\n");
      for (const key of [
        "SAP_CLIENT",
        "TOKEN_TTL_SECONDS",
        "AUTH_SECRET",
        "SIGNING_KEY_SECRET",
        "METRICS_TOKEN",
      ])
        expect(issues).toContain(key);
    }
  });

  it("refuses the local signing-key secret in a deployed console", () => {
    const problems = consoleEnv.problems({
      ICP_ENVIRONMENT: "beta",
      SIGNING_KEY_SECRET: "local-signing-key-secret-not-for-deployed-use",
    });
    expect(problems.join("\n")).toMatch(
      /SIGNING_KEY_SECRET: the local default cannot seal signing keys in beta/,
    );
  });

  it("keeps the sandbox's own variables as given, for its own parser; its Kafka settings are the kafka piece's", () => {
    const env = sandboxEnv.parse({
      SANDBOX_PORT: "4004",
      KAFKA_BROKERS: "a:9092,b:9092",
      KAFKA_SSL: "true",
      KAFKA_SASL_MECHANISM: "scram-sha-512",
      KAFKA_SASL_USERNAME: "icp-sap-events",
      KAFKA_SASL_PASSWORD: "from-vault",
      ICP_ENVIRONMENT: "beta",
    });
    expect(env.SANDBOX_PORT).toBe("4004");
    expect(env.KAFKA_BROKERS).toEqual(["a:9092", "b:9092"]);
    const { KAFKA_BROKERS, KAFKA_SSL, KAFKA_SASL_MECHANISM, ...own } = env;
    expectTypeOf(own.SANDBOX_PORT).toEqualTypeOf<string | undefined>();
    expect([KAFKA_BROKERS.length, KAFKA_SSL, KAFKA_SASL_MECHANISM]).toEqual([2, true, "scram-sha-512"]);
  });

  it("refuses plaintext or unauthenticated Kafka in a deployed environment, and half-set SASL anywhere", () => {
    const deployed = { ICP_ENVIRONMENT: "beta", KAFKA_BROKERS: "a:9092" };
    expect(sandboxEnv.problems(deployed)).toEqual(
      ["KAFKA_SSL", "KAFKA_SASL_MECHANISM", "KAFKA_SASL_USERNAME", "KAFKA_SASL_PASSWORD"].map((k) =>
        expect.stringMatching(new RegExp(`^${k}: required in beta`)),
      ),
    );
    const plaintext = { ...deployed, KAFKA_SSL: "false", KAFKA_SASL_MECHANISM: "none" };
    expect(sandboxEnv.problems(plaintext).join("\n")).toMatch(
      /KAFKA_SSL: a deployed environment talks to Kafka over TLS only/,
    );
    expect(sandboxEnv.problems(plaintext).join("\n")).toMatch(
      /KAFKA_SASL_MECHANISM: a deployed environment authenticates/,
    );
    expect(sandboxEnv.problems({ KAFKA_SASL_MECHANISM: "scram-sha-512", KAFKA_SASL_USERNAME: "u" })).toEqual([
      expect.stringMatching(/KAFKA_SASL_PASSWORD.*needs a password/),
    ]);
    expect(sandboxEnv.problems({ KAFKA_SASL_USERNAME: "u", KAFKA_SASL_PASSWORD: "p" })).toEqual([
      expect.stringMatching(/KAFKA_SASL_MECHANISM.*none/),
    ]);
    expect(sandboxEnv.problems({ KAFKA_SSL_CA_FILE: "/ca.pem" })).toEqual([
      expect.stringMatching(/KAFKA_SSL.*false/),
    ]);
    expect(sandboxEnv.problems({ KAFKA_SSL: "yes" })).toEqual([
      expect.stringMatching(/KAFKA_SSL.*true or false/),
    ]);
  });

  it("names each deployable, and the local env is every piece but the sandbox's", () => {
    expect(Object.keys(deployables)).toEqual(["console", "worker", "migrate", "sandbox"]);
    for (const d of [consoleEnv, workerEnv, migrateEnv]) {
      for (const key of d.keys) expect(localEnv.keys).toContain(key);
    }
  });

  it("types: a WorkerEnv is what the worker's composition root takes, and so is a local env", () => {
    expectTypeOf<WorkerEnv>().toExtend<Env>();
    expectTypeOf(parseEnv({})).toExtend<Env>();
    expectTypeOf(parseEnv({})).toExtend<ConsoleEnv>();
    expectTypeOf<WorkerEnv>().not.toHaveProperty("AUTH_SECRET");
  });
});
